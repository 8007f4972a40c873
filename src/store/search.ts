import type { EntityKind } from '../domain/ids.js';
import { ValidationError } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Db } from './db.js';
import { ATTRIBUTE_NAMES, LISTS } from './list-model.js';
import { SEARCH_POSITION, type SearchField, searchPrefix } from './search-items.js';

/**
 * Reading the search index (the `find` lists of the list model, keys from search-items.ts). A search reads a window of entries in key
 * order with one Query (`begins_with` on the folded text) and ranks it:
 *
 * 1. what matched: a name or alias equal to the text, then one starting with it, then one with a
 *    later word starting with it; then the same three for the other fields;
 * 2. recent before old: the fact's first day, newest first, undated records last;
 * 3. the shorter match, then the id.
 *
 * A record is listed once, at its best entry. Pages go through a window by position; when a
 * window is used up the next one starts after it in key order. A window is SEARCH_WINDOW
 * entries, so ranking is exact for any text matching fewer entries (every name, and words up
 * to that many records); beyond, each window is ranked in itself, windows in key order (the
 * text's own word first, then longer words), and a record matched under two keys in two
 * windows can be listed in both.
 */

/** Entries read (and ranked together) per window. */
export const SEARCH_WINDOW = 100;

/** One ranked result. */
export interface SearchHit {
  ref: string;
  kind: EntityKind;
  field: SearchField;
  /** The folded key that matched. */
  matched: string;
  cursor: string;
}

/** One page of results. */
export interface SearchPage {
  hits: SearchHit[];
  hasNextPage: boolean;
  endCursor: string | null;
}

interface Entry {
  sk: string;
  ref: string;
  kind: EntityKind;
  field: SearchField;
  position: number;
}

/** An entry as read, its attributes decoded from their stored names. */
function entryOf(item: Record<string, unknown>): Entry {
  return {
    sk: item.sk as string,
    ref: item.ref as string,
    kind: item[ATTRIBUTE_NAMES.entityKind] as EntityKind,
    field: item[ATTRIBUTE_NAMES.searchField] as SearchField,
    position: item[ATTRIBUTE_NAMES.searchPosition] as number,
  };
}

const NAME_FIELDS = new Set<string>(['NAME', 'ALIAS']);

/** The rank of an entry for the text: lower is better (see the module note). */
function tierOf(entry: Entry, key: string, text: string): number {
  const place = entry.position === SEARCH_POSITION.whole && key === text ? 0 : entry.position === SEARCH_POSITION.word ? 2 : 1;
  return NAME_FIELDS.has(entry.field) ? place : 3 + place;
}

/**
 * One page of the records whose search entries start with `folded` (already folded with
 * `searchFold`, at least MIN_SEARCH_LENGTH characters).
 * @throws ValidationError for a cursor of another search.
 */
export async function searchIndex(
  db: Db,
  query: { folded: string; kinds?: readonly EntityKind[]; first: number; after?: string | null },
): Promise<SearchPage> {
  const pk = LISTS.find(searchPrefix(query.folded)).pk;
  // Cursors name the search (text and kinds), not only the partition: another search's cursor is refused.
  const cursorList = `SEARCH#${query.folded}#${[...(query.kinds ?? [])].sort().join(',')}`;
  let windowStart = '';
  let offset = 0;
  if (query.after) {
    const position = readPosition(decodeCursor(query.after, cursorList));
    windowStart = position.w;
    offset = position.o;
  }
  const names: Record<string, string> = { '#pk': 'pk', '#sk': 'sk' };
  const values: Record<string, unknown> = { ':pk': pk, ':text': query.folded };
  let filter = {};
  if (query.kinds && query.kinds.length > 0) {
    names['#t'] = ATTRIBUTE_NAMES.entityKind;
    query.kinds.forEach((kind, i) => {
      values[`:k${i}`] = kind;
    });
    filter = { FilterExpression: `#t IN (${query.kinds.map((_, i) => `:k${i}`).join(', ')})` };
  }
  const out = await db.query({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :text)',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ...filter,
    Limit: SEARCH_WINDOW,
    ...(windowStart ? { ExclusiveStartKey: { pk, sk: windowStart } } : {}),
  });
  const best = new Map<string, { entry: Entry; key: string; rank: [number, string, number] }>();
  for (const entry of (out.Items ?? []).map(entryOf)) {
    const [key = '', inverted = '~'] = entry.sk.split('#');
    const rank: [number, string, number] = [tierOf(entry, key, query.folded), inverted, key.length];
    const held = best.get(entry.ref);
    if (!held || compareRanks(rank, held.rank) < 0) best.set(entry.ref, { entry, key, rank });
  }
  const ranked = [...best.values()].sort((a, b) => compareRanks(a.rank, b.rank) || (a.entry.ref < b.entry.ref ? -1 : 1));
  const windowEnd = out.LastEvaluatedKey ? (out.LastEvaluatedKey.sk as string) : null;
  const page = ranked.slice(offset, offset + query.first);
  const hits = page.map(({ entry, key }, i) => ({
    ref: entry.ref,
    kind: entry.kind,
    field: entry.field,
    matched: key,
    cursor: encodeCursor(cursorList, JSON.stringify({ w: windowStart, o: offset + i + 1 })),
  }));
  const moreHere = offset + query.first < ranked.length;
  const nextWindow = !moreHere && windowEnd !== null;
  const endCursor = nextWindow ? encodeCursor(cursorList, JSON.stringify({ w: windowEnd, o: 0 })) : (hits.at(-1)?.cursor ?? null);
  return { hits, hasNextPage: moreHere || nextWindow, endCursor };
}

/** The window and offset a cursor holds, checked (a cursor is opaque but can be tampered with). */
function readPosition(text: string): { w: string; o: number } {
  let position: unknown;
  try {
    position = JSON.parse(text);
  } catch {
    position = null;
  }
  const { w, o } = (position ?? {}) as { w?: unknown; o?: unknown };
  if (typeof w !== 'string' || typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > SEARCH_WINDOW) {
    throw new ValidationError('after: the cursor is not valid for this search', { path: 'after' });
  }
  return { w, o };
}

function compareRanks(a: [number, string, number], b: [number, string, number]): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2];
}
