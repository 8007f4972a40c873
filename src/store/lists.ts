import type { EntityKind } from '../domain/ids.js';
import { type DateRange, yearBefore } from '../domain/partial-date.js';
import { ValidationError } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Db } from './db.js';
import { longFactsOf } from './index-items.js';
import { DATE_KEY_MAX, DATE_KEY_MIN } from './keys.js';

/** An entry of a list: the entity it points to and its kind. */
export interface ListEntry {
  ref: string;
  kind: EntityKind;
  /** The entry's sort key: a date and id, or a folded name and id. */
  sortKey: string;
  cursor: string;
}

/** One page of a list. */
export interface ListPage {
  entries: ListEntry[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Which part of a list to read. */
export interface ListQuery {
  pk: string;
  first: number;
  after?: string | null;
  /** Dated lists come newest first; named lists in name order. */
  newestFirst?: boolean;
  /** Only entries whose date range overlaps this one (dated lists). */
  during?: Partial<DateRange>;
  /** Only entries that began by `activeOn.end` and had not ended before `activeOn.start` (roles). */
  activeOn?: DateRange;
  /** Only entries whose sort key starts with this (named lists: a folded name prefix). */
  prefix?: string;
  /** Only entries with these index attributes (status `st`, event kind `k`, entity kind `t`, country `c`). */
  where?: Partial<Record<'st' | 'k' | 't' | 'c', string>>;
  /** Only entries without these index attributes (`dup`: deals another source's deal stands for). */
  without?: readonly 'dup'[];
}

const MAX_PAGE_READS = 20;

/**
 * Reads one page of a list with Query on its partition: a key range for dates or name
 * prefixes, and a filter only on the few attributes an index item carries. It reads on
 * until it has `first` entries plus one (to know whether there is a next page).
 * @throws ValidationError for a cursor that does not belong to this list and range.
 */
export async function queryList(db: Db, query: ListQuery): Promise<ListPage> {
  const names: Record<string, string> = { '#pk': 'pk', '#sk': 'sk', '#ref': 'ref', '#t': 't' };
  const values: Record<string, unknown> = { ':pk': query.pk };
  let keyCondition = '#pk = :pk';
  let low = '';
  let high = '\uffff';
  if (query.prefix !== undefined) {
    keyCondition += ' AND begins_with(#sk, :prefix)';
    values[':prefix'] = query.prefix;
    low = query.prefix;
    high = `${query.prefix}\uffff`;
  } else if (query.activeOn) {
    low = DATE_KEY_MIN;
    high = `${query.activeOn.end}\uffff`;
    keyCondition += ' AND #sk BETWEEN :low AND :high';
    values[':low'] = low;
    values[':high'] = high;
  } else if (query.during) {
    // A fact of at most a year whose range overlaps [from, to] starts at most a year before
    // `from` (the widest precision) and no later than `to`; the exact check on its last day
    // `e` is the filter. Longer facts are read from their own partition (below).
    low = query.during.start ? yearBefore(query.during.start) : DATE_KEY_MIN;
    high = `${query.during.end ?? DATE_KEY_MAX}\uffff`;
    keyCondition += ' AND #sk BETWEEN :low AND :high';
    values[':low'] = low;
    values[':high'] = high;
  }
  const filters: string[] = [];
  const endsBy = query.activeOn?.start ?? (query.prefix === undefined ? query.during?.start : undefined);
  if (endsBy) {
    names['#e'] = 'e';
    values[':from'] = endsBy;
    filters.push('#e >= :from');
  }
  for (const [attribute, value] of Object.entries(query.where ?? {})) {
    if (value === undefined) continue;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    filters.push(`#${attribute} = :${attribute}`);
  }
  for (const attribute of query.without ?? []) {
    names[`#${attribute}`] = attribute;
    filters.push(`attribute_not_exists(#${attribute})`);
  }
  // Facts spanning more than a year can start before `low` and still reach `from`: they are
  // listed a second time in the list's long-facts partition, read once the key range is done.
  const long = query.during?.start !== undefined && query.newestFirst === true;
  type Range = { pk: string; keyCondition: string; values: Record<string, unknown>; start?: Record<string, unknown> };
  const ranges: Range[] = [{ pk: query.pk, keyCondition, values }];
  if (long) {
    const longPk = longFactsOf(query.pk);
    const { ':high': _, ...below } = values;
    ranges.push({ pk: longPk, keyCondition: '#pk = :pk AND #sk < :low', values: { ...below, ':pk': longPk } });
  }
  if (query.after !== undefined && query.after !== null) {
    // A cursor among the long facts names their partition: the key range is behind it.
    let sk: string;
    let amongLong = false;
    try {
      sk = decodeCursor(query.after, query.pk);
    } catch (error) {
      if (!long) throw error;
      sk = decodeCursor(query.after, longFactsOf(query.pk));
      amongLong = true;
    }
    if (amongLong ? sk >= low : sk < low || sk > high)
      throw new ValidationError('after: the cursor is outside the range of this list', { path: 'after' });
    if (amongLong) ranges.shift();
    const [next] = ranges as [Range];
    next.start = { pk: next.pk, sk };
  }
  const wanted = query.first + 1;
  const entries: ListEntry[] = [];
  // Where to go on from when the reads allowed for one page ran out before the list did.
  let resumeAt: string | null = null;
  let reads = 0;
  for (const range of ranges) {
    let exclusiveStartKey = range.start;
    while (entries.length < wanted) {
      if (reads >= MAX_PAGE_READS) {
        // A range not begun yet is the long facts': the key range has been read to its end, `low`.
        resumeAt = exclusiveStartKey ? encodeCursor(range.pk, exclusiveStartKey.sk as string) : encodeCursor(query.pk, low);
        break;
      }
      reads += 1;
      const out = await db.query({
        KeyConditionExpression: range.keyCondition,
        ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: range.values,
        ProjectionExpression: '#pk, #sk, #ref, #t',
        ScanIndexForward: !query.newestFirst,
        Limit: filters.length > 0 ? Math.max(wanted - entries.length, 50) : wanted - entries.length,
        ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
      });
      for (const item of (out.Items ?? []) as { pk: string; sk: string; ref: string; t: EntityKind }[]) {
        entries.push({ ref: item.ref, kind: item.t, sortKey: item.sk, cursor: encodeCursor(item.pk, item.sk) });
      }
      if (!out.LastEvaluatedKey) break;
      exclusiveStartKey = out.LastEvaluatedKey;
    }
    if (entries.length >= wanted || resumeAt !== null) break;
  }
  if (resumeAt !== null && entries.length <= query.first) {
    // Every entry read is on this page; the next page starts where the reading stopped.
    return { entries, hasNextPage: true, endCursor: resumeAt };
  }
  const page = entries.slice(0, query.first);
  return {
    entries: page,
    hasNextPage: entries.length > query.first,
    endCursor: page.length > 0 ? (page[page.length - 1] as ListEntry).cursor : null,
  };
}
