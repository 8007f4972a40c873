import type { EntityRecord } from '../domain/records.js';
import { ConflictError } from '../errors.js';
import { chunk, mapLimit } from './batch.js';
import type { Db } from './db.js';
import { attributesOf, keyString, listsOf } from './index-items.js';
import { ATTRIBUTE_NAMES, type Attributes, COUNTED_ATTRIBUTES } from './list-model.js';
import { statsDeltas } from './stats.js';

/**
 * Counters: beside every list where an entity has at most one entry (`ListRef.counted`), an
 * item holds how many entries it has (`n`), and how many have each value of the counted
 * attributes (`st=HELD`, `k=MISSILE_ATTACK`, `cf=CONFIRMED`), so `totalCount` is one small
 * read. They change by ADD in the write path of the index items (`entities.ts`), by the
 * difference between the lists of the version replaced and of the new one.
 *
 * An ADD is not idempotent, and a change is finished again when its first attempt was
 * interrupted. So each change carries an id (`<entity id>@<version>`), and the update that
 * adds it to a counter also sets a marker named after it, on the condition that the marker is
 * not there yet; the marker is removed once the entity's pending mark is cleared (after that
 * no one finishes the change again). A change is thus counted once however often it is
 * finished; an interruption between clearing the mark and removing the marker leaves an
 * inert marker behind. The one case not covered: a second process that read the entity while
 * it was pending and finishes the change only after the first has removed its markers (the
 * same late finish would also rewrite its index items).
 *
 * The arms-transfer statistics (`stats.ts`) are counter items too, at keys of their own: they
 * go through the same updates, markers and clean-up, in the same calls as the list counters.
 */
export const TOTAL = 'n';
/** The field of entries that stand for themselves: all but register records another deal stands for. */
export const STANDALONE = 'u';

/** The key of the counter item of the list at `pk`. */
export function counterKey(pk: string): { pk: string; sk: string } {
  return { pk: `COUNT#${pk}`, sk: '#' };
}

/** The counter field of entries whose attribute has this value. */
export function counterField(attribute: (typeof COUNTED_ATTRIBUTES)[number], value: string): string {
  return `${ATTRIBUTE_NAMES[attribute]}=${value}`;
}

/** The counter fields one entity adds to each counted list it is in. */
function countsOf(record: EntityRecord | null): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  if (!record) return counts;
  const attributes = attributesOf(record) as Partial<Attributes>;
  const fields = [TOTAL, ...(attributes.sourceRecordOf === undefined ? [STANDALONE] : [])];
  for (const attribute of COUNTED_ATTRIBUTES) {
    const value = attributes[attribute];
    if (typeof value === 'string') fields.push(counterField(attribute, value));
  }
  for (const list of listsOf(record)) {
    if (!list.counted || counts.has(list.pk)) continue;
    counts.set(list.pk, new Map(fields.map((f) => [f, 1])));
  }
  return counts;
}

/** The keys of the counter items `record` adds to: one per counted list it is in, and its statistics counters. */
export function counterKeysOf(record: EntityRecord): { pk: string; sk: string }[] {
  return [...[...countsOf(record).keys()].map(counterKey), ...statsDeltas(null, record).map((delta) => delta.key)];
}

/** One counter item's part of a change: its key, and per field how much to add. */
export interface CounterDelta {
  key: { pk: string; sk: string };
  fields: Map<string, number>;
}

/** One change's effect on the counters. */
export interface CountChange {
  /** `<entity id>@<version>`: the marker that makes applying it idempotent. */
  id: string;
  /** Per list (its `pk`), per field, how much to add to its counter. */
  deltas: Map<string, Map<string, number>>;
  /** The other counter items it moves (the arms-transfer statistics). */
  others: CounterDelta[];
}

/** What moving an entity from `before` to `after` (null: absent or deleted) does to the counters. */
export function countChange(id: string, before: EntityRecord | null, after: EntityRecord | null): CountChange {
  const deltas = countsOf(after);
  for (const [pk, fields] of countsOf(before)) {
    const into = deltas.get(pk) ?? new Map<string, number>();
    for (const [field, n] of fields) into.set(field, (into.get(field) ?? 0) - n);
    deltas.set(pk, into);
  }
  for (const [pk, fields] of deltas) {
    for (const [field, n] of fields) if (n === 0) fields.delete(field);
    if (fields.size === 0) deltas.delete(pk);
  }
  return { id, deltas, others: statsDeltas(before, after) };
}

/** Whether a change moves any counter. */
export function movesCounters(change: CountChange): boolean {
  return change.deltas.size > 0 || change.others.length > 0;
}

