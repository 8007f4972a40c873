import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { UnavailableError } from '../errors.js';
import type { RequestBudget } from './budget.js';
import { InFlight } from './in-flight.js';

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
  /** Time one attempt may wait for its answer before it counts as a timeout (and is retried). */
  requestTimeoutMs?: number;
  /** Time one attempt may take to open a connection. */
  connectionTimeoutMs?: number;
}

/** Per-attempt timeouts: DynamoDB answers in milliseconds, so a silent socket is retried rather than waited on. */
const REQUEST_TIMEOUT_MS = 3_000;
const CONNECTION_TIMEOUT_MS = 1_000;

/**
 * The SDK client, made once per process and shared by every request: its sockets are kept
 * alive between calls. Retries use the SDK's standard mode (exponential backoff with jitter)
 * for throttling, 5xx answers and timed-out attempts. `instrument` wraps the low-level client
 * before the document client is made from it (X-Ray tracing on Lambda), so it sees every call.
 */
export function createDocumentClient(
  options: ClientOptions,
  extra: Partial<DynamoDBClientConfig> = {},
  instrument: (client: DynamoDBClient) => DynamoDBClient = (client) => client,
): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: options.maxAttempts ?? 4,
    retryMode: 'standard',
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      connectionTimeout: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
      // Without it the handler only logs a warning and goes on waiting.
      throwOnRequestTimeout: true,
    },
    ...(options.endpoint ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    ...extra,
  });
  return DynamoDBDocumentClient.from(instrument(client), {
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

/** DynamoDB's names for the calls the store makes (class names do not survive minifying). */
const OPERATION_NAMES = new Map<unknown, string>([
  [GetCommand, 'GetItem'],
  [BatchGetCommand, 'BatchGetItem'],
  [QueryCommand, 'Query'],
  [PutCommand, 'PutItem'],
  [UpdateCommand, 'UpdateItem'],
  [DeleteCommand, 'DeleteItem'],
  [BatchWriteCommand, 'BatchWriteItem'],
]);

/**
 * The operation of a command the store does not normally send (a Scan, say), read from the
 * SDK's operation schema, so the accounting names it rather than hiding it.
 */
function operationNameOf(command: object): string {
  const { schema: own, clientCommand } = command as { schema?: unknown; clientCommand?: { schema?: unknown } };
  const schema = clientCommand?.schema ?? own;
  return Array.isArray(schema) && typeof schema[2] === 'string' ? schema[2] : 'Other';
}

/** Any SDK command (lib-dynamodb or client-dynamodb). */
type Sendable = { input: object };

/**
 * The table as one request (or one sync run) sees it: the shared client, the table name,
 * and counters of the calls made through it. Store functions take a `Db` and call `send`.
 */
export class Db {
  private readonly inFlight = new InFlight();

  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    readonly stats: DbStats = newStats(),
    /** Aborted when the request is out of time: calls under way give up, later ones are not sent. */
    readonly signal?: AbortSignal,
    /** The request's budget of reads and its pace (see RequestBudget); none for runs and tools. */
    readonly budget?: RequestBudget,
  ) {}

  /** The same table with fresh counters, for a new request (stopped by `signal` at its deadline, limited by `budget`). */
  forRequest(signal?: AbortSignal, budget?: RequestBudget): Db {
    return new Db(this.client, this.tableName, newStats(), signal, budget);
  }

  /**
   * Sends one command, counting it and its consumed capacity.
   * @throws UnavailableError when DynamoDB still fails after the SDK's retries, or the request is out of time.
   * @throws BudgetExceededError when it is a read and the request's budget is spent (nothing is sent).
   */
  async send<T>(command: Sendable): Promise<T> {
    if (this.signal?.aborted) throw new UnavailableError('the request ran out of time', { cause: this.signal.reason });
    const name = OPERATION_NAMES.get(command.constructor) ?? operationNameOf(command);
    this.budget?.charge(name);
    this.stats.calls += 1;
    this.stats.operations[name] = (this.stats.operations[name] ?? 0) + 1;
    (command.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
    const call = () => this.client.send(command as never, this.signal ? { abortSignal: this.signal } : {});
    try {
      const output = (await this.inFlight.track(() => (this.budget ? this.budget.run(name, call) : call()))) as {
        ConsumedCapacity?: unknown;
      };
      this.countCapacity(output.ConsumedCapacity);
      return output as T;
    } catch (error) {
      if (this.signal?.aborted) throw new UnavailableError('the request ran out of time', { cause: error });
      if (isUnavailable(error)) throw new UnavailableError('the database is not answering; try again shortly', { cause: error });
      throw error;
    }
  }

  /** Calls `callback` once no call made through this `Db` is under way (see `InFlight`). */
  whenIdle(callback: () => void): void {
    this.inFlight.whenIdle(callback);
  }

  private countCapacity(consumed: unknown): void {
    const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    for (const c of list as { CapacityUnits?: number }[]) this.stats.consumedCapacity += c.CapacityUnits ?? 0;
  }
}
