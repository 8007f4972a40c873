/** Where one request's commands wait for their turn. */
export interface Lane {
  /** Runs `send` once the lane's turn comes; the slot is given back when it settles. */
  run<T>(send: () => Promise<T>): Promise<T>;
}

/**
 * DynamoDB commands one process sends at once, over all its requests. Few, because a command
 * in flight is what a newcomer's command waits behind: on the local server (engine in the same
 * process), a cheap query among three expensive ones took a p50 of 90 to 140 ms with 4, 180
 * with 4 and 2 per request, 260 to 390 with 16 and 8 (bench/README.md, "Fairness").
 */
export const IN_FLIGHT_PER_PROCESS = 4;
/** Commands one request sends at once. */
export const IN_FLIGHT_PER_REQUEST = 4;

interface LaneState {
  active: number;
  waiting: (() => void)[];
}

/**
 * Shares the DynamoDB commands a process may have in flight between the requests it serves
 * (the local server, or a warm function), fairly: at most `total` at once, at most `perRequest`
 * of one request, and a freed slot goes to the requests waiting in turn rather than to the one
 * that queued first. A cheap request's few reads then wait for a slot, not for the hundreds an
 * expensive request queued before them.
 */
export class CallScheduler {
  private active = 0;
  /** Lanes with commands waiting, in the order they are served. */
  private readonly ring: LaneState[] = [];

  constructor(
    private readonly total = IN_FLIGHT_PER_PROCESS,
    private readonly perRequest = IN_FLIGHT_PER_REQUEST,
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

  private acquire(lane: LaneState): Promise<void> {
    if (lane.waiting.length === 0 && this.active < this.total && lane.active < this.perRequest) {
      this.take(lane);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      lane.waiting.push(resolve);
      if (!this.ring.includes(lane)) this.ring.push(lane);
    });
  }

  private take(lane: LaneState): void {
    this.active += 1;
    lane.active += 1;
  }

  private release(lane: LaneState): void {
    this.active -= 1;
    lane.active -= 1;
    // Serve the lanes in turn: the first one that may send gets the slot, then goes to the back.
    for (let i = 0; i < this.ring.length && this.active < this.total; ) {
      const next = this.ring[i] as LaneState;
      if (next.active >= this.perRequest) {
        i += 1;
        continue;
      }
      this.ring.splice(i, 1);
      this.take(next);
      (next.waiting.shift() as () => void)();
      if (next.waiting.length > 0) this.ring.push(next);
    }
  }
}