/**
 * DynamoDB refuses an expression over 4 KB: the condition names each change's marker
 * (`attribute_not_exists(#m12) AND `), the update sets it (`#m12 = :marked, `), adds each
 * field (`#f12 :d12, `) and removes spent markers (`#r12, `). Changes are packed into one
 * update while both stay under this, with the placeholders' longest numbers assumed.
 */
const EXPRESSION_BYTES = 3800;
const CONDITION_BYTES_PER_CHANGE = 'attribute_not_exists(#m0000) AND '.length;
const UPDATE_BYTES_PER_CHANGE = '#m0000 = :marked, '.length;
const UPDATE_BYTES_PER_FIELD = '#f0000 :d0000, '.length;
const UPDATE_BYTES_PER_REMOVAL = '#r0000, '.length;

const marker = (changeId: string) => `~${changeId}`;

/** The changes that move one counter item, with what each adds. */
interface CounterWork {
  key: { pk: string; sk: string };
  changes: { id: string; fields: Map<string, number> }[];
}

/** The bytes of the update expression that adds `changes`. */
function updateBytes(changes: CounterWork['changes']): number {
  const fields = new Set(changes.flatMap((change) => [...change.fields.keys()]));
  return changes.length * UPDATE_BYTES_PER_CHANGE + fields.size * UPDATE_BYTES_PER_FIELD;
}

/**
 * Adds `changes` to one counter item in one update, if none of them was added before, and
 * removes the spent markers given (`SpentMarkers`) in the same update.
 */
