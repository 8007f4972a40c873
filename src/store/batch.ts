import { UnavailableError } from '../errors.js';
import type { BatchWriteRequest, Db, ItemKey } from './db.js';

/** DynamoDB's limits per call. */
export const BATCH_GET_LIMIT = 100;
export const BATCH_WRITE_LIMIT = 25;

/** How many times left-over keys or items are sent again before the call is given up. */
const MAX_ROUNDS = 8;

/** Full jitter over an exponential backoff: 0..min(cap, base * 2^attempt) ms. */
export function backoffMs(attempt: number, baseMs = 25, capMs = 2_000): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Splits `items` into chunks of `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Reads items by key in chunks of 100, sending UnprocessedKeys again with backoff.
 * @returns the items found, in no particular order.
 */
export async function batchGet(db: Db, keys: readonly Record<string, string>[], consistent = false): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  await Promise.all(
    chunk(keys, BATCH_GET_LIMIT).map(async (part) => {
      let pending: ItemKey[] = [...part];
      for (let round = 0; pending.length > 0; round++) {
        if (round >= MAX_ROUNDS) throw new UnavailableError('the database left keys unread after repeated retries');
        if (round > 0) await sleep(backoffMs(round));
        const out = await db.batchGetOnce(pending, consistent);
        found.push(...out.items);
        pending = out.unprocessed;
      }
    }),
  );
  return found;
}

/** One write of a batch: a whole item to put, or a key to delete. */
export type WriteRequest = { put: Record<string, unknown> } | { delete: { pk: string; sk: string } };

/**
 * Writes in batches of 25 with at most `concurrency` batches in flight, sending
 * UnprocessedItems again with exponential backoff and jitter until every write is done.
 * @returns the number of writes made (each put or delete counts once).
 */
export async function batchWrite(db: Db, writes: readonly WriteRequest[], concurrency = 4): Promise<number> {
  await mapLimit(chunk(writes, BATCH_WRITE_LIMIT), concurrency, async (part) => {
    let pending = part.map((w): BatchWriteRequest => ('put' in w ? { PutRequest: { Item: w.put } } : { DeleteRequest: { Key: w.delete } }));
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_ROUNDS) throw new UnavailableError('the database left writes unprocessed after repeated retries');
      if (round > 0) await sleep(backoffMs(round));
      pending = await db.batchWriteOnce(pending);
    }
  });
  return writes.length;
}
