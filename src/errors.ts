/**
 * Domain errors. Each one maps to a GraphQL `extensions.code` in `graphql/errors.ts`;
 * anything else that escapes a resolver is treated as unexpected and masked.
 */

/** Input that cannot be accepted as given (bad id, date, cursor, filter or record). */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    message: string,
    readonly details?: { path?: string; line?: number },
  ) {
    super(message);
  }
}

/** Something asked for by id that must exist does not. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A conditional write lost: the stored version is not the one the caller expected. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    message: string,
    readonly currentVersion: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The caller may not do this (no key, or a key without the needed role). */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  constructor(
    message: string,
    readonly authenticated: boolean,
  ) {
    super(message);
  }
}

/** The database could not answer after the SDK's retries (throttling, timeouts, 5xx). */
export class UnavailableError extends Error {
  override readonly name = 'UnavailableError';
}
