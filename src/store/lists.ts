import type { EntityKind } from '../domain/ids.js';
import { type DateRange, yearBefore } from '../domain/partial-date.js';
import type { EntityRecord } from '../domain/records.js';
import { ValidationError } from '../errors.js';
import { byCodeUnits } from './canonical.js';
import { counterField, counterKey, STANDALONE, TOTAL } from './counters.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Db } from './db.js';
import { indexItemsOf } from './index-items.js';
import {
  ATTRIBUTE_NAMES,
  type Attributes,
  COUNTED_ATTRIBUTES,
  DATE_KEY_MAX,
  DATE_KEY_MIN,
  type ListRef,
  longFactsOf,
} from './list-model.js';

/** An entry of a list: the entity it points to and its kind (or, for `project: 'item'`, the whole item). */
export interface ListEntry {
  ref: string;
  kind: EntityKind;
  /** The entry's sort key: a date and id, or a folded name and id. */
  sortKey: string;
  cursor: string;
  item?: Record<string, unknown>;
}

/** One page of a list, in the list's order, with Relay's page info. */
export interface ListPage {
  entries: ListEntry[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** What a list read keeps, in the domain's words; the codec (`ATTRIBUTE_NAMES`) gives the stored names. */
export interface ListFilter {
  entityKind?: EntityKind;
  status?: string;
  eventKind?: string;
  confidence?: string;
  country?: string;
  /** Every one of these participants took part. */
  participants?: string[];
  /** At least one of these countries is a party. */
  countries?: string[];
  /** A designation of the deal starts with this (folded). */
  designationPrefix?: string;
  /** Reported by (folded, whole). */
  reporter?: string;
  /** Carried by this organisation (its id). */
  reporterId?: string;
  /** Said in this country (ISO code). */
  place?: string;
  /** Leave out register records that describe a deal of another source (lists show each transfer once). */
  withoutSourceRecords?: boolean;
}

/** Which part of which list to read: everything but the page. */
export interface ListQuery {
  /** The list, or several read as one ("any of"): an entity in several of them appears once. */
  lists: ListRef[];
  /** Read in descending key order (dated lists newest first; names Z to A). */
  descending: boolean;
  /** Only entries whose date range overlaps this one (dated lists). */
  during?: Partial<DateRange>;
  /** Only entries that began by `activeOn.end` and had not ended before `activeOn.start` (roles). */
  activeOn?: DateRange;
  /** Only entries whose sort key starts with this (named lists: a folded name prefix). */
  prefix?: string;
  where?: ListFilter;
  /** Lists where an entity has several entries: keep each entity once, at one of its matching entries (see `representsLast`). */
  distinct?: (ids: string[]) => Promise<(EntityRecord | null)[]>;
  /** `item` returns each entry's whole item (revisions, read from an entity's own partition). */
  project?: 'entry' | 'item';
}

/** Which page: `first` after a cursor, or `last` before one (Relay Cursor Connections). */
export interface PageRequest {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
}

/** Queries one page of a list may take when a filter skips entries; the next page goes on from where they stopped. */
export const MAX_PAGE_READS = 20;
const HIGH = '\uffff';

/** A key range of one partition; `exclude` are keys the range's ends leave out (cursors). */
interface Source {
  pk: string;
  low?: string;
  high?: string;
  /** The long facts of a dated list: their cursors say so, as they lie below the range's start. */
  long?: boolean;
}

/** The list's name in cursors: a cursor works only for the lists it was made for. */
const listIdOf = (query: ListQuery) => query.lists.map((l) => l.pk).join('|');

/** The key range of each list, and of its long facts when a date range needs them; in key order. */
function rangesOf(query: ListQuery): { chains: Source[][]; low?: string; high?: string } {
  let low: string | undefined;
  let high: string | undefined;
  if (query.prefix !== undefined) {
    low = query.prefix;
    high = `${query.prefix}${HIGH}`;
  } else if (query.activeOn) {
    low = DATE_KEY_MIN;
    high = `${query.activeOn.end}${HIGH}`;
  } else if (query.during) {
    // A fact of at most a year whose range overlaps [from, to] starts at most a year before
    // `from` (the widest precision) and no later than `to`; the exact check on its last day
    // `e` is the filter. Longer facts are read from their own partition, below `low`.
    low = query.during.start ? yearBefore(query.during.start) : DATE_KEY_MIN;
    high = `${query.during.end ?? DATE_KEY_MAX}${HIGH}`;
  }
  const chains = query.lists.map((list) => {
    const main: Source = { pk: list.pk, ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) };
    if (!(list.long && query.during?.start !== undefined)) return [main];
    return [{ pk: longFactsOf(list.pk), low: DATE_KEY_MIN, high: low as string, long: true }, main];
  });
  return { chains, ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) };
}

