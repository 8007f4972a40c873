import { ValidationError } from '../errors.js';
import { TABLE_KEYS } from './table.js';

/** DynamoDB's limits on one item, in bytes (UTF-8 for strings). */
export const ITEM_LIMITS = {
  partitionKeyBytes: 2_048,
  sortKeyBytes: 1_024,
  itemBytes: 400 * 1_024,
  /** Of any one expression string (update, condition, key condition, filter, projection). */
  expressionBytes: 4_096,
} as const;

const EXPRESSIONS = [
  'UpdateExpression',
  'ConditionExpression',
  'KeyConditionExpression',
  'FilterExpression',
  'ProjectionExpression',
] as const;

/** Bytes of a string as DynamoDB counts them (UTF-8). */
export const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** A number's stored size: about one byte per two significant digits, plus one. */
function numberSize(value: number | bigint): number {
  const digits = String(value).replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

/** The size DynamoDB counts for a value, as its documentation describes it. */
function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number' || typeof value === 'bigint') return numberSize(value);
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (typeof value === 'object') {
    const { value: numeric } = value as { value?: unknown };
    // lib-dynamodb's NumberValue: a number kept as its text.
    if (typeof numeric === 'string' && Object.keys(value).length === 1) return numberSize(Number(numeric));
    return 3 + Object.entries(value).reduce((sum, [k, v]) => sum + 1 + utf8(k) + valueSize(v), 0);
  }
  return 0;
}

/** The size of an item as DynamoDB counts it against its 400 KB limit: names and values. */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}

/** The part of `key` over DynamoDB's key limits and its size in bytes, or null when it fits. */
export function oversizedKeyPart(key: Record<string, unknown>): { part: 'partition' | 'sort'; bytes: number } | null {
  const pk = key[TABLE_KEYS.partitionKey.name];
  const sk = key[TABLE_KEYS.sortKey.name];
  if (typeof pk === 'string' && utf8(pk) > ITEM_LIMITS.partitionKeyBytes) return { part: 'partition', bytes: utf8(pk) };
  if (typeof sk === 'string' && utf8(sk) > ITEM_LIMITS.sortKeyBytes) return { part: 'sort', bytes: utf8(sk) };
  return null;
}

/**
 * Checks a key against DynamoDB's key limits, so an oversized one is refused in the
 * project's words before it is sent, rather than in the engine's after.
 * @throws ValidationError naming the key part, its size and the limit.
 */
export function checkKey(key: Record<string, unknown>): void {
  const over = oversizedKeyPart(key);
  if (over?.part === 'partition') {
    throw new ValidationError(
      `an id or list key of ${over.bytes} bytes is longer than the ${ITEM_LIMITS.partitionKeyBytes} bytes the database allows; shorten the id or name it is made from`,
    );
  }
  if (over?.part === 'sort') {
    throw new ValidationError(
      `a sort key of ${over.bytes} bytes (made from a name, date or id) is longer than the ${ITEM_LIMITS.sortKeyBytes} bytes the database allows; shorten the name or id it is made from`,
    );
  }
}

/**
 * Checks an item's key and size against DynamoDB's limits.
 * @throws ValidationError naming what is too large and the limit.
 */
export function checkItem(item: Record<string, unknown>): void {
  checkKey(item);
  const size = itemSize(item);
  if (size > ITEM_LIMITS.itemBytes) {
    throw new ValidationError(
      `a record of about ${Math.ceil(size / 1_024)} KB is larger than the ${ITEM_LIMITS.itemBytes / 1_024} KB the database allows for one item; split it or shorten its text`,
    );
  }
}

/**
 * Checks a request's expressions against DynamoDB's 4 KB limit, which the embedded engine
 * does not enforce: a request built too long fails here, in tests, as it would on DynamoDB.
 * @throws Error naming the expression: a defect of the code that built it, not of the input.
 */
export function checkExpressions(input: Partial<Record<(typeof EXPRESSIONS)[number], unknown>>): void {
  for (const name of EXPRESSIONS) {
    const expression = input[name];
    if (typeof expression === 'string' && utf8(expression) > ITEM_LIMITS.expressionBytes) {
      throw new Error(`${name} of ${utf8(expression)} bytes is longer than the ${ITEM_LIMITS.expressionBytes} bytes DynamoDB allows`);
    }
  }
}
