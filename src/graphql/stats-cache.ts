import type { StatsAnswer } from '../store/stats.js';

/** How many answers an instance keeps at most (each a few KB: a group's totals per group). */
const MAX_ANSWERS = 200;

/**
 * `armsTransferStats` answers (the counters' sums, before sorting and paging) kept by one
 * GraphQL function instance for a while, so that a popular question reads its statistics
 * partition once per instance and period instead of once per request (see
 * `StageSettings.statsCacheSeconds`). An answer is at most that old, as its `Cache-Control`
 * already allows; the oldest answers go first when it is full.
 */
export class StatsCache {
  private readonly answers = new Map<string, { answer: StatsAnswer; expires: number }>();

  /** @param now the clock, in ms (tests give their own). */
  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The answer kept under `key` if it is still fresh, else what `read` answers, kept.
   * Concurrent misses each read: the cache saves reads over time, it does not queue callers.
   */
  async get(key: string, read: () => Promise<StatsAnswer>): Promise<StatsAnswer> {
    if (this.seconds <= 0) return read();
    const kept = this.answers.get(key);
    if (kept && kept.expires > this.now()) return kept.answer;
    const answer = await read();
    this.answers.delete(key);
    this.answers.set(key, { answer, expires: this.now() + this.seconds * 1000 });
    if (this.answers.size > MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
    return answer;
  }
}
