import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Options for a v2 event as API Gateway HTTP API sends it. */
export interface EventOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  query?: string;
  body?: string;
  base64?: boolean;
}

/** A real-shaped API Gateway HTTP API (payload format 2.0) event. */
export function v2Event(options: EventOptions = {}): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const path = options.path ?? '/graphql';
  const now = new Date();
  const body = options.body === undefined ? undefined : options.base64 ? Buffer.from(options.body).toString('base64') : options.body;
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: options.query ?? '',
    headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com', 'user-agent': 'vitest', ...(options.headers ?? {}) },
    ...(options.query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(options.query)) } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body === undefined ? { isBase64Encoded: false } : { body, isBase64Encoded: options.base64 === true }),
  };
}
