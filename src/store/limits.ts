import type { EntityRecord } from '../domain/records.js';
import { counterKeysOf } from './counters.js';
import { indexItemsOf, keyString } from './index-items.js';
import { ITEM_LIMITS, oversizedKeyPart, utf8 } from './item-limits.js';
import { entityKey } from './keys.js';

/**
 * DynamoDB's limits, checked while a write is planned, before its first command: a record
 * that would break one is refused as bad input and nothing of it is written (no pending mark,
 * no index item). The table gateway checks each command too, but by then the entity may be
 * committed and only some of its index items refused.
 */
export const DYNAMODB_LIMITS = {
  /** Key and item sizes, as the table gateway checks them per command. */
  ...ITEM_LIMITS,
  /** Numbers: at most 38 significant digits, magnitude 1E-130 to 9.99…E+125 (or zero). */
  numberMin: 1e-130,
  numberMaxExclusive: 1e126,
} as const;

/**
 * Most bytes a record may take. An entity's item holds the record and, until its write is
 * finished, the record it replaced (the pending mark): two records and their metadata must
 * fit in one 400 KB item.
 */
export const MAX_RECORD_BYTES = 190 * 1024;

/**
 * Most items one record's lists make it write: its index items (lists, search names,
 * references) and the counters of its counted lists, each a write on a change. A meeting
 * among n countries sits on n(n-1)/2 bilateral timelines, twice when it spans more than a
 * year, each counted once: fan-out grows fast. A one-day summit of 20 states and 20 leaders
 * needs 272 index items and 231 counters (503); of 30 states, 497 and 466 (963).
 */
export const MAX_INDEX_ITEMS = 1000;

/** The first number in `value` that DynamoDB cannot store, with its path. */
function badNumber(value: unknown, path: string): { path: string; value: number } | null {
  if (typeof value === 'number') {
    const magnitude = Math.abs(value);
    const storable =
      Number.isFinite(value) &&
      (magnitude === 0 || (magnitude >= DYNAMODB_LIMITS.numberMin && magnitude < DYNAMODB_LIMITS.numberMaxExclusive));
    return storable ? null : { path, value };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = badNumber(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const bad = badNumber(inner, path ? `${path}.${key}` : key);
      if (bad) return bad;
    }
  }
  return null;
}

/**
 * Why the table cannot hold `record` as it is, or null when it can: a number outside
 * DynamoDB's range, a record too large for its item, an index or counter key over the
 * key-size limits, or more index items and counters than `MAX_INDEX_ITEMS`. Pure: it sends nothing.
 */
export function unstorableReason(record: EntityRecord): string | null {
  const number = badNumber(record, '');
  if (number) {
    return `${number.path}: ${number.value} is outside the range the database stores (zero, or a magnitude from 1e-130 to below 1e126)`;
  }
  const bytes = utf8(JSON.stringify(record));
  if (bytes > MAX_RECORD_BYTES) return `the record takes ${bytes} bytes; at most ${MAX_RECORD_BYTES} are stored per record`;
  if (oversizedKeyPart(entityKey(record.id))) return `id: longer than ${DYNAMODB_LIMITS.partitionKeyBytes} bytes`;
  const items = indexItemsOf(record);
  const counters = counterKeysOf(record);
  const places = new Set(items.map(keyString)).size;
  if (places + counters.length > MAX_INDEX_ITEMS) {
    return `the record would be listed in ${places} places (lists, bilateral timelines, search names, references) with ${counters.length} list counters; at most ${MAX_INDEX_ITEMS} per record: name fewer countries, participants or aliases, or split it`;
  }
  for (const item of [...items, ...counters]) {
    const over = oversizedKeyPart(item);
    if (over?.part === 'partition') {
      return `an id it names makes a list key of ${over.bytes} bytes, over the database's limit of ${DYNAMODB_LIMITS.partitionKeyBytes} bytes for a partition key: shorten it`;
    }
    if (over?.part === 'sort') {
      return `a name or alias, folded for sorting and search, makes a key of ${over.bytes} bytes, over the database's limit of ${DYNAMODB_LIMITS.sortKeyBytes} bytes for a sort key: shorten it`;
    }
  }
  return null;
}
