import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ENTITY_KINDS } from '../domain/ids.js';
import { batchGet, batchWrite, mapLimit, type WriteRequest } from '../store/batch.js';
import { counterItemsOf, counterKey } from '../store/counters.js';
import type { Db } from '../store/db.js';
import { finishWrites, getEntities, type StoredEntity, unfinished } from '../store/entities.js';
import { type IndexItem, indexChanges, keyString } from '../store/index-items.js';
import { ENTITY_SK } from '../store/keys.js';
import { LISTS } from '../store/list-model.js';
import { isStatsCounter } from '../store/stats.js';

/** What a reindex found and did. */
export interface ReindexReport {
  entities: number;
  /** Entities whose interrupted write was finished. */
  finished: number;
  /** Index items written because their entity's record needs them and they were missing. */
  written: number;
  /** Index items removed because no live entity's record needs them. */
  removed: number;
  /** Counters (lists' and statistics') corrected to what the live records count in them. */
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
 * Then it sets every counter, of the lists and of the statistics, to what the live records
 * count in it (`countersOf`), with ADD of the difference, so counters of a table written before
 * them read true.
 * @param dryRun count only, write nothing.
 */
export async function reindexTable(db: Db, dryRun = false): Promise<ReindexReport> {
  const entities = new Map<string, { deleted: boolean }>();
  const present = new Map<string, { pk: string; sk: string; ref: string }>();
  const counterKeys = new Map<string, { pk: string; sk: string }>();
  let start: Record<string, unknown> | undefined;
  do {
    const out: ScanCommandOutput = await db.send(
      new ScanCommand({
        TableName: db.tableName,
        ProjectionExpression: 'pk, sk, #ref, t, del',
        ExpressionAttributeNames: { '#ref': 'ref' },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of (out.Items ?? []) as { pk: string; sk: string; ref?: string; t?: string; del?: boolean }[]) {
      if (item.sk === ENTITY_SK && item.t !== undefined && KINDS.has(item.t)) {
        entities.set(item.pk, { deleted: item.del === true });
      } else if ((item.pk.startsWith(COUNTER_PREFIX) && item.sk === counterKey('').sk) || isStatsCounter(item.pk)) {
        counterKeys.set(keyString(item), { pk: item.pk, sk: item.sk });
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
  const pending = await unfinished(db, [...live.values()]);
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
  await unfinished(db, [...recheck.values()]);
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

/** Per counter item, the item the live, committed records give it (as a fresh load leaves it). */
function countersOf(stored: Iterable<StoredEntity>): Map<string, Record<string, unknown>> {
  const records = [...stored].filter((entity) => !entity.deleted).map((entity) => entity.record);
  return new Map(counterItemsOf(records).map((item) => [keyString(item as { pk: string; sk: string }), item]));
}

/** The fields a counter counts with: numbers, not its key, markers (`~…`) or the attributes it carries. */
const countedFields = (item: Record<string, unknown>) =>
  Object.entries(item).filter(([f, v]) => f !== 'pk' && f !== 'sk' && !f.startsWith('~') && typeof v === 'number') as [string, number][];

/**
 * Brings every counter (those the records need and those found) to what the records count in
 * it: it reads them consistently after the interrupted writes are finished and ADDs the
 * difference, so a change counted meanwhile is not undone; a counter created here gets the
 * attributes it carries (a statistics counter's year and parties). A change that lands between
 * the read of the records and that of the counters is still counted off by itself: run it on a
 * quiet table. Markers (`~…`) are left alone.
 * @returns the number of counters that differed.
 */
async function recount(
  db: Db,
  live: Iterable<StoredEntity>,
  found: ReadonlyMap<string, { pk: string; sk: string }>,
  dryRun: boolean,
): Promise<number> {
  const needed = countersOf(live);
  const keys = new Map(found);
  for (const [key, item] of needed) keys.set(key, { pk: item.pk as string, sk: item.sk as string });
  const stored = new Map(
    (await batchGet(db, [...keys.values()], true)).map((item) => [keyString(item as { pk: string; sk: string }), item]),
  );
  const fixes: { key: { pk: string; sk: string }; deltas: [string, number][]; carried: [string, unknown][] }[] = [];
  for (const [at, key] of keys) {
    const want = new Map(countedFields(needed.get(at) ?? {}));
    const have = new Map(countedFields(stored.get(at) ?? {}));
    const deltas = [...new Set([...want.keys(), ...have.keys()])]
      .map((f): [string, number] => [f, (want.get(f) ?? 0) - (have.get(f) ?? 0)])
      .filter(([, n]) => n !== 0);
    const carried = Object.entries(needed.get(at) ?? {}).filter(([, v]) => typeof v === 'string' && !stored.has(at));
    if (deltas.length > 0) fixes.push({ key, deltas, carried: carried.filter(([f]) => f !== 'pk' && f !== 'sk') });
  }
  if (!dryRun) {
    await mapLimit(fixes, 8, async ({ key, deltas, carried }) => {
      const names = Object.fromEntries([...deltas.map(([f], i) => [`#f${i}`, f]), ...carried.map(([f], i) => [`#c${i}`, f])]);
      const values = Object.fromEntries([...deltas.map(([, n], i) => [`:d${i}`, n]), ...carried.map(([, v], i) => [`:c${i}`, v])]);
      const sets = carried.map((_, i) => `#c${i} = :c${i}`);
      await db.update({
        Key: key,
        UpdateExpression: `ADD ${deltas.map((_, i) => `#f${i} :d${i}`).join(', ')}${sets.length > 0 ? ` SET ${sets.join(', ')}` : ''}`,
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