async function addToCounter(db: Db, { key, changes }: CounterWork, spent: readonly string[] = []): Promise<boolean> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':marked': true };
  const sums = new Map<string, number>();
  for (const change of changes) for (const [field, n] of change.fields) sums.set(field, (sums.get(field) ?? 0) + n);
  const adds = [...sums.entries()].map(([field, n], i) => {
    names[`#f${i}`] = field;
    values[`:d${i}`] = n;
    return `#f${i} :d${i}`;
  });
  const marks = changes.map((change, i) => {
    names[`#m${i}`] = marker(change.id);
    return `#m${i}`;
  });
  const removals = spent.map((id, i) => {
    names[`#r${i}`] = marker(id);
    return `#r${i}`;
  });
  try {
    await db.update({
      Key: key,
      UpdateExpression: [
        `SET ${marks.map((m) => `${m} = :marked`).join(', ')}`,
        ...(adds.length > 0 ? [`ADD ${adds.join(', ')}`] : []),
        ...(removals.length > 0 ? [`REMOVE ${removals.join(', ')}`] : []),
      ].join(' '),
      ConditionExpression: marks.map((m) => `attribute_not_exists(${m})`).join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      // The table gateway reads the stored item for the error unless the engine returns it.
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    return true;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return false;
  }
}

/** `work`'s changes in parts whose update and condition expressions fit (see EXPRESSION_BYTES). */
function packed(work: CounterWork): CounterWork[] {
  const parts: CounterWork[] = [];
  let part: CounterWork['changes'] = [];
  let fields = new Set<string>();
  for (const change of work.changes) {
    const merged = new Set([...fields, ...change.fields.keys()]);
    const conditionBytes = (part.length + 1) * CONDITION_BYTES_PER_CHANGE;
    const updateBytes = (part.length + 1) * UPDATE_BYTES_PER_CHANGE + merged.size * UPDATE_BYTES_PER_FIELD;
    if (part.length > 0 && (conditionBytes > EXPRESSION_BYTES || updateBytes > EXPRESSION_BYTES)) {
      parts.push({ ...work, changes: part });
      part = [];
      fields = new Set(change.fields.keys());
    } else {
      fields = merged;
    }
    part.push(change);
  }
  if (part.length > 0) parts.push({ ...work, changes: part });
  return parts;
}

/** Per counter item, the changes that move it, packed into as few updates as the expression limits allow. */
function counterWork(changes: readonly CountChange[]): CounterWork[] {
  const items = new Map<string, CounterWork>();
  const add = (id: string, delta: CounterDelta) => {
    const work = items.get(keyString(delta.key)) ?? { key: delta.key, changes: [] };
    work.changes.push({ id, fields: delta.fields });
    items.set(keyString(delta.key), work);
  };
  for (const change of changes) {
    for (const [pk, fields] of change.deltas) add(change.id, { key: counterKey(pk), fields });
    for (const delta of change.others) add(change.id, delta);
  }
  return [...items.values()].flatMap(packed);
}

/**
 * Markers of changes that can no longer be finished again (their pending marks are cleared),
 * by counter item, still to be removed. A sync hands them to its next batch, whose update of
 * the same counter removes them on the way (`applyCounts`); `flush` removes the rest. Markers
 * never removed (a run stopped before its flush) are inert: a change id never recurs.
 *
 * An update with many fields (a year item moved in every year) has no room left to remove
 * markers, so a counter could gather them batch after batch: past MAX_SPENT_MARKERS they are
 * removed at once (see `finishWrites`), keeping the item far under DynamoDB's 400 KB.
 */
export const MAX_SPENT_MARKERS = 500;

export class SpentMarkers {
  private readonly byCounter = new Map<string, { key: { pk: string; sk: string }; ids: string[] }>();

  /** Adds the markers `changes` set on their counters. */
  add(changes: readonly CountChange[]): void {
    for (const work of counterWork(changes)) {
      const entry = this.byCounter.get(keyString(work.key)) ?? { key: work.key, ids: [] };
      entry.ids.push(...work.changes.map((change) => change.id));
      this.byCounter.set(keyString(work.key), entry);
    }
  }

  /** Takes up to `max` markers of the counter at `key` (to remove in an update of it). */
  take(key: { pk: string; sk: string }, max: number): string[] {
    const entry = this.byCounter.get(keyString(key));
    if (!entry || max <= 0) return [];
    const taken = entry.ids.splice(0, max);
    if (entry.ids.length === 0) this.byCounter.delete(keyString(key));
    return taken;
  }

  /** Gives back markers taken for an update that did not happen. */
  putBack(key: { pk: string; sk: string }, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const entry = this.byCounter.get(keyString(key)) ?? { key, ids: [] };
    entry.ids.push(...ids);
    this.byCounter.set(keyString(key), entry);
  }

  /**
   * Removes the markers held, in one update per counter item (per as many as an expression
   * holds): all of them, or only those of counters holding more than `over`.
   * @returns the number of updates made.
   */
  async flush(db: Db, concurrency = 8, over = 0): Promise<number> {
    const perUpdate = Math.floor(EXPRESSION_BYTES / UPDATE_BYTES_PER_REMOVAL);
    const due = [...this.byCounter].filter(([, { ids }]) => ids.length > over);
    for (const [counter] of due) this.byCounter.delete(counter);
    const work = due.flatMap(([, { key, ids }]) => chunk(ids, perUpdate).map((part) => ({ key, ids: part })));
    await mapLimit(work, concurrency, async ({ key, ids }) => {
      const names = Object.fromEntries(ids.map((id, i) => [`#r${i}`, marker(id)]));
      await db.update({ Key: key, UpdateExpression: `REMOVE ${Object.keys(names).join(', ')}`, ExpressionAttributeNames: names });
    });
    return work.length;
  }
}

/**
 * Adds committed changes to their counters (lists' and statistics'), each change once: one
 * update per counter item (and per as many changes as one update's expressions hold), or one
 * per change when some of them were added before (a change finished again). An update also
 * removes spent markers of its counter from `spent`, as many as its expression has room for.
 * @returns the number of counter updates made.
 */
export async function applyCounts(db: Db, changes: readonly CountChange[], concurrency = 8, spent?: SpentMarkers): Promise<number> {
  const calls = await mapLimit(counterWork(changes), concurrency, async (work) => {
    const room = Math.floor((EXPRESSION_BYTES - updateBytes(work.changes)) / UPDATE_BYTES_PER_REMOVAL);
    const removals = spent?.take(work.key, room) ?? [];
    if (await addToCounter(db, work, removals)) return 1;
    spent?.putBack(work.key, removals);
    if (work.changes.length === 1) return 1;
    // Some were counted by an earlier attempt: add the others one by one, each on its own condition.
    for (const change of work.changes) await addToCounter(db, { ...work, changes: [change] });
    return 1 + work.changes.length;
  });
  return calls.reduce((a, b) => a + b, 0);
}

/** Removes the markers of changes that can no longer be finished again (their pending marks are cleared). */
export async function clearCountMarkers(db: Db, changes: readonly CountChange[], concurrency = 8): Promise<number> {
  const spent = new SpentMarkers();
  spent.add(changes);
  return spent.flush(db, concurrency);
}

/**
 * The counter items a table holds once `records` are written as new records and their
 * changes finished: each counter's fields summed, no markers. What a bulk load writes directly.
 */
export function counterItemsOf(records: Iterable<EntityRecord>): Record<string, unknown>[] {
  const items = new Map<string, Record<string, unknown>>();
  for (const record of records) {
    for (const work of counterWork([countChange(record.id, null, record)])) {
      const item = items.get(keyString(work.key)) ?? { ...work.key };
      for (const [field, n] of work.changes[0]?.fields ?? []) item[field] = Number(item[field] ?? 0) + n;
      items.set(keyString(work.key), item);
    }
  }
  return [...items.values()];
}
