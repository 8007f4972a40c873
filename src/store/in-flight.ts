/**
 * The calls of one request that are under way, and callbacks waiting for there to be none.
 * The entity loader waits for it (src/graphql/loaders.ts), so entities asked for while a list
 * is being read go out in one BatchGetItem with the list's own entities.
 */
export class InFlight {
  private count = 0;
  private waiting: (() => void)[] = [];
  private checkScheduled = false;

  /** Runs `call`, counted as under way until it settles. */
  async track<T>(call: () => Promise<T>): Promise<T> {
    this.count += 1;
    try {
      return await call();
    } finally {
      this.count -= 1;
      if (this.count === 0) this.scheduleCheck();
    }
  }

  /**
   * Calls `callback` once no call is under way, and not before what the last call to settle
   * set off has run: `setImmediate` comes after the promise jobs of the current turn.
   */
  whenIdle(callback: () => void): void {
    this.waiting.push(callback);
    this.scheduleCheck();
  }

  private scheduleCheck(): void {
    if (this.checkScheduled || this.waiting.length === 0) return;
    this.checkScheduled = true;
    setImmediate(() => {
      this.checkScheduled = false;
      // A call still under way checks again when it settles.
      if (this.count > 0) return;
      const ready = this.waiting;
      this.waiting = [];
      for (const callback of ready) callback();
    });
  }
}