/** The filter expression of a query, with its names and values. */
function filterOf(query: ListQuery): { expression?: string; names: Record<string, string>; values: Record<string, unknown> } {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const terms: string[] = [];
  const name = (attribute: keyof Attributes | 'e') => {
    const stored = attribute === 'e' ? 'e' : ATTRIBUTE_NAMES[attribute];
    names[`#${stored}`] = stored;
    return `#${stored}`;
  };
  const value = (v: unknown) => {
    const key = `:v${Object.keys(values).length}`;
    values[key] = v;
    return key;
  };
  const endsBy = query.activeOn?.start ?? (query.prefix === undefined ? query.during?.start : undefined);
  if (endsBy) terms.push(`${name('e')} >= ${value(endsBy)}`);
  const where = query.where ?? {};
  for (const attribute of ['entityKind', 'status', 'eventKind', 'confidence', 'country', 'reporter', 'reporterId', 'place'] as const) {
    const wanted = where[attribute];
    if (wanted !== undefined) terms.push(`${name(attribute)} = ${value(wanted)}`);
  }
  for (const participant of where.participants ?? []) terms.push(`contains(${name('participants')}, ${value(participant)})`);
  if (where.countries && where.countries.length > 0) {
    terms.push(`(${where.countries.map((c) => `contains(${name('countries')}, ${value(c)})`).join(' OR ')})`);
  }
  if (where.designationPrefix !== undefined) terms.push(`contains(${name('designations')}, ${value(`|${where.designationPrefix}`)})`);
  if (where.withoutSourceRecords) terms.push(`attribute_not_exists(${name('sourceRecordOf')})`);
  return { ...(terms.length > 0 ? { expression: terms.join(' AND ') } : {}), names, values };
}

/** Whether an index item is one the query keeps: the same checks as the read's key range and filter. */
function matches(item: Record<string, unknown>, query: ListQuery): boolean {
  const sk = item.sk as string;
  if (!query.lists.some((l) => l.pk === item.pk)) return false;
  if (query.prefix !== undefined && !sk.startsWith(query.prefix)) return false;
  const { activeOn } = query;
  if (activeOn && (sk.slice(0, DATE_KEY_MIN.length) > activeOn.end || ((item.e as string) ?? DATE_KEY_MAX) < activeOn.start)) return false;
  const where = query.where ?? {};
  for (const attribute of ['entityKind', 'status', 'eventKind', 'confidence', 'country', 'reporter'] as const) {
    if (where[attribute] !== undefined && item[ATTRIBUTE_NAMES[attribute]] !== where[attribute]) return false;
  }
  return true;
}

/** A read position: keys already passed in the reading direction are outside it. */
interface Bounds {
  /** Keep keys strictly above this. */
  above?: string;
  /** Keep keys strictly below this. */
  below?: string;
}

