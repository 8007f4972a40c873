import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, UnavailableError } from '../errors.js';

/** Somewhere to report what callers must not see. */
export type ErrorLog = (message: string, error: unknown) => void;

/** Codes of errors raised before execution (parse, validation, limits), kept as Apollo set them. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
]);

/**
 * Whether `error` is a GraphQLError from any copy of graphql-js: Apollo may load the CommonJS
 * build while this code gets the ES module one (as under vitest), and `instanceof` then fails.
 */
function isGraphQLError(error: unknown): boolean {
  return error instanceof GraphQLError || Object.prototype.toString.call(error) === '[object GraphQLError]';
}

/**
 * Whether `error` is one graphql-js or Apollo raised about the request itself without giving it
 * a code ("Unsupported persisted query version", a subscription sent to a schema without
 * one): not from a resolver (no path) and caused by nothing else (no original error).
 */
function isUncodedRequestError(error: unknown): boolean {
  if (!isGraphQLError(error)) return false;
  const { extensions, path, originalError } = error as GraphQLError;
  return extensions?.code === undefined && !path && !originalError;
}

function withCode(formatted: GraphQLFormattedError, message: string, extensions: Record<string, unknown>): GraphQLFormattedError {
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}

/**
 * Apollo's `formatError`: domain errors show their message and extensions (their code); errors Apollo raised itself keep
 * theirs (BAD_REQUEST when it gave none); everything else is logged with its cause and
 * reaches the caller as a bare INTERNAL_SERVER_ERROR. No stack trace or internal message
 * ever leaves.
 */
export function createFormatError(log: ErrorLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      if (original instanceof UnavailableError) log('database unavailable', original);
      return withCode(formatted, original.message, original.extensions);
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && (isGraphQLError(original) || !(original instanceof Error))) {
      // A refusal by the cost model says what the operation would cost and what it may.
      const cost = formatted.extensions?.cost;
      return withCode(formatted, formatted.message, { code, ...(cost ? { cost } : {}) });
    }
    if (isUncodedRequestError(original)) return withCode(formatted, formatted.message, { code: 'BAD_REQUEST' });
    log('unexpected error', original);
    return withCode(formatted, 'Unexpected error; it has been logged.', { code: 'INTERNAL_SERVER_ERROR' });
  };
}
