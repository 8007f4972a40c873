import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { RequestError } from '../errors.js';
import { errorResponse } from '../handlers/error-response.js';
import type { GraphqlHandler } from '../handlers/graphql-handler.js';
import { MAX_BODY_BYTES, type StageSettings } from '../stages.js';
import { corsHeaders, preflightHeaders } from './cors.js';

/** The path the API serves, as on the deployed HTTP API. */
export const GRAPHQL_PATH = '/graphql';

function send(res: ServerResponse, status: number, headers: Record<string, string>, body = ''): void {
  res.writeHead(status, headers);
  res.end(body);
}

/** Answers with an error refused at the edge, rendered as the Lambda handler renders its own. */
function sendError(res: ServerResponse, error: RequestError, headers: Record<string, string> = {}): number {
  const answer = errorResponse(error, headers);
  send(res, answer.statusCode ?? error.status, answer.headers as Record<string, string>, answer.body);
  return error.status;
}

/** Reads a body up to `limit` bytes; null when it is larger (the rest is drained, not kept). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
  }
  return tooLarge ? null : Buffer.concat(chunks);
}

/** The API Gateway HTTP API (payload v2) event for a node:http request, as the real gateway builds it. */
export function toEvent(req: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(',') : value;
  }
  const now = new Date();
  const textual = /^(application\/(json|graphql-response\+json)|text\/)/i.test(headers['content-type'] ?? '');
  return {
    version: '2.0',
    routeKey: `${req.method} ${url.pathname}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: `${req.method} ${url.pathname}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0
      ? { body: textual ? body.toString('utf8') : body.toString('base64'), isBase64Encoded: !textual }
      : { isBase64Encoded: false }),
  };
}

function lambdaContext(requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'local-graphql',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:local-graphql',
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: 'local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** What the adapter reports of each request, for the local log. */
export type RequestLog = (line: { method: string; path: string; status: number; ms: number }) => void;

/**
 * A small node:http server that does what API Gateway does in front of the Lambda: the
 * `/graphql` route for GET and POST, CORS from the stage settings, the body size limit,
 * and the v2 event. The handler is the Lambda handler itself, not a second server.
 */
export function createHttpAdapter(handler: GraphqlHandler, settings: StageSettings, log?: RequestLog): Server {
  return createServer(async (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    const cors = corsHeaders(settings, origin);
    let status = 500;
    try {
      if (url.pathname !== GRAPHQL_PATH) {
        status = sendError(res, new RequestError(404, 'NOT_FOUND', `not found: the API is at ${GRAPHQL_PATH}`));
        return;
      }
      if (req.method === 'OPTIONS') {
        status = 204;
        return send(res, status, preflightHeaders(settings, origin, req.headers['access-control-request-method']));
      }
      if (req.method !== 'GET' && req.method !== 'POST') {
        status = sendError(res, new RequestError(405, 'METHOD_NOT_ALLOWED', 'use GET or POST'), { ...cors, allow: 'GET, POST' });
        return;
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      const body = declared > MAX_BODY_BYTES ? null : await readBody(req, MAX_BODY_BYTES);
      if (body === null) {
        res.setHeader('connection', 'close');
        status = sendError(res, new RequestError(413, 'PAYLOAD_TOO_LARGE', `request body is larger than ${MAX_BODY_BYTES} bytes`), cors);
        return;
      }
      const event = toEvent(req, body);
      const result = await handler(event, lambdaContext(event.requestContext.requestId));
      status = result.statusCode ?? 200;
      const headers: Record<string, string> = { ...cors };
      for (const [key, value] of Object.entries(result.headers ?? {})) headers[key] = String(value);
      return send(res, status, headers, result.body ?? '');
    } catch {
      status = sendError(res, new RequestError(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error; it has been logged.'));
    } finally {
      log?.({ method: req.method ?? '?', path: url.pathname, status, ms: performance.now() - started });
    }
  });
}