function keyCondition(source: Source, bounds: Bounds, values: Record<string, unknown>): string | null {
  const low = [source.low, bounds.above]
    .filter((v): v is string => v !== undefined)
    .sort()
    .at(-1);
  const high = [source.high, bounds.below].filter((v): v is string => v !== undefined).sort()[0];
  if (low !== undefined && high !== undefined && low > high) return null;
  values[':pk'] = source.pk;
  if (low !== undefined && high !== undefined) {
    values[':low'] = low;
    values[':high'] = high;
    return '#pk = :pk AND #sk BETWEEN :low AND :high';
  }
  if (low !== undefined) {
    values[':low'] = low;
    return '#pk = :pk AND #sk >= :low';
  }
  if (high !== undefined) {
    values[':high'] = high;
    return '#pk = :pk AND #sk <= :high';
  }
  return '#pk = :pk';
}

/** What one chain of disjoint ranges gave: its entries in reading order, and how far it is known. */
interface ChainRead {
  entries: ListEntry[];
  /** The last key examined when the chain stopped before its end (full, or out of reads); null at its end. */
  frontier: string | null;
}

async function readChain(
  db: Db,
  query: ListQuery,
  chain: Source[],
  bounds: Bounds,
  ascending: boolean,
  wanted: number,
  listId: string,
): Promise<ChainRead> {
  const filter = filterOf(query);
  const entries: ListEntry[] = [];
  let reads = 0;
  for (const source of ascending ? chain : [...chain].reverse()) {
    const values: Record<string, unknown> = { ...filter.values };
    const condition = keyCondition(source, bounds, values);
    if (condition === null) continue;
    let start: Record<string, unknown> | undefined;
    do {
      if (reads >= MAX_PAGE_READS) {
        // Out of reads: the page ends where the reading stopped, and the next one goes on from there.
        const at = start ? (start.sk as string) : ascending ? (source.low ?? '') : (source.high ?? HIGH);
        return { entries, frontier: at };
      }
      reads += 1;
      const need = wanted - entries.length;
      const out = await db.query({
        KeyConditionExpression: condition,
        ...(filter.expression ? { FilterExpression: filter.expression } : {}),
        ExpressionAttributeNames: {
          '#pk': 'pk',
          '#sk': 'sk',
          ...(query.project === 'item' ? {} : { '#ref': 'ref', '#t': 't' }),
          ...filter.names,
        },
        ExpressionAttributeValues: values,
        ...(query.project === 'item' ? {} : { ProjectionExpression: '#pk, #sk, #ref, #t' }),
        ScanIndexForward: ascending,
        // One more than wanted: a cursor's own key can come back (ranges include their ends).
        Limit: filter.expression ? Math.max(need + 1, 50) : need + 1,
        ...(start ? { ExclusiveStartKey: start } : {}),
      });
      for (const item of (out.Items ?? []) as { pk: string; sk: string; ref: string; t: EntityKind }[]) {
        if (item.sk === bounds.above || item.sk === bounds.below) continue;
        entries.push({
          ref: item.ref ?? item.pk,
          kind: item.t,
          sortKey: item.sk,
          cursor: encodeCursor(source.long ? longFactsOf(listId) : listId, item.sk),
          ...(query.project === 'item' ? { item } : {}),
        });
      }
      if (entries.length >= wanted) return { entries, frontier: (entries[wanted - 1] as ListEntry).sortKey };
      start = out.LastEvaluatedKey;
    } while (start);
  }
  return { entries, frontier: null };
}

/** Checks a cursor and gives its key: within the range read, or below it for a long fact's. */
function cursorKey(
  cursor: string,
  field: 'after' | 'before',
  listId: string,
  query: ListQuery,
  range: { low?: string; high?: string },
): string {
  const longRead = query.during?.start !== undefined && query.lists.some((l) => l.long);
  let sk: string;
  let long = false;
  try {
    sk = decodeCursor(cursor, listId, field);
  } catch (error) {
    if (!longRead) throw error;
    sk = decodeCursor(cursor, longFactsOf(listId), field);
    long = true;
  }
  const outside = long
    ? range.low !== undefined && sk >= range.low
    : (range.low !== undefined && sk < range.low) || (range.high !== undefined && sk > range.high);
  if (outside) throw new ValidationError(`${field}: the cursor is outside the range of this list`, { path: field });
  return sk;
}

