import { ValidationError } from '../errors.js';

/**
 * Cursors are opaque to callers: base64url of the list's partition and the sort key of the
 * last item returned. Decoding checks both against the list being read, so a cursor made up,
 * damaged, or taken from another list is refused instead of silently restarting the list.
 */
export function encodeCursor(pk: string, sk: string): string {
  return Buffer.from(JSON.stringify([pk, sk])).toString('base64url');
}

/**
 * The sort key to continue after, for the list at `pk`.
 * @throws ValidationError when the cursor does not belong to this list.
 */
export function decodeCursor(cursor: string, pk: string): string {
  const invalid = () =>
    new ValidationError('after: the cursor is not valid for this list; use an endCursor returned by the same field and arguments', {
      path: 'after',
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
