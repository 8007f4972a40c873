import type { EntityKind } from '../domain/ids.js';
import { dateRange, yearBefore } from '../domain/partial-date.js';
import type { EntityRecord, RecordOf } from '../domain/records.js';
import { foldName } from '../domain/text.js';
import {
  ATTRIBUTE_NAMES,
  type Attributes,
  DATE_KEY_MAX,
  DATE_KEY_MIN,
  entrySortKey,
  KINDS,
  type ListRef,
  longFactsOf,
  type SortValue,
} from './list-model.js';

export { isRegisterDeal, longFactsOf } from './list-model.js';

/**
 * An item that places an entity in one list, derived from the list model (`list-model.ts`).
 * `ref` is the entity's id; `t` its kind (to resolve unions without reading the entity); `e`
 * the last day a dated entry covers; the other attributes are those the list filters on,
 * under their stored names (`ATTRIBUTE_NAMES`).
 */
export interface IndexItem {
  pk: string;
  sk: string;
  ref: string;
  t: EntityKind;
  e?: string;
  [attribute: string]: unknown;
}

/** The stored form of filterable attributes: the codec's one direction. */
export function encodeAttributes(attributes: Partial<Attributes>): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) stored[ATTRIBUTE_NAMES[name as keyof Attributes]] = value;
  }
  return stored;
}

/** The sort key and last day of an entry with this sort value. */
function sortOf(value: SortValue, id: string): { sk: string; e?: string } {
  if ('name' in value) return { sk: entrySortKey(foldName(value.name), id) };
  const first = value.date ? dateRange(value.date).start : DATE_KEY_MIN;
  const last = value.endDate ? dateRange(value.endDate).end : value.date ? dateRange(value.date).end : DATE_KEY_MAX;
  return { sk: entrySortKey(first, id), e: last };
}

/** Whether a dated item's fact spans more than a year (undated facts span all time). */
function isLong(item: IndexItem): boolean {
  return item.e !== undefined && item.sk.slice(0, DATE_KEY_MIN.length) < yearBefore(item.e);
}

/** The lists `record` has one entry in, as its kind declares them. */
export function listsOf(record: EntityRecord): ListRef[] {
  const model = KINDS[record.type] as (typeof KINDS)[EntityKind] & { lists(r: EntityRecord): ListRef[] };
  return model.lists(record as RecordOf<typeof record.type> as never);
}

/** The attributes `record` carries onto its index items. */
export function attributesOf(record: EntityRecord): Partial<Attributes> {
  const model = KINDS[record.type] as { attributes?(r: EntityRecord): Partial<Attributes> };
  return model.attributes?.(record) ?? {};
}

/**
 * Every index item an entity needs, derived from the record alone, so the set to write (and
 * the set a previous version needs removed) can always be recomputed.
 */
export function indexItemsOf(record: EntityRecord): IndexItem[] {
  const model = KINDS[record.type] as {
    sort(r: EntityRecord): SortValue;
    extra?(r: EntityRecord): { list: ListRef; sortKey: string; end?: string; suffix?: string; attributes?: Partial<Attributes> }[];
  };
  const attributes = encodeAttributes(attributesOf(record));
  const sort = sortOf(model.sort(record), record.id);
  const items: IndexItem[] = [];
  for (const list of listsOf(record)) {
    if (list.order === 'id') {
      items.push({ pk: list.pk, sk: record.id, ref: record.id, t: record.type });
      continue;
    }
    const item: IndexItem = { pk: list.pk, sk: sort.sk, ref: record.id, t: record.type, ...(sort.e ? { e: sort.e } : {}), ...attributes };
    items.push(item);
    if (list.long && isLong(item)) items.push({ ...item, pk: longFactsOf(list.pk) });
  }
  for (const entry of model.extra?.(record) ?? []) {
    items.push({
      pk: entry.list.pk,
      sk: entrySortKey(entry.sortKey, record.id, entry.suffix),
      ref: record.id,
      t: record.type,
      ...(entry.end ? { e: entry.end } : {}),
      ...encodeAttributes(entry.attributes ?? {}),
    });
  }
  return items;
}

// ---------------------------------------------------------------- changes between versions

/** The items' keys as strings, to compare two versions' sets. */
export function keyString(item: { pk: string; sk: string }): string {
  return `${item.pk}\u0000${item.sk}`;
}

/** Index items to write and keys to delete to move from `before`'s lists to `after`'s. */
export function indexChanges(before: EntityRecord | null, after: EntityRecord | null) {
  const next = after ? dedupe(indexItemsOf(after)) : [];
  const keep = new Set(next.map(keyString));
  const stale = before ? dedupe(indexItemsOf(before)).filter((i) => !keep.has(keyString(i))) : [];
  return { put: next, remove: stale.map(({ pk, sk }) => ({ pk, sk })) };
}

function dedupe(items: IndexItem[]): IndexItem[] {
  const seen = new Map<string, IndexItem>();
  for (const item of items) seen.set(keyString(item), item);
  return [...seen.values()];
}
