import { createHash } from 'node:crypto';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { canonicalJson } from '../../src/store/canonical.js';
import type { Db } from '../../src/store/db.js';
import { finishedBatchKey } from '../../src/store/keys.js';

/** Every item of a table, read with Scan: for tests only, never on a request path. */
export async function allItems(db: Db): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = (await db.client.send(
      new ScanCommand({ TableName: db.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }),
    )) as ScanCommandOutput;
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * A checksum of the table's content. `ignore` drops attributes that legitimately differ
 * between two tables holding the same facts (times and authors of writes), and
 * `skip` drops whole items (sync run reports). Write bookkeeping is left out too: the items
 * saying a batch of changes is finished, and the pending marks they stand for (a creation's
 * mark naming a finished batch); a mark of a change still to finish counts.
 */
export async function tableChecksum(
  db: Db,
  options: { ignore?: string[]; skip?: (item: Record<string, unknown>) => boolean } = {},
): Promise<{ hash: string; count: number }> {
  const ignore = new Set(options.ignore ?? []);
  const items = await allItems(db);
  const finished = new Set(items.filter(isFinishedBatch).map((item) => item.pk));
  const lines = items
    .filter((item) => !options.skip?.(item) && !isFinishedBatch(item))
    .map((item) => {
      const batch = (item.pend as { batch?: string } | undefined)?.batch;
      const marked = batch !== undefined && finished.has(finishedBatchKey(batch).pk);
      return Object.fromEntries(Object.entries(item).filter(([k]) => !ignore.has(k) && !(marked && k === 'pend')));
    })
    .map((item) => canonicalJson(item))
    .sort();
  return { hash: createHash('sha256').update(lines.join('\n')).digest('hex'), count: lines.length };
}

const isFinishedBatch = (item: Record<string, unknown>) => item.t === 'batch';

/** Items that belong to sync run reports (their ids and times differ run to run). */
export const isSyncRunItem = (item: Record<string, unknown>) => item.t === 'syncrun';