/**
 * Reads one page of a list (or of several read as one) with Query on each partition: a key
 * range for dates, name prefixes and cursors, a filter only on the few attributes an index item
 * carries, in whichever direction the page needs (`ScanIndexForward`). It reads on until it has
 * the page plus one entry (to know whether more follow), or its reads for one page ran out.
 * @throws ValidationError for a cursor that does not belong to this list and range.
 */
export async function queryList(db: Db, query: ListQuery, page: PageRequest): Promise<ListPage> {
  const listId = listIdOf(query);
  const { chains, ...range } = rangesOf(query);
  const given = (c: string | null | undefined): c is string => c !== undefined && c !== null;
  const after = given(page.after) ? cursorKey(page.after, 'after', listId, query, range) : undefined;
  const before = given(page.before) ? cursorKey(page.before, 'before', listId, query, range) : undefined;
  const bounds: Bounds = {};
  // `after` keeps what comes later in the list's order, `before` what comes earlier.
  if (after !== undefined) bounds[query.descending ? 'below' : 'above'] = after;
  if (before !== undefined) bounds[query.descending ? 'above' : 'below'] = before;
  const backward = page.last !== undefined && page.first === undefined;
  const size = (backward ? page.last : page.first) ?? 0;
  const ascending = query.descending === backward;
  const wanted = size + 1;
  const reads = await Promise.all(chains.map((chain) => readChain(db, query, chain, bounds, ascending, wanted, listId)));
  // Merge in reading order; an entity in several of the lists has the same key in each.
  const order = (a: string, b: string) => byCodeUnits(a, b) * (ascending ? 1 : -1);
  const seen = new Set<string>();
  let merged = reads
    .flatMap((r) => r.entries)
    .sort((a, b) => order(a.sortKey, b.sortKey))
    .filter((e) => {
      if (seen.has(e.sortKey)) return false;
      seen.add(e.sortKey);
      return true;
    });
  // Only what every list has been read up to is known to be in order.
  const frontiers = reads.map((r) => r.frontier).filter((f): f is string => f !== null);
  const frontier = frontiers.sort(order)[0];
  if (frontier !== undefined) merged = merged.filter((e) => order(e.sortKey, frontier) <= 0);
  if (query.distinct) merged = await distinctEntries(query, merged);
  const taken = merged.slice(0, size);
  const more = merged.length > size || frontier !== undefined;
  const entries = backward ? taken.reverse() : taken;
  // A page that ran out of reads before filling ends where the reading stopped; an empty
  // page (`first: 0`) ends where it began, so a client can always go on from its cursors.
  const at = (sk: string) => encodeCursor(range.low !== undefined && sk < range.low ? longFactsOf(listId) : listId, sk);
  // An empty page ends where the reading stopped (out of reads, or every entry read left out
  // as a repeat), or for `first: 0` where it began: at the given cursor, or before the list's
  // first entry. Either way a client goes on from it.
  const resume =
    frontier !== undefined && taken.length === 0 && size > 0
      ? at(frontier)
      : ((backward ? page.before : page.after) ?? (merged.length > 0 ? at(edgeOf(query, range, ascending)) : null));
  return {
    entries,
    hasNextPage: backward ? before !== undefined : more,
    hasPreviousPage: backward ? more : after !== undefined,
    startCursor: entries[0]?.cursor ?? (backward ? resume : (page.after ?? null)),
    endCursor: entries.at(-1)?.cursor ?? (backward ? (page.before ?? null) : resume),
  };
}

/** A key before every entry of the range in reading order: a cursor there reads from the first. */
function edgeOf(query: ListQuery, range: { low?: string; high?: string }, ascending: boolean): string {
  if (!ascending) return range.high ?? HIGH;
  if (query.during?.start !== undefined && query.lists.some((l) => l.long)) return DATE_KEY_MIN;
  return range.low ?? '\u0001';
}

