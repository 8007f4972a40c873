import { randomUUID } from 'node:crypto';
import type { EntityRecord } from '../domain/records.js';
import { ConflictError, ValidationError } from '../errors.js';
import { batchGet, batchWrite, mapLimit, type WriteRequest } from './batch.js';
import { contentHash } from './canonical.js';
import { applyCounts, clearCountMarkers, countChange, movesCounters, type SpentMarkers } from './counters.js';
import type { Db } from './db.js';
import { indexChanges } from './index-items.js';
import { entityKey, finishedBatchKey, revisionKey } from './keys.js';
import { unstorableReason } from './limits.js';

/**
 * An entity as stored: the record, its version (1, then +1 per change), the content hash
 * that lets an unchanged record cost no write, who changed it last and when.
 */
export interface StoredEntity {
  record: EntityRecord;
  version: number;
  hash: string;
  updatedAt: string;
  updatedBy: string;
  deleted: boolean;
  /** When the snapshot the record came from was taken (a sync source's generation time), if known. */
  snapshot?: string;
  /**
   * Set between a committed change and the revision, index and counter writes that follow it.
   * A change committed by a batch names it: the batch's finished item, not the entity, says
   * when its follow-ups are done (see `unfinished`).
   */
  pending?: { previous: PreviousState | null; batch?: string };
}

/** The state a change replaced, kept as a revision. */
export interface PreviousState {
  record: EntityRecord;
  version: number;
  updatedAt: string;
  updatedBy: string;
  deleted: boolean;
}

interface EntityItem {
  pk: string;
  sk: string;
  t: string;
  v: number;
  h: string;
  d: EntityRecord;
  at: string;
  by: string;
  del?: boolean;
  snap?: string;
  pend?: { prev: PreviousState | null; batch?: string };
}

/** The stored entity of an item read by its key (`entityKey`). */
export function entityFromItem(item: Record<string, unknown>): StoredEntity {
  return fromItem(item as unknown as EntityItem);
}

function fromItem(item: EntityItem): StoredEntity {
  return {
    record: item.d,
    version: item.v,
    hash: item.h,
    updatedAt: item.at,
    updatedBy: item.by,
    deleted: item.del === true,
    ...(item.snap !== undefined ? { snapshot: item.snap } : {}),
    ...(item.pend ? { pending: { previous: item.pend.prev, ...(item.pend.batch ? { batch: item.pend.batch } : {}) } } : {}),
  };
}

/** Reads one entity (deleted ones included: callers decide what a tombstone means). */
export async function getEntity(db: Db, id: string, consistent = false): Promise<StoredEntity | null> {
  const out = await db.get({ Key: entityKey(id), ConsistentRead: consistent });
  return out.Item ? fromItem(out.Item as EntityItem) : null;
}

/** Reads many entities in BatchGetItem calls of 100 keys; the map has only those found. */
export async function getEntities(db: Db, ids: readonly string[], consistent = false): Promise<Map<string, StoredEntity>> {
  const unique = [...new Set(ids)];
  const items = await batchGet(
    db,
    unique.map((id) => entityKey(id)),
    consistent,
  );
  return new Map(items.map((item) => [item.pk as string, fromItem(item as unknown as EntityItem)]));
}

/** How a record is to be written. */
export interface WriteOptions {
  /** Who makes the change: an editor's key name, or `sync:<source>`. */
  actor: string;
  /** `ensure` writes only when the entity is missing; `upsert` makes the stored entity equal the record. */
  mode?: 'upsert' | 'ensure';
  /** When given, the write happens only if the stored version equals it (0: must not exist). */
  expectedVersion?: number;
  /** Soft delete instead of writing the record. */
  delete?: boolean;
  /**
   * When the record's source was generated. A stored record from a later snapshot is kept
   * (outcome `stale`); without it the write does not compare snapshots and keeps the stored one's.
   */
  snapshot?: string;
  /** Leave a deleted record deleted (outcome `skipped`) rather than create it again: the sync's rule. */
  keepDeleted?: boolean;
  /** The batch the change is committed in, finished as one (`writeEntities`): named by creations only. */
  batch?: string;
}

/**
 * `skipped`: the record was deleted and the write keeps it so; `stale`: the stored record
 * comes from a later snapshot than the one written, and is kept.
 */
export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'deleted' | 'skipped' | 'stale';

