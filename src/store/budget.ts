import { DomainError } from '../errors.js';
import { CallScheduler, type Lane } from './call-scheduler.js';

/** What one request may spend on reads: DynamoDB calls, and the read capacity units they consume. */
export interface BudgetLimits {
  calls: number;
  readUnits: number;
}

/** What a request has spent on reads so far. */
export interface BudgetUse {
  calls: number;
  readUnits: number;
}

/** The operations that read: the ones a budget counts and may refuse. Writes are never cut off half-way. */
const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan']);

/**
 * A read refused because the request has spent its budget. It carries the limits and what was
 * spent when the read was refused, for the error the caller sees.
 */
export class BudgetExceededError extends DomainError {
  override readonly name = 'BudgetExceededError';
  readonly code = 'BUDGET_EXCEEDED';
  /** The request ran and is answered: the operation was valid, the data it met made it too expensive. */
  readonly status = 200;
  constructor(
    readonly limits: BudgetLimits,
    readonly used: BudgetUse,
  ) {
    super(
      `The request used its budget of ${limits.calls} DynamoDB reads and ${limits.readUnits} read units ` +
        `(${used.calls} reads, ${used.readUnits} units spent) and was stopped: ask for smaller pages or fewer nested lists.`,
    );
  }

  override get extensions(): Record<string, unknown> {
    return { code: this.code, budget: this.limits, used: this.used };
  }
}

/**
 * The reads one request may make, and the pace it makes them at. `Db.send` charges every
 * command before it is sent and sends it through `run`. A read is refused with
 * BudgetExceededError once the request has made `limits.calls` reads or consumed
 * `limits.readUnits` (the last read allowed may go past the units by what one call consumes).
 * Commands wait for their turn in the request's lane of the process' CallScheduler, which keeps
 * a process that serves several requests fair to the cheap ones.
 */
export class RequestBudget {
  readonly used: BudgetUse = { calls: 0, readUnits: 0 };
  /** The refusal, once a read has been refused; later reads are refused alike. */
  exceeded: BudgetExceededError | null = null;
  private limits: BudgetLimits;

  constructor(
    limits: BudgetLimits,
    private readonly lane: Lane = new CallScheduler().lane(),
  ) {
    this.limits = { ...limits };
  }

  /** The limits in force. */
  get limit(): BudgetLimits {
    return { ...this.limits };
  }

  /** Lifts the limits (not the pace): for operations that must not stop half-way, such as mutations. */
  lift(): void {
    this.limits = { calls: Number.POSITIVE_INFINITY, readUnits: Number.POSITIVE_INFINITY };
  }

  /**
   * Counts one command of `operation` before it is sent.
   * @throws BudgetExceededError when it is a read and the budget is spent.
   */
  charge(operation: string): void {
    if (!READS.has(operation)) return;
    if (this.exceeded) throw this.exceeded;
    if (this.used.calls >= this.limits.calls || this.used.readUnits >= this.limits.readUnits) {
      this.exceeded = new BudgetExceededError(this.limit, { ...this.used });
      throw this.exceeded;
    }
    this.used.calls += 1;
  }

  /** Sends one command of `operation` through `send` when its turn comes, and counts the read units it consumed. */
  async run<T>(operation: string, send: () => Promise<T>): Promise<T> {
    const output = await this.lane.run(send);
    if (READS.has(operation)) this.used.readUnits += capacityOf((output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
    return output;
  }
}

/** Capacity units of a `ConsumedCapacity` answer: one entry, or one per table for batches. */
function capacityOf(consumed: unknown): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return (list as { CapacityUnits?: number }[]).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}
