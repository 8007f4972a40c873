/** Where one request's commands wait for their turn. */
export interface Lane {
  /** Runs `send` once the lane's turn comes; the slot is given back when it settles. */
  run<T>(send: () => Promise<T>): Promise<T>;
}

/** DynamoDB commands one request sends at once while it is the only one with commands in flight. */
export const IN_FLIGHT_ALONE = 32;
/**
 * DynamoDB commands the process sends at once while several requests have commands in flight.
 * Few, because they are what a newcomer's command shares the database with: on the local server
 * (engine in the same process) a cheap query among three expensive ones took a p50 of 42 to
 * 134 ms, against 74 to 298 ms with no limit (bench/README.md, "Fairness").
 */
export const IN_FLIGHT_SHARED = 8;

interface LaneState {
  active: number;
  waiting: (() => void)[];
}

/**
 * Shares the DynamoDB commands a process has in flight between the requests it serves (the
 * local server, or a warm function), fairly and without slowing a request that is alone:
 *
 * - a request with no command in flight may always send one, so a newcomer never waits for a slot;
 * - a request alone sends up to `alone` commands at once;
 * - while several requests have commands in flight, the process sends up to `shared` at once,
 *   and a freed slot goes to the waiting requests in turn, not to the one that queued first.
 *
 * A cheap request's few reads then go out at once, and share the database with at most
 * `shared` commands of the others rather than with the hundreds an expensive one queued.
 */
export class CallScheduler {
  private active = 0;
  /** Lanes with at least one command in flight. */
  private busy = 0;
  /** Lanes with commands waiting, in the order they are served. */
  private readonly ring: LaneState[] = [];

  constructor(
    private readonly alone = IN_FLIGHT_ALONE,
    private readonly shared = IN_FLIGHT_SHARED,
  ) {}

  /** A lane for one request. */
  lane(): Lane {
    const state: LaneState = { active: 0, waiting: [] };
    return {
      run: async <T>(send: () => Promise<T>): Promise<T> => {
        await this.acquire(state);
        try {
          return await send();
        } finally {
          this.release(state);
        }
      },
    };
  }

  private mayStart(lane: LaneState): boolean {
    if (lane.active === 0) return true;
    return this.active < (this.busy > 1 ? this.shared : this.alone);
  }

  private acquire(lane: LaneState): Promise<void> {
    if (lane.waiting.length === 0 && this.mayStart(lane)) {
      this.take(lane);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      lane.waiting.push(resolve);
      if (!this.ring.includes(lane)) this.ring.push(lane);
    });
  }

  private take(lane: LaneState): void {
    if (lane.active === 0) this.busy += 1;
    this.active += 1;
    lane.active += 1;
  }

  private release(lane: LaneState): void {
    this.active -= 1;
    lane.active -= 1;
    if (lane.active === 0) this.busy -= 1;
    // Serve the waiting lanes in turn: the first that may send gets a slot and goes to the back.
    for (let i = this.ring.findIndex((l) => this.mayStart(l)); i !== -1; i = this.ring.findIndex((l) => this.mayStart(l))) {
      const next = this.ring.splice(i, 1)[0] as LaneState;
      this.take(next);
      (next.waiting.shift() as () => void)();
      if (next.waiting.length > 0) this.ring.push(next);
    }
  }
}