/** What a write did, and the version now stored. */
export interface WriteResult {
  outcome: WriteOutcome;
  version: number;
  entity: StoredEntity;
}

function conflict(id: string, current: StoredEntity | null, expected: number | undefined, cause?: ConflictError): ConflictError {
  const have = current?.version ?? 0;
  return new ConflictError(
    expected === undefined
      ? `${id} was changed by someone else while this write was prepared (now version ${have})`
      : `${id} is at version ${have}, not the expected version ${expected}`,
    current ? current.version : null,
    { cause, stored: cause?.stored ?? null },
  );
}

/**
 * Refuses a record the table cannot hold (see `unstorableReason`), before anything is sent.
 * @throws ValidationError naming the field or limit at fault.
 */
export function assertStorable(record: EntityRecord): void {
  const reason = unstorableReason(record);
  if (reason) throw new ValidationError(reason, { path: 'input' });
}

/**
 * The first step of every change: a conditional PutItem that succeeds only if the entity is
 * still at the version read. The item keeps the replaced state in `pend` until `finishWrites`
 * has stored it as a revision and moved the index items, so an interrupted write is finished
 * by the next one that reads it. No index item is written before this commit, so no list
 * ever points at an entity that was never committed.
 */
async function commit(
  db: Db,
  current: StoredEntity | null,
  record: EntityRecord,
  hash: string,
  options: WriteOptions,
): Promise<StoredEntity> {
  const now = new Date().toISOString();
  const snapshot = options.snapshot ?? current?.snapshot;
  const previous: PreviousState | null = current
    ? {
        record: current.record,
        version: current.version,
        updatedAt: current.updatedAt,
        updatedBy: current.updatedBy,
        deleted: current.deleted,
      }
    : null;
  const item: EntityItem = {
    ...entityKey(record.id),
    t: record.type,
    v: (current?.version ?? 0) + 1,
    h: hash,
    d: record,
    at: now,
    by: options.actor,
    ...(options.delete ? { del: true } : {}),
    ...(snapshot !== undefined ? { snap: snapshot } : {}),
    // A creation names its batch: its mark then costs no update to clear (see `finishWrites`).
    // A replacement's mark holds the record replaced, so it is cleared to keep the item small.
    pend: { prev: previous, ...(options.batch && !previous ? { batch: options.batch } : {}) },
  };
  try {
    await db.put({
      Item: item,
      ...(current
        ? { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': current.version } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    });
  } catch (error) {
    // The gateway's conflict carries the entity as stored when the write was refused.
    if (!(error instanceof ConflictError)) throw error;
    const now = error.stored ? fromItem(error.stored as unknown as EntityItem) : null;
    throw conflict(record.id, now, options.expectedVersion, error);
  }
  return fromItem(item);
}

/** A committed change as the records it moves from and to (null: absent or deleted). */
function changeOf(entity: StoredEntity): { before: EntityRecord | null; after: EntityRecord | null } {
  const previous = entity.pending?.previous ?? null;
  const before = previous && !previous.deleted ? previous.record : null;
  return { before, after: entity.deleted ? null : entity.record };
}

/** The revision, index puts and index deletes that follow a committed change. */
function followUps(entity: StoredEntity): WriteRequest[] {
  const previous = entity.pending?.previous ?? null;
  const { before, after } = changeOf(entity);
  const { put, remove } = indexChanges(before, after);
  const writes: WriteRequest[] = [];
  if (previous) {
    writes.push({
      put: {
        ...revisionKey(entity.record.id, previous.version),
        t: 'revision',
        d: previous.record,
        v: previous.version,
        at: previous.updatedAt,
        by: previous.updatedBy,
        ...(previous.deleted ? { del: true } : {}),
        replacedAt: entity.updatedAt,
        replacedBy: entity.updatedBy,
      },
    });
  }
  writes.push(...put.map((item) => ({ put: { ...item } })), ...remove.map((key) => ({ delete: key })));
  return writes;
}

/** What a committed change does to the list counters and statistics (see `counters.ts`). */
function countsOfChange(entity: StoredEntity) {
  const { before, after } = changeOf(entity);
  return countChange(`${entity.record.id}@${entity.version}`, before, after);
}

/** How `finishWrites` goes about it. */
export interface FinishOptions {
  /** Calls in flight at once. */
  concurrency?: number;
  /** The batch the changes were committed in (`WriteOptions.batch`). */
  batch?: string;
  /** Where to leave the counters' markers of the changes, to be removed later (a sync's run). */
  spent?: SpentMarkers;
}

/**
 * The entities of `entities` whose committed change is still to be finished: pending, and not
 * committed by a batch whose finished item exists (one consistent BatchGetItem for the batches
 * named). The others lose their pending mark in memory.
 */
export async function unfinished(db: Db, entities: readonly (StoredEntity | null)[]): Promise<StoredEntity[]> {
  const pending = entities.filter((e): e is StoredEntity => e?.pending !== undefined);
  const batches = [...new Set(pending.flatMap((e) => (e.pending?.batch ? [e.pending.batch] : [])))];
  if (batches.length === 0) return pending;
  const finished = await batchGet(db, batches.map(finishedBatchKey), true);
  const done = new Set(finished.map((item) => item.pk));
  return pending.filter((entity) => {
    if (!entity.pending?.batch || !done.has(finishedBatchKey(entity.pending.batch).pk)) return true;
    delete entity.pending;
    return false;
  });
}

/**
 * Finishes committed changes: writes their revisions and index items in batches, adds them to
 * the list counters (once each, however often a change is finished), then clears each
 * entity's pending mark (conditional on its version, so a newer change is left alone). The
 * changes committed by `batch` keep their marks: one item saying the batch is finished stands
 * for all of them, saving an update per entity. The counters' markers of the changes are then
 * removed, or handed to `spent` for later updates of the same counters to remove.
 * @returns the number of item writes made.
 */
export async function finishWrites(db: Db, entities: readonly StoredEntity[], options: FinishOptions = {}): Promise<number> {
  const { concurrency = 8, batch, spent } = options;
  const pending = entities.filter((e) => e.pending);
  if (pending.length === 0) return 0;
  let writes = await batchWrite(db, pending.flatMap(followUps), concurrency);
  // List counters and statistics, each change added once (counters.ts).
  const counts = pending.map(countsOfChange).filter(movesCounters);
  writes += await applyCounts(db, counts, concurrency, spent);
  const own = pending.filter((entity) => batch !== undefined && entity.pending?.batch === batch);
  await mapLimit(
    pending.filter((entity) => !own.includes(entity)),
    concurrency,
    async (entity) => {
      try {
        await db.update({
          Key: entityKey(entity.record.id),
          UpdateExpression: 'REMOVE pend',
          ConditionExpression: 'v = :v',
          ExpressionAttributeValues: { ':v': entity.version },
        });
        writes += 1;
      } catch (error) {
        // A newer change committed meanwhile: its own write clears its mark.
        if (!(error instanceof ConflictError)) throw error;
      }
      delete entity.pending;
    },
  );
  if (batch !== undefined && own.length > 0) {
    await db.put({ Item: { ...finishedBatchKey(batch), t: 'batch', at: new Date().toISOString(), n: own.length } });
    writes += 1;
    for (const entity of own) delete entity.pending;
  }
  if (spent) spent.add(counts);
  else writes += await clearCountMarkers(db, counts, concurrency);
  return writes;
}

/**
 * Decides and commits one change against the state read, without its follow-ups.
 * @throws ConflictError when `expectedVersion` does not match or a concurrent write won.
 */
async function prepare(db: Db, current: StoredEntity | null, record: EntityRecord, options: WriteOptions): Promise<WriteResult> {
  const have = current?.version ?? 0;
  if (options.expectedVersion !== undefined && options.expectedVersion !== have)
    throw conflict(record.id, current, options.expectedVersion);
  if (current && !options.delete) {
    if (current.deleted && options.keepDeleted) return { outcome: 'skipped', version: have, entity: current };
    const newer = options.snapshot !== undefined && current.snapshot !== undefined && current.snapshot > options.snapshot;
    if (newer && options.mode !== 'ensure') return { outcome: 'stale', version: have, entity: current };
  }
  const hash = contentHash(record);
  if (options.delete) {
    if (!current || current.deleted) return { outcome: 'unchanged', version: have, entity: current as StoredEntity };
    return { outcome: 'deleted', version: have + 1, entity: await commit(db, current, current.record, current.hash, options) };
  }
  if (current && (options.mode === 'ensure' || (!current.deleted && current.hash === hash))) {
    return { outcome: 'unchanged', version: have, entity: current };
  }
  const entity = await commit(db, current, record, hash, options);
  return { outcome: current && !current.deleted ? 'updated' : 'created', version: entity.version, entity };
}

/**
 * Writes one record (or soft-deletes it) the safe way: check it fits the table, read,
 * commit conditionally, then store the replaced state as a revision and move the index items.
 * @param read the entity as the caller read it (consistently), when it did: no second read.
 * @throws ValidationError when the table cannot hold the record (nothing is written);
 *   ConflictError when `expectedVersion` does not match or a concurrent write won.
 */
export async function writeEntity(db: Db, record: EntityRecord, options: WriteOptions, read?: StoredEntity | null): Promise<WriteResult> {
  if (!options.delete) assertStorable(record);
  const current = read === undefined ? await getEntity(db, record.id, true) : read;
  await finishWrites(db, await unfinished(db, [current]));
  const result = await prepare(db, current, record, options);
  await finishWrites(db, [result.entity]);
  return result;
}

/** One record of a batch and what to do with it. */
export interface BatchEntry {
  record: EntityRecord;
  mode: 'upsert' | 'ensure';
  /** When the record's source was generated (see `WriteOptions.snapshot`). */
  snapshot?: string;
  /** Fields the stored entity keeps when the record does not set them (a deal's `sameAs`, which sources never send). */
  keep?: readonly string[];
}

/** The entry's record, with the stored values of its `keep` fields that it leaves out. */
function withKept(entry: BatchEntry, current: StoredEntity | null): EntityRecord {
  if (!entry.keep || !current || current.deleted) return entry.record;
  const stored = current.record as unknown as Record<string, unknown>;
  const own = entry.record as unknown as Record<string, unknown>;
  const kept = entry.keep.filter((field) => own[field] === undefined && stored[field] !== undefined).map((field) => [field, stored[field]]);
  return kept.length === 0 ? entry.record : ({ ...entry.record, ...Object.fromEntries(kept) } as EntityRecord);
}

/** What happened to one entry of a batch: its outcome, or the error that stopped it. */
export type BatchResult = { outcome: WriteOutcome } | { error: Error };

/**
 * Writes many records with few round trips: one BatchGetItem per 100 to read their versions,
 * one conditional PutItem per changed record (bounded concurrency), then the revisions and
 * index items of all of them in BatchWriteItem calls and their counters, then one item saying
 * the batch is finished, which clears all their pending marks at once (`unfinished`). A record
 * whose conditional write loses to a concurrent writer is read again and retried, so no update
 * is lost and none is doubled. A record the table cannot hold is refused alone, before any
 * write; a deleted record stays deleted (`skipped`), and one from an older snapshot than the
 * stored one is not written (`stale`).
 * @param spent where a run of many batches collects the counters' markers to remove later
 *   (`SpentMarkers.flush` at its end); without it each batch removes its own.
 */
export async function writeEntities(
  db: Db,
  entries: readonly BatchEntry[],
  actor: string,
  concurrency = 16,
  spent?: SpentMarkers,
): Promise<BatchResult[]> {
  const refusals = entries.map((entry) => unstorableReason(entry.record));
  const stored = await getEntities(
    db,
    entries.filter((_, i) => refusals[i] === null).map((e) => e.record.id),
    true,
  );
  await finishWrites(db, await unfinished(db, [...stored.values()]), { concurrency });
  const batch = randomUUID();
  const committed: StoredEntity[] = [];
  const results = await mapLimit(entries, concurrency, async (entry, index): Promise<BatchResult> => {
    const refusal = refusals[index];
    if (refusal) return { error: new ValidationError(refusal) };
    let current = stored.get(entry.record.id) ?? null;
    const options: WriteOptions = {
      actor,
      mode: entry.mode,
      keepDeleted: true,
      batch,
      ...(entry.snapshot !== undefined ? { snapshot: entry.snapshot } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await prepare(db, current, withKept(entry, current), options);
        if (result.entity?.pending) committed.push(result.entity);
        return { outcome: result.outcome };
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 3) return { error: error as Error };
        current = await getEntity(db, entry.record.id, true);
        await finishWrites(db, await unfinished(db, [current]));
      }
    }
  });
  await finishWrites(db, committed, { concurrency, batch, ...(spent ? { spent } : {}) });
  return results;
}
