/**
 * The project's error vocabulary. Each error carries the code callers see in
 * `extensions.code` and the HTTP status it answers with when it ends a request outside
 * GraphQL execution; `handlers/error-response.ts` renders them for the Lambda handler and
 * the local adapter, `graphql/errors.ts` for GraphQL answers. Anything else that escapes is
 * treated as unexpected and masked.
 */
export abstract class DomainError extends Error {
  /** The `extensions.code` callers see. */
  abstract readonly code: string;
  /** The HTTP status of an answer this error ends on its own. */
  abstract readonly status: number;

  /** What callers see in `extensions`: the code and, for some errors, what helps them go on. */
  get extensions(): Record<string, unknown> {
    return { code: this.code };
  }
}

/** Input that cannot be accepted as given (bad id, date, cursor, filter or record). */
export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  readonly code = 'BAD_USER_INPUT';
  readonly status = 400;
  constructor(
    message: string,
    readonly details?: { path?: string; line?: number },
  ) {
    super(message);
  }
}

/** Something asked for by id that must exist does not. */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  readonly status = 404;
}

/**
 * A conditional write lost: the stored item is not in the state the writer expected. It
 * carries the item as stored when the write was refused (null: there is none), so the
 * writer can decide what to do without reading it again.
 */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT';
  readonly status = 409;
  /** The stored item when the write was refused; null when there is none. */
  readonly stored: Record<string, unknown> | null;
  constructor(
    message: string,
    readonly currentVersion: number | null,
    options: { cause?: unknown; stored?: Record<string, unknown> | null } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.stored = options.stored ?? null;
  }

  override get extensions(): Record<string, unknown> {
    return { code: this.code, currentVersion: this.currentVersion };
  }
}

/** The caller may not do this (no key, or a key without the needed role). */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  constructor(
    message: string,
    readonly authenticated: boolean,
  ) {
    super(message);
  }
  get code(): string {
    return this.authenticated ? 'FORBIDDEN' : 'UNAUTHENTICATED';
  }
  get status(): number {
    return this.authenticated ? 403 : 401;
  }
}

/** The database could not answer after the SDK's retries (throttling, timeouts, 5xx). */
export class UnavailableError extends DomainError {
  override readonly name = 'UnavailableError';
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly status = 503;
}

/**
 * A request refused at the HTTP edge, before GraphQL sees it (unreadable body, oversized body,
 * wrong method or path), or ended there (deadline, unexpected failure).
 */
export class RequestError extends DomainError {
  override readonly name = 'RequestError';
  constructor(
    readonly status: number,
    readonly code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'METHOD_NOT_ALLOWED' | 'NOT_FOUND' | 'TIMEOUT' | 'INTERNAL_SERVER_ERROR',
    message: string,
  ) {
    super(message);
  }
}
