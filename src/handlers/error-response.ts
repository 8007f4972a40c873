import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { DomainError } from '../errors.js';

/** The content type of every answer, errors included. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A GraphQL-shaped body for an error that ends a request on its own: its message and extensions. */
export function errorBody(error: DomainError): string {
  return JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] });
}

/**
 * The one rendering of an error that ends a request outside GraphQL execution, for the
 * Lambda handler and the local adapter alike: the error's own status, a GraphQL-shaped body,
 * `retry-after` when trying again may help.
 */
export function errorResponse(error: DomainError, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  const body = errorBody(error);
  return {
    statusCode: error.status,
    headers: {
      'content-type': JSON_CONTENT_TYPE,
      'content-length': String(Buffer.byteLength(body)),
      ...(error.status === 503 ? { 'retry-after': '1' } : {}),
      ...headers,
    },
    body,
  };
}