/** Dated lists keep an entity at its latest entry (a leader's newest role), named ones at its first name. */
const representsLast = (query: ListQuery) => query.lists[0]?.order === 'date';

/**
 * Keeps each entity once, at the first of its own entries (in key order) that the query
 * keeps, so it appears once however the list is paged, in either direction.
 */
async function distinctEntries(query: ListQuery, entries: ListEntry[]): Promise<ListEntry[]> {
  const records = await (query.distinct as NonNullable<ListQuery['distinct']>)(entries.map((e) => e.ref));
  return entries.filter((entry, i) => {
    const record = records[i];
    if (!record) return false;
    const keys = indexItemsOf(record)
      .filter((item) => matches(item, query))
      .map((item) => item.sk)
      .sort();
    // The same entry whichever way the list is read or ordered.
    return entry.sortKey === (representsLast(query) ? keys.at(-1) : keys[0]);
  });
}

/** How `totalCount` of a query is read: a counter field, or the entries of its range. */
export type CountPlan = { counter: { pk: string; sk: string }; field: string } | { range: ListQuery };

/**
 * The cheapest exact count of a query: the list's counter item when the list is counted and
 * the query keeps all of it or one counted value (a status, a kind, a confidence); otherwise
 * the entries of its key range, read for their keys alone.
 */
export function countPlan(query: ListQuery): CountPlan {
  const [list] = query.lists;
  const { withoutSourceRecords, ...rest } = query.where ?? {};
  const where = Object.entries(rest).filter(([, v]) => v !== undefined);
  const simple = query.lists.length === 1 && list?.counted && !query.during && !query.activeOn && query.prefix === undefined;
  if (simple && where.length === 0) return { counter: counterKey(list.pk), field: withoutSourceRecords ? STANDALONE : TOTAL };
  const [only] = where;
  if (simple && !withoutSourceRecords && where.length === 1 && only && (COUNTED_ATTRIBUTES as readonly string[]).includes(only[0])) {
    return { counter: counterKey(list.pk), field: counterField(only[0] as (typeof COUNTED_ATTRIBUTES)[number], only[1] as string) };
  }
  return { range: query };
}

/**
 * Counts the entries of a query's range: Query with `Select: COUNT` on one list, or the keys
 * of every list read and merged (several lists, or lists where an entity has several entries).
 */
export async function countRange(db: Db, query: ListQuery): Promise<number> {
  const { chains } = rangesOf(query);
  const filter = filterOf(query);
  // One list (with its long facts, which hold other keys) is a sum of counts; several lists can share entries.
  const single = chains.length === 1 && !query.distinct;
  const keys = new Set<string>();
  let count = 0;
  await Promise.all(
    chains.flat().map(async (source) => {
      const values: Record<string, unknown> = { ...filter.values };
      const condition = keyCondition(source, {}, values) as string;
      let start: Record<string, unknown> | undefined;
      do {
        const out = await db.query({
          KeyConditionExpression: condition,
          ...(filter.expression ? { FilterExpression: filter.expression } : {}),
          ExpressionAttributeNames: {
            '#pk': 'pk',
            ...(single && !condition.includes('#sk') ? {} : { '#sk': 'sk' }),
            ...(single ? {} : { '#ref': 'ref' }),
            ...filter.names,
          },
          ExpressionAttributeValues: values,
          ...(single ? { Select: 'COUNT' as const } : { ProjectionExpression: '#sk, #ref' }),
          ...(start ? { ExclusiveStartKey: start } : {}),
        });
        count += out.Count ?? 0;
        for (const item of (out.Items ?? []) as { sk: string; ref: string }[]) keys.add(query.distinct ? item.ref : item.sk);
        start = out.LastEvaluatedKey;
      } while (start);
    }),
  );
  return single ? count : keys.size;
}
