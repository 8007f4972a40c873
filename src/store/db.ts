import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UnavailableError } from '../errors.js';

/** DynamoDB calls made on behalf of one request or run, by operation, with consumed capacity. */
export interface DbStats {
  calls: number;
  operations: Record<string, number>;
  consumedCapacity: number;
}

/** Fresh, empty counters. */
export function newStats(): DbStats {
  return { calls: 0, operations: {}, consumedCapacity: 0 };
}

/** Settings for the shared SDK client. */
export interface ClientOptions {
  region: string;
  endpoint?: string;
  /** Attempts per call, first try included, before an error surfaces. */
  maxAttempts?: number;
}

/**
 * The SDK client, made once per process and shared by every request: its sockets are kept
 * alive between calls. Retries use the SDK's standard mode (exponential backoff with jitter).
 */
export function createDocumentClient(options: ClientOptions, extra: Partial<DynamoDBClientConfig> = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: options.maxAttempts ?? 4,
    retryMode: 'standard',
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    ...extra,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

const UNAVAILABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

interface SdkError {
  name?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
  code?: string;
}

/** Whether an SDK error means "DynamoDB is not answering now" rather than "this call is wrong". */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as SdkError;
  const status = e.$metadata?.httpStatusCode ?? 0;
  return UNAVAILABLE.has(e.name ?? '') || status >= 500 || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(e.code ?? '');
}

/** Any SDK command (lib-dynamodb or client-dynamodb). */
type Sendable = { input: object };

/**
 * The table as one request (or one sync run) sees it: the shared client, the table name,
 * and counters of the calls made through it. Store functions take a `Db` and call `send`.
 */
export class Db {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    readonly stats: DbStats = newStats(),
  ) {}

  /** The same table with fresh counters, for a new request. */
  forRequest(): Db {
    return new Db(this.client, this.tableName);
  }

  /**
   * Sends one command, counting it and its consumed capacity.
   * @throws UnavailableError when DynamoDB still fails after the SDK's retries.
   */
  async send<T>(command: Sendable): Promise<T> {
    const name = command.constructor.name.replace(/Command$/, '');
    this.stats.calls += 1;
    this.stats.operations[name] = (this.stats.operations[name] ?? 0) + 1;
    (command.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
    try {
      const output = (await this.client.send(command as never)) as { ConsumedCapacity?: unknown };
      this.countCapacity(output.ConsumedCapacity);
      return output as T;
    } catch (error) {
      if (isUnavailable(error)) throw new UnavailableError('the database is not answering; try again shortly', { cause: error });
      throw error;
    }
  }

  private countCapacity(consumed: unknown): void {
    const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    for (const c of list as { CapacityUnits?: number }[]) this.stats.consumedCapacity += c.CapacityUnits ?? 0;
  }
}
