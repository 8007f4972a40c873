import { BatchWriteCommand, type BatchWriteCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EntityRecord } from '../src/domain/records.js';
import { chunk, mapLimit } from '../src/store/batch.js';
import { contentHash } from '../src/store/canonical.js';
import { countChange, counterKey } from '../src/store/counters.js';
import { indexChanges } from '../src/store/index-items.js';
import { entityKey } from '../src/store/keys.js';

/** A table item, as written. */
export type Item = Record<string, unknown>;

/** A record and, when its source is dated, the time of that snapshot. */
export type SnapshotRecord = { record: EntityRecord; snapshot?: string | undefined };

/**
 * The items `writeEntities` leaves in the table for a new record: the entity item (version 1,
 * no pending mark, the source's snapshot time when known) and its index items. `at` and `by`
 * are the write's time and author.
 */
export function storeItemsOf(record: EntityRecord, by: string, at: string, snapshot?: string): Item[] {
  return [
    {
      ...entityKey(record.id),
      t: record.type,
      v: 1,
      h: contentHash(record),
      d: record,
      at,
      by,
      ...(snapshot !== undefined ? { snap: snapshot } : {}),
    },
    ...indexChanges(null, record).put.map((item) => ({ ...item })),
  ];
}

/** The store's items of `records` and the counters of their lists, each id once (the first record of an id wins, as a sync run keeps it). */
export function storeItemsOfAll(records: Iterable<EntityRecord | SnapshotRecord>, by: string, at = new Date().toISOString()): Item[] {
  const seen = new Set<string>();
  const items: Item[] = [];
  const counters = new Map<string, Item>();
  for (const entry of records) {
    const { record, snapshot } = 'record' in entry ? entry : { record: entry, snapshot: undefined };
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    items.push(...storeItemsOf(record, by, at, snapshot));
    for (const [pk, fields] of countChange(record.id, null, record).deltas) {
      const counter = counters.get(pk) ?? {};
      for (const [field, n] of fields) counter[field] = ((counter[field] as number | undefined) ?? 0) + n;
      counters.set(pk, counter);
    }
  }
  // The list counters the writes leave behind (see src/store/counters.ts).
  for (const [pk, fields] of counters) items.push({ ...counterKey(pk), ...fields });
  return items;
}

/**
 * Writes `items` with BatchWriteItem straight through the DocumentClient: 25 per call,
 * `concurrency` calls at once, unprocessed items sent again until none is left.
 * @returns the number of BatchWriteItem calls made.
 */
export async function rawBatchWrite(
  client: DynamoDBDocumentClient,
  table: string,
  items: readonly Item[],
  concurrency: number,
): Promise<number> {
  let calls = 0;
  await mapLimit(chunk(items, 25), concurrency, async (part) => {
    let pending = part.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      calls += 1;
      const out = (await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }))) as BatchWriteCommandOutput;
      pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  });
  return calls;
}
