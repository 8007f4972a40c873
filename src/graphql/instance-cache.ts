/**
 * What one GraphQL function instance keeps for a while, shared by the requests it serves, so
 * that a popular key is read from DynamoDB once per instance and period instead of once per
 * request (see `StageSettings.statsCacheSeconds` and `itemCacheSeconds`). A value is at most
 * that old, within what the answer's `Cache-Control` already allows any cache; the oldest
 * values go first when it is full. With 0 seconds it keeps nothing.
 */
export class InstanceCache<T> {
  private readonly values = new Map<string, { value: T; expires: number }>();

  /**
   * @param seconds how long a value is kept (0: never)
   * @param maxEntries how many values at most
   * @param now the clock, in ms (tests give their own)
   */
  constructor(
    private readonly seconds: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether it keeps anything at all. */
  get enabled(): boolean {
    return this.seconds > 0;
  }

  /** The value kept under `key` if it is still fresh (wrapped, so that a kept null is told from none). */
  fresh(key: string): { value: T } | undefined {
    const kept = this.values.get(key);
    if (!kept) return undefined;
    if (kept.expires > this.now()) return { value: kept.value };
    this.values.delete(key);
    return undefined;
  }

  /** Keeps `value` under `key` for the period, from now. */
  keep(key: string, value: T): void {
    if (!this.enabled) return;
    this.values.delete(key);
    this.values.set(key, { value, expires: this.now() + this.seconds * 1000 });
    if (this.values.size > this.maxEntries) this.values.delete(this.values.keys().next().value as string);
  }

  /** Forgets `key` (this instance changed what it stands for), or everything without one. */
  forget(key?: string): void {
    if (key === undefined) this.values.clear();
    else this.values.delete(key);
  }

  /**
   * The value kept under `key` if it is still fresh, else what `read` answers, kept.
   * Concurrent misses each read: the cache saves reads over time, it does not queue callers.
   */
  async get(key: string, read: () => Promise<T>): Promise<T> {
    const kept = this.fresh(key);
    if (kept) return kept.value;
    const value = await read();
    this.keep(key, value);
    return value;
  }
}
