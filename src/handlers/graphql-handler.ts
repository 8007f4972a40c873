import { HeaderMap } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import { GraphQLError } from 'graphql';
import type { Config } from '../config.js';
import { DomainError, ForbiddenError, RequestError, UnavailableError } from '../errors.js';
import { createKeyResolver } from '../graphql/auth.js';
import { createContext, instanceCaches } from '../graphql/context.js';
import type { ErrorLog } from '../graphql/errors.js';
import { observabilityPlugin, type RequestObserver } from '../graphql/observability.js';
import { createApolloServer } from '../graphql/server.js';
import { MAX_BODY_BYTES, REQUEST_DEADLINE_MS, STAGE_SETTINGS } from '../stages.js';
import { CallScheduler } from '../store/call-scheduler.js';
import { type Db, openTable } from '../store/db.js';
import { requestBudget, withDeadline } from './deadline.js';
import { errorResponse } from './error-response.js';

/** A handler of API Gateway HTTP API (payload v2) events. */
export type GraphqlHandler = (event: APIGatewayProxyEventV2, context: LambdaContext) => Promise<APIGatewayProxyStructuredResultV2>;

/** Request body as text, decoding base64 bodies; oversized ones are refused before parsing. */
function bodyText(event: APIGatewayProxyEventV2): string {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) : Buffer.byteLength(raw);
  if (bytes > MAX_BODY_BYTES) throw new RequestError(413, 'PAYLOAD_TOO_LARGE', `request body is larger than ${MAX_BODY_BYTES} bytes`);
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
          throw new RequestError(400, 'BAD_REQUEST', 'request body is not valid JSON');
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
      errorResponse(error instanceof RequestError ? error : new RequestError(400, 'BAD_REQUEST', 'the request could not be read')),
  },
);

/**
 * A domain error raised while the request's context is made (a key lookup DynamoDB could not
 * answer, a refused anonymous caller) fails the whole request before execution, where Apollo
 * would answer 500: it keeps its code and answers with its own HTTP status.
 */
function beforeExecution(error: unknown, log: ErrorLog): unknown {
  if (!(error instanceof DomainError)) return error;
  if (error instanceof UnavailableError) log('database unavailable', error);
  return new GraphQLError(error.message, { originalError: error, extensions: { ...error.extensions, http: { status: error.status } } });
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
  const table = db ?? openTable(config);
  const resolveCaller = createKeyResolver(table, options.clock);
  // One per process: the requests it serves at once share its DynamoDB calls fairly.
  const scheduler = new CallScheduler();
  // Kept across the requests this instance serves, as long as the stage says.
  const caches = instanceCaches(STAGE_SETTINGS[config.stage]);
  const server = createApolloServer(config, log);
  if (options.observe) server.addPlugin(observabilityPlugin(options.observe));
  const deadlines = new WeakMap<APIGatewayProxyEventV2, { signal: AbortSignal; at: number }>();
  const handler = startServerAndCreateLambdaHandler(server as never, eventHandler, {
    context: async ({ event }) => {
      try {
        const caller = await resolveCaller(lowerCaseHeaders(event.headers));
        if (caller.kind === 'anonymous' && !config.anonymousReads) {
          throw new ForbiddenError('this API needs a key: send authorization: Bearer <key>', false);
        }
        return createContext(table, caller, config.stage, { ...deadlines.get(event), log, lane: scheduler.lane(), ...caches });
      } catch (error) {
        throw beforeExecution(error, log);
      }
    },
  });
  const deadlineMs = options.deadlineMs ?? REQUEST_DEADLINE_MS;
  return async (event, context) => {
    const controller = new AbortController();
    const budget = requestBudget(deadlineMs, context);
    deadlines.set(event, { signal: controller.signal, at: Date.now() + budget });
    try {
      return await withDeadline(
        budget,
        controller,
        async () => (await handler(event, context, () => undefined)) as APIGatewayProxyStructuredResultV2,
        () => {
          log('request stopped at its deadline', new Error(`no answer within ${budget} ms`));
          return errorResponse(
            new RequestError(503, 'TIMEOUT', `The request took longer than ${budget} ms and was stopped; try again, or ask for less.`),
          );
        },
      );
    } catch (error) {
      log('request failed outside GraphQL execution', error);
      return errorResponse(new RequestError(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error; it has been logged.'));
    }
  };
}
