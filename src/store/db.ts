import { setMaxListeners } from 'node:events';
import { ConditionalCheckFailedException, DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  DeleteCommand,
  type DeleteCommandInput,
  type DeleteCommandOutput,
  DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  type GetCommandOutput,
  PutCommand,
  type PutCommandInput,
  type PutCommandOutput,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  UpdateCommand,
  type UpdateCommandInput,
  type UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AwsCredentials, Config } from '../config.js';
import { ConflictError, UnavailableError } from '../errors.js';
import type { RequestBudget } from './budget.js';
import { InFlight } from './in-flight.js';
import { checkExpressions, checkItem, checkKey } from './item-limits.js';

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

/** Settings for the shared SDK client, beyond the configuration's region and endpoint. */
export interface ClientOptions {
  /** Another endpoint than the configuration's (a fault-injecting proxy in tests). */
  endpoint?: string;
  /** Attempts per call, first try included, before an error surfaces. */
  maxAttempts?: number;
  /** Time one attempt may wait for its answer before it counts as a timeout (and is retried). */
  requestTimeoutMs?: number;
  /** Time one attempt may take to open a connection. */
  connectionTimeoutMs?: number;
  /**
   * Credentials to sign with. Without them the SDK builds its provider chain (environment,
   * SSO, ini files, process, token file, container and instance metadata) on the first call.
   */
  credentials?: AwsCredentials;
}

/** Per-attempt timeouts: DynamoDB answers in milliseconds, so a silent socket is retried rather than waited on. */
const REQUEST_TIMEOUT_MS = 3_000;
const CONNECTION_TIMEOUT_MS = 1_000;

/** What opening the table needs of the configuration. */
export type TableConfig = Pick<Config, 'tableName' | 'region' | 'dynamodbEndpoint'>;

/** How to open the table: client settings, and a wrapper for the low-level client (X-Ray tracing). */
export interface OpenTableOptions extends ClientOptions {
  /** Wraps the low-level client before the document client is made from it, so it sees every call. */
  instrument?: (client: DynamoDBClient) => DynamoDBClient;
  /** SDK client settings beyond these (tests only). */
  extra?: Partial<DynamoDBClientConfig>;
}

/**
 * Opens the table: the one place the SDK client is made, for both Lambda functions,
 * `npm start`, the command-line tools, the benchmarks and the tests. The client is made once
 * per process and shared by every request (its sockets are kept alive between calls); each
 * request or run takes its own counters with `forRequest`. Retries use the SDK's standard
 * mode (exponential backoff with jitter) for throttling, 5xx answers and timed-out attempts.
 */
export function openTable(config: TableConfig, options: OpenTableOptions = {}): Db {
  const endpoint = options.endpoint ?? config.dynamodbEndpoint;
  const client = new DynamoDBClient({
    region: config.region,
    maxAttempts: options.maxAttempts ?? 4,
    retryMode: 'standard',
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      connectionTimeout: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
      // Without it the handler only logs a warning and goes on waiting.
      throwOnRequestTimeout: true,
    },
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...options.extra,
  });
  const instrument = options.instrument ?? ((c: DynamoDBClient) => c);
  const documents = DynamoDBDocumentClient.from(instrument(client), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return new Db(documents, config.tableName);
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
function isUnavailable(error: unknown): boolean {
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

/** A command's input without the table name, which the gateway fills in. */
type On<T> = Omit<T, 'TableName'>;

/** A key of the table. */
export type ItemKey = Record<string, unknown>;

/** One write of a BatchWriteItem call, as DynamoDB takes it. */
export type BatchWriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: ItemKey } };

/** The parts of a command's input the gateway fills in or checks. */
interface CommandInput {
  TableName?: string;
  Key?: Record<string, unknown>;
  Item?: Record<string, unknown>;
  ExclusiveStartKey?: Record<string, unknown>;
  ConditionExpression?: string;
  ReturnValuesOnConditionCheckFailure?: string;
  ReturnConsumedCapacity?: string;
  RequestItems?: Record<
    string,
    | { Keys?: Record<string, unknown>[] }
    | { PutRequest?: { Item: Record<string, unknown> }; DeleteRequest?: { Key: Record<string, unknown> } }[]
  >;
}

/** Operations on one table, whose input names it in `TableName`. */
const SINGLE_TABLE = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan']);
const CONDITIONAL_WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem']);

/** Listeners a request's deadline may have before Node warns: far above the calls one `Db` has in flight (32 in a request, 16 in a sync). */
const SIGNAL_LISTENERS = 100;

