import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ENTITY_KINDS } from '../domain/ids.js';
import { batchGet, batchWrite, mapLimit, type WriteRequest } from './batch.js';
import { countChange, counterKey } from './counters.js';
import type { Db } from './db.js';
import { finishWrites, getEntities, type StoredEntity } from './entities.js';
import { type IndexItem, indexChanges, keyString } from './index-items.js';
import { ENTITY_SK } from './keys.js';
import { LISTS } from './list-model.js';

/** What a reindex found and did. */
export interface ReindexReport {
  entities: number;
  /** Entities whose interrupted write was finished. */
  finished: number;
  /** Index items written because their entity's record needs them and they were missing. */
  written: number;
  /** Index items removed because no live entity's record needs them. */
  removed: number;
  /** List counters corrected to the entries of the lists they count. */
  counters: number;
}

const KINDS = new Set<string>(ENTITY_KINDS);

/**
 * Maintenance, for the command line only (it reads the whole table with Scan, which no request
 * path does): makes every entity's index items match its record. It finishes interrupted writes,
 * writes what a record needs and lacks (the `REFS#` items of records stored before they existed,
 * say), and removes entries that no live record needs (left by a write that stopped between its
 * index items and its commit, before entities were committed first). Before removing, it reads
 * the entities concerned again, consistently, so a write made during the scan is not undone.
 * Then it sets every list counter to what the live records count in it (`countersOf`), with
 * ADD of the difference, so counters of a table written before them read true.
 * @param dryRun count only, write nothing.
 */
export async function reindexTable(db: Db, dryRun = false): Promise<ReindexReport> {
  const entities = new Map<string, { deleted: boolean; pending: boolean }>();
  const present = new Map<string, { pk: string; sk: string; ref: string }>();
  const counterKeys = new Set<string>();
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
      } else if (item.pk.startsWith(COUNTER_PREFIX) && item.sk === counterKey('').sk) {
        counterKeys.add(item.pk);
      } else if (item.ref !== undefined && item.pk !== item.ref && item.pk !== LISTS.syncRuns().pk) {
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
  const counters = await recount(db, live.values(), counterKeys, dryRun);
  return { entities: entities.size, finished: pending.length, written: missing.length, removed: stale.length, counters };
}

const COUNTER_PREFIX = counterKey('').pk;

/** Per counter key, the fields the live, committed records give it (as a fresh load leaves it). */
function countersOf(stored: Iterable<StoredEntity>): Map<string, Map<string, number>> {
  const counters = new Map<string, Map<string, number>>();
  for (const entity of stored) {
    if (entity.deleted) continue;
    for (const [pk, fields] of countChange(entity.record.id, null, entity.record).deltas) {
      const key = counterKey(pk).pk;
      const into = counters.get(key) ?? new Map<string, number>();
      for (const [field, n] of fields) into.set(field, (into.get(field) ?? 0) + n);
      counters.set(key, into);
    }
  }
  return counters;
}

/**
 * Brings every counter (those the records need and those found) to the count of its list: it
 * reads them consistently after the interrupted writes are finished and ADDs the difference,
 * so a change counted meanwhile is not undone. A change that lands between the read of the
 * records and that of the counters is still counted off by itself: run it on a quiet table.
 * Markers (`~…`) are left alone.
 * @returns the number of counters that differed.
 */
async function recount(db: Db, live: Iterable<StoredEntity>, found: ReadonlySet<string>, dryRun: boolean): Promise<number> {
  const needed = countersOf(live);
  const keys = [...new Set([...needed.keys(), ...found])].map((pk) => ({ pk, sk: counterKey('').sk }));
  const stored = new Map((await batchGet(db, keys, true)).map((item) => [item.pk as string, item]));
  const fixes: { pk: string; deltas: [string, number][] }[] = [];
  for (const { pk } of keys) {
    const want = needed.get(pk) ?? new Map<string, number>();
    const have = stored.get(pk) ?? {};
    const fields = new Set([...want.keys(), ...Object.keys(have).filter((f) => f !== 'pk' && f !== 'sk' && !f.startsWith('~'))]);
    const deltas = [...fields]
      .map((f): [string, number] => [f, (want.get(f) ?? 0) - ((have[f] as number | undefined) ?? 0)])
      .filter(([, n]) => n !== 0);
    if (deltas.length > 0) fixes.push({ pk, deltas });
  }
  if (!dryRun) {
    await mapLimit(fixes, 8, async ({ pk, deltas }) => {
      const names = Object.fromEntries(deltas.map(([f], i) => [`#f${i}`, f]));
      const values = Object.fromEntries(deltas.map(([, n], i) => [`:d${i}`, n]));
      await db.update({
        Key: { pk, sk: counterKey('').sk },
        UpdateExpression: `ADD ${deltas.map((_, i) => `#f${i} :d${i}`).join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      });
    });
  }
  return fixes.length;
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
