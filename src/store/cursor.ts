import { ValidationError } from '../errors.js';

/**
 * Cursors are opaque to callers: base64url of the list's name (its partition, or the
 * partitions read as one) and the sort key of the entry. Decoding checks both against the list being read, so a cursor made up,
 * damaged, or taken from another list is refused instead of silently restarting the list.
 */
export function encodeCursor(pk: string, sk: string): string {
  return Buffer.from(JSON.stringify([pk, sk])).toString('base64url');
}

/**
 * The sort key a cursor stands at, for the list named `pk`.
 * @throws ValidationError naming `field` when the cursor does not belong to this list.
 */
export function decodeCursor(cursor: string, pk: string, field: 'after' | 'before' = 'after'): string {
  const which = field === 'after' ? 'an endCursor' : 'a startCursor';
  const invalid = () =>
    new ValidationError(`${field}: the cursor is not valid for this list; use ${which} returned by the same field and arguments`, {
      path: field,
    });
  if (cursor.length === 0 || cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || decoded[0] !== pk || typeof decoded[1] !== 'string' || decoded[1].length === 0) {
    throw invalid();
  }
  return decoded[1];
}
