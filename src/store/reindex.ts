import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ENTITY_KINDS } from '../domain/ids.js';
import { batchWrite, type WriteRequest } from './batch.js';
import type { Db } from './db.js';
import { finishWrites, getEntities, type StoredEntity } from './entities.js';
import { type IndexItem, indexChanges, keyString } from './index-items.js';
import { ENTITY_SK, LIST } from './keys.js';

/** What a reindex found and did. */
export interface ReindexReport {
  entities: number;
  /** Entities whose interrupted write was finished. */
  finished: number;
  /** Index items written because their entity's record needs them and they were missing. */
  written: number;
  /** Index items removed because no live entity's record needs them. */
  removed: number;
}

const KINDS = new Set<string>(ENTITY_KINDS);

/**
 * Maintenance, for the command line only (it reads the whole table with Scan, which no request
 * path does): makes every entity's index items match its record. It finishes interrupted writes,
 * writes what a record needs and lacks (the `REFS#` items of records stored before they existed,
 * say), and removes entries that no live record needs (left by a write that stopped between its
 * index items and its commit, before entities were committed first). Before removing, it reads
 * the entities concerned again, consistently, so a write made during the scan is not undone.
 * @param dryRun count only, write nothing.
 */
export async function reindexTable(db: Db, dryRun = false): Promise<ReindexReport> {
  const entities = new Map<string, { deleted: boolean; pending: boolean }>();
  const present = new Map<string, { pk: string; sk: string; ref: string }>();
  let start: Record<string, unknown> | undefined;
  do {
    const out: ScanCommandOutput = await db.send(
      new ScanCommand({
        TableName: db.tableName,
        ProjectionExpression: 'pk, sk, #ref, t, del, pend',
        ExpressionAttributeNames: { '#ref': 'ref' },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of (out.Items ?? []) as { pk: string; sk: string; ref?: string; t?: string; del?: boolean; pend?: unknown }[]) {
      if (item.sk === ENTITY_SK && item.t !== undefined && KINDS.has(item.t)) {
        entities.set(item.pk, { deleted: item.del === true, pending: item.pend !== undefined });
      } else if (item.ref !== undefined && item.pk !== item.ref && item.pk !== LIST.syncRuns()) {
        present.set(keyString(item), { pk: item.pk, sk: item.sk, ref: item.ref });
      }
    }
    start = out.LastEvaluatedKey;
  } while (start);

  const live = await getEntities(
    db,
    [...entities.keys()].filter((id) => !entities.get(id)?.deleted),
    true,
  );
  const pending = [...live.values()].filter((e) => e.pending);
  if (!dryRun) await finishWrites(db, pending);
  const needed = neededItems(live.values());
  const missing = [...needed.entries()].filter(([key]) => !present.has(key)).map(([, item]) => item);
  const foreign = [...present.entries()].filter(([key]) => !needed.has(key)).map(([, item]) => item);
  // A record written since the scan may need an entry that looked foreign: read those records again.
  const recheck = await getEntities(
    db,
    foreign.map((item) => item.ref),
    true,
  );
  const stillNeeded = neededItems([...recheck.values()]);
  const stale = foreign.filter((item) => !stillNeeded.has(keyString(item)) && !recheck.get(item.ref)?.pending);
  if (!dryRun) {
    const writes: WriteRequest[] = [
      ...missing.map((item) => ({ put: { ...item } })),
      ...stale.map(({ pk, sk }) => ({ delete: { pk, sk } })),
    ];
    await batchWrite(db, writes);
  }
  return { entities: entities.size, finished: pending.length, written: missing.length, removed: stale.length };
}

/** Every index item the live, committed records need, by key. */
function neededItems(stored: Iterable<StoredEntity>): Map<string, IndexItem> {
  const needed = new Map<string, IndexItem>();
  for (const entity of stored) {
    if (entity.deleted) continue;
    for (const item of indexChanges(null, entity.record).put) needed.set(keyString(item), item);
  }
  return needed;
}