/**
 * The table gateway: every DynamoDB command of the store goes through `send`, which fills in
 * the table name, refuses keys and items over DynamoDB's limits before sending (in the
 * project's words), counts the call and its capacity, asks a conditional write that fails for
 * the stored item (`ReturnValuesOnConditionCheckFailure: ALL_OLD`) and turns the failure into a
 * `ConflictError` carrying it, and turns an outage into `UnavailableError`. `forRequest` gives
 * one request (or one sync run) its own counters and deadline over the shared client.
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
  ) {
    // Every call in flight listens for the deadline: a request sends up to 32 at once, past
    // Node's warning about a possible leak at 11 listeners, which would be logged for nothing.
    if (signal) setMaxListeners(SIGNAL_LISTENERS, signal);
  }

  /** The same table with fresh counters, for a new request (stopped by `signal` at its deadline, limited by `budget`). */
  forRequest(signal?: AbortSignal, budget?: RequestBudget): Db {
    return new Db(this.client, this.tableName, newStats(), signal, budget);
  }

  /**
   * Sends one command, counting it and its consumed capacity.
   * @throws ValidationError for a key or item over DynamoDB's limits (nothing is sent).
   * @throws ConflictError when a conditional write fails, with the item as stored.
   * @throws UnavailableError when DynamoDB still fails after the SDK's retries, or the request is out of time.
   * @throws BudgetExceededError when it is a read and the request's budget is spent (nothing is sent).
   */
  async send<T>(command: Sendable): Promise<T> {
    if (this.signal?.aborted) throw new UnavailableError('the request ran out of time', { cause: this.signal.reason });
    const name = OPERATION_NAMES.get(command.constructor) ?? operationNameOf(command);
    const input = command.input as CommandInput;
    this.prepare(name, input);
    this.budget?.charge(name);
    this.stats.calls += 1;
    this.stats.operations[name] = (this.stats.operations[name] ?? 0) + 1;
    input.ReturnConsumedCapacity = 'TOTAL';
    const call = () => this.client.send(command as never, this.signal ? { abortSignal: this.signal } : {});
    try {
      const output = (await this.inFlight.track(() => (this.budget ? this.budget.run(name, call) : call()))) as {
        ConsumedCapacity?: unknown;
      };
      this.countCapacity(output.ConsumedCapacity);
      return output as T;
    } catch (error) {
      if (this.signal?.aborted) throw new UnavailableError('the request ran out of time', { cause: error });
      if (error instanceof ConditionalCheckFailedException) throw await this.conflict(input, error);
      if (isUnavailable(error)) throw new UnavailableError('the database is not answering; try again shortly', { cause: error });
      throw error;
    }
  }

  /** GetItem on this table. */
  get(input: On<GetCommandInput>): Promise<GetCommandOutput> {
    return this.send(new GetCommand({ ...input, TableName: this.tableName }));
  }

  /** PutItem on this table (conditional when `ConditionExpression` is given). */
  put(input: On<PutCommandInput>): Promise<PutCommandOutput> {
    return this.send(new PutCommand({ ...input, TableName: this.tableName }));
  }

  /** UpdateItem on this table (conditional when `ConditionExpression` is given). */
  update(input: On<UpdateCommandInput>): Promise<UpdateCommandOutput> {
    return this.send(new UpdateCommand({ ...input, TableName: this.tableName }));
  }

  /** DeleteItem on this table (conditional when `ConditionExpression` is given). */
  delete(input: On<DeleteCommandInput>): Promise<DeleteCommandOutput> {
    return this.send(new DeleteCommand({ ...input, TableName: this.tableName }));
  }

  /** Query on this table. */
  query(input: On<QueryCommandInput>): Promise<QueryCommandOutput> {
    return this.send(new QueryCommand({ ...input, TableName: this.tableName }));
  }

  /**
   * One BatchGetItem call (at most 100 keys) on this table.
   * @returns the items found and the keys DynamoDB left unread, to be sent again.
   */
  async batchGetOnce(keys: ItemKey[], consistent: boolean): Promise<{ items: Record<string, unknown>[]; unprocessed: ItemKey[] }> {
    const out = await this.send<BatchGetCommandOutput>(
      new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: consistent } } }),
    );
    return {
      items: (out.Responses?.[this.tableName] ?? []) as Record<string, unknown>[],
      unprocessed: (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as ItemKey[],
    };
  }

  /**
   * One BatchWriteItem call (at most 25 writes) on this table.
   * @returns the writes DynamoDB left unprocessed, to be sent again.
   */
  async batchWriteOnce(requests: BatchWriteRequest[]): Promise<BatchWriteRequest[]> {
    const out = await this.send<BatchWriteCommandOutput>(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
    return (out.UnprocessedItems?.[this.tableName] ?? []) as BatchWriteRequest[];
  }

  /** Calls `callback` once no call made through this `Db` is under way (see `InFlight`). */
  whenIdle(callback: () => void): void {
    this.inFlight.whenIdle(callback);
  }

  /** Fills in the table name and the conflict answer, and checks every key, item and expression against DynamoDB's limits. */
  private prepare(name: string, input: CommandInput): void {
    if (SINGLE_TABLE.has(name)) input.TableName ??= this.tableName;
    if (input.Key) checkKey(input.Key);
    if (input.ExclusiveStartKey) checkKey(input.ExclusiveStartKey);
    if (input.Item) checkItem(input.Item);
    checkExpressions(input);
    if (CONDITIONAL_WRITES.has(name) && input.ConditionExpression) input.ReturnValuesOnConditionCheckFailure ??= 'ALL_OLD';
    for (const requests of Object.values(input.RequestItems ?? {})) {
      if (!Array.isArray(requests)) {
        for (const key of requests.Keys ?? []) checkKey(key);
        continue;
      }
      for (const request of requests) {
        if (request.PutRequest) checkItem(request.PutRequest.Item);
        if (request.DeleteRequest) checkKey(request.DeleteRequest.Key);
      }
    }
  }

  /**
   * The conflict of a failed conditional write, with the item as stored: from the answer
   * (ALL_OLD), or, where the engine does not return it (dynalite; DynamoDB when there is no
   * item), from one consistent read.
   */
  private async conflict(input: CommandInput, error: ConditionalCheckFailedException): Promise<ConflictError> {
    const key = input.Key ?? { pk: input.Item?.pk, sk: input.Item?.sk };
    let stored: Record<string, unknown> | null;
    if (error.Item) stored = unmarshall(error.Item);
    else {
      stored = (await this.get({ Key: key, ConsistentRead: true })).Item ?? null;
    }
    return new ConflictError(
      `${String(key.pk)} is no longer as it was read: someone else changed it`,
      typeof stored?.v === 'number' ? stored.v : null,
      { cause: error, stored },
    );
  }

  private countCapacity(consumed: unknown): void {
    const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    for (const c of list as { CapacityUnits?: number }[]) this.stats.consumedCapacity += c.CapacityUnits ?? 0;
  }
}
