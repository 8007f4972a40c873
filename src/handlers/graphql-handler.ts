import { HeaderMap } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import type { Config } from '../config.js';
import { createKeyResolver } from '../graphql/auth.js';
import { createContext } from '../graphql/context.js';
import type { ErrorLog } from '../graphql/errors.js';
import { createApolloServer } from '../graphql/server.js';
import { MAX_BODY_BYTES } from '../stages.js';
import { createDocumentClient, Db } from '../store/db.js';

/** A handler of API Gateway HTTP API (payload v2) events. */
export type GraphqlHandler = (event: APIGatewayProxyEventV2, context: LambdaContext) => Promise<APIGatewayProxyStructuredResultV2>;

class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function errorResult(status: number, message: string, code: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  };
}

/** Request body as text, decoding base64 bodies; oversized ones are refused before parsing. */
function bodyText(event: APIGatewayProxyEventV2): string {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) : Buffer.byteLength(raw);
  if (bytes > MAX_BODY_BYTES) throw new BadRequest(413, `request body is larger than ${MAX_BODY_BYTES} bytes`);
  return event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
}

/**
 * Like the integration's own v2 handler, but a malformed JSON body or an oversized one gets a
 * GraphQL-shaped 400/413 instead of the parser's message.
 */
const eventHandler = handlers.createRequestHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>(
  {
    parseHttpMethod: (event) => event.requestContext.http.method,
    parseHeaders: (event) => {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(event.headers ?? {})) headers.set(key, value ?? '');
      // The integration is typed against Apollo's CommonJS build; the class is the same.
      return headers as never;
    },
    parseQueryParams: (event) => event.rawQueryString ?? '',
    parseBody: (event, headers) => {
      const text = bodyText(event);
      if (!text) return '';
      const type = headers.get('content-type') ?? '';
      if (/^application\/(graphql-response\+)?json/i.test(type)) {
        try {
          return JSON.parse(text);
        } catch {
          throw new BadRequest(400, 'request body is not valid JSON');
        }
      }
      if (type.startsWith('text/plain')) return text;
      return '';
    },
  },
  {
    success: ({ body, headers, status }) => {
      if (body.kind !== 'complete') throw new Error('only complete bodies are supported');
      return {
        statusCode: status ?? 200,
        headers: { ...Object.fromEntries(headers), 'content-length': String(Buffer.byteLength(body.string)) },
        body: body.string,
      };
    },
    error: (error) =>
      error instanceof BadRequest
        ? errorResult(error.status, error.message, error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST')
        : errorResult(400, 'the request could not be read', 'BAD_REQUEST'),
  },
);

const lowerCaseHeaders = (headers: APIGatewayProxyEventV2['headers']) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

/**
 * Builds the GraphQL Lambda handler: one Apollo Server and one SDK client per process,
 * a fresh context (loaders, counters, caller) per request.
 */
export function createGraphqlHandler(config: Config, log: ErrorLog, db?: Db): GraphqlHandler {
  const table = db ?? new Db(createDocumentClient({ region: config.region, ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}) }), config.tableName);
  const resolveCaller = createKeyResolver(table);
  const server = createApolloServer(config, log);
  const handler = startServerAndCreateLambdaHandler(server as never, eventHandler, {
    context: async ({ event }) => createContext(table, await resolveCaller(lowerCaseHeaders(event.headers)), config.stage),
  });
  return async (event, context) => {
    try {
      return (await handler(event, context, () => undefined)) as APIGatewayProxyStructuredResultV2;
    } catch (error) {
      log('request failed outside GraphQL execution', error);
      return errorResult(500, 'Unexpected error; it has been logged.', 'INTERNAL_SERVER_ERROR');
    }
  };
}
