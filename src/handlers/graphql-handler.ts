import { HeaderMap } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import { GraphQLError } from 'graphql';
import type { Config } from '../config.js';
import { UnavailableError } from '../errors.js';
import { createKeyResolver } from '../graphql/auth.js';
import { createContext } from '../graphql/context.js';
import type { ErrorLog } from '../graphql/errors.js';
import { observabilityPlugin, type RequestObserver } from '../graphql/observability.js';
import { createApolloServer } from '../graphql/server.js';
import { MAX_BODY_BYTES, REQUEST_DEADLINE_MS } from '../stages.js';
import { CallScheduler } from '../store/call-scheduler.js';
import { createDocumentClient, Db } from '../store/db.js';
import { requestBudget, withDeadline } from './deadline.js';

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

/**
 * A key lookup that DynamoDB could not answer fails the whole request before execution, where
 * Apollo would answer 500: it gets SERVICE_UNAVAILABLE and 503 instead, as a failed read would.
 */
function unavailableCaller(error: unknown, log: ErrorLog): unknown {
  if (!(error instanceof UnavailableError)) return error;
  log('database unavailable', error);
  return new GraphQLError(error.message, { originalError: error, extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
}

const lowerCaseHeaders = (headers: APIGatewayProxyEventV2['headers']) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

/** Options of the handler beyond the configuration. */
export interface HandlerOptions {
  /** Time a request may take before it is answered with TIMEOUT; REQUEST_DEADLINE_MS by default. */
  deadlineMs?: number;
  /** The clock of the API key cache (tests move it past KEY_CACHE_MS). */
  clock?: () => number;
  /** Receives a report of every request: operation, duration, error codes, DynamoDB calls. */
  observe?: RequestObserver;
}

/**
 * Builds the GraphQL Lambda handler: one Apollo Server and one SDK client per process,
 * a fresh context (loaders, counters, caller) per request. With ANONYMOUS_READS=false a
 * request without a valid key is refused (401, UNAUTHENTICATED). A request still running at its
 * deadline (below the function's timeout) is answered 503 with code TIMEOUT, and its
 * DynamoDB calls are aborted, instead of the invocation being killed without an answer.
 */
export function createGraphqlHandler(config: Config, log: ErrorLog, db?: Db, options: HandlerOptions = {}): GraphqlHandler {
  const table =
    db ??
    new Db(
      createDocumentClient({ region: config.region, ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}) }),
      config.tableName,
    );
  const resolveCaller = createKeyResolver(table, options.clock);
  // One per process: the requests it serves at once share its DynamoDB calls fairly.
  const scheduler = new CallScheduler();
  const server = createApolloServer(config, log);
  if (options.observe) server.addPlugin(observabilityPlugin(options.observe));
  const deadlines = new WeakMap<APIGatewayProxyEventV2, AbortSignal>();
  const handler = startServerAndCreateLambdaHandler(server as never, eventHandler, {
    context: async ({ event }) => {
      const caller = await resolveCaller(lowerCaseHeaders(event.headers)).catch((error: unknown) => {
        throw unavailableCaller(error, log);
      });
      if (caller.kind === 'anonymous' && !config.anonymousReads) {
        throw new GraphQLError('this API needs a key: send authorization: Bearer <key>', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
      return createContext(table, caller, config.stage, scheduler, deadlines.get(event));
    },
  });
  const deadlineMs = options.deadlineMs ?? REQUEST_DEADLINE_MS;
  return async (event, context) => {
    const controller = new AbortController();
    deadlines.set(event, controller.signal);
    const budget = requestBudget(deadlineMs, context);
    try {
      return await withDeadline(
        budget,
        controller,
        async () => (await handler(event, context, () => undefined)) as APIGatewayProxyStructuredResultV2,
        () => {
          log('request stopped at its deadline', new Error(`no answer within ${budget} ms`));
          return {
            ...errorResult(503, `The request took longer than ${budget} ms and was stopped; try again, or ask for less.`, 'TIMEOUT'),
            headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' },
          };
        },
      );
    } catch (error) {
      log('request failed outside GraphQL execution', error);
      return errorResult(500, 'Unexpected error; it has been logged.', 'INTERNAL_SERVER_ERROR');
    }
  };
}
