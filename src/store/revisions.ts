import { ValidationError } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Db } from './db.js';
import { REVISION_PREFIX } from './keys.js';

/** A kept earlier state of an entity. */
export interface RevisionView {
  version: number;
  changedBy: string;
  changedAt: string;
  replacedBy: string;
  replacedAt: string;
  deleted: boolean;
  record: string;
}

/**
 * The revisions of an entity, newest first, as a Relay connection: one Query on the
 * entity's own partition.
 */
export async function listRevisions(db: Db, id: string, first: number, after: string | null) {
  const start = after ? { pk: id, sk: decodeCursor(after, id) } : undefined;
  if (start && !start.sk.startsWith(REVISION_PREFIX))
    throw new ValidationError('after: the cursor is not valid for this list', { path: 'after' });
  const out = await db.query({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rev)',
    ExpressionAttributeValues: { ':pk': id, ':rev': REVISION_PREFIX },
    ScanIndexForward: false,
    Limit: first + 1,
    ...(start ? { ExclusiveStartKey: start } : {}),
  });
  const items = (out.Items ?? []) as {
    pk: string;
    sk: string;
    v: number;
    by: string;
    at: string;
    replacedBy: string;
    replacedAt: string;
    del?: boolean;
    d: unknown;
  }[];
  const edges = items.slice(0, first).map((item) => ({
    cursor: encodeCursor(item.pk, item.sk),
    node: {
      version: item.v,
      changedBy: item.by,
      changedAt: item.at,
      replacedBy: item.replacedBy,
      replacedAt: item.replacedAt,
      deleted: item.del === true,
      record: JSON.stringify(item.d),
    } satisfies RevisionView,
  }));
  return { edges, pageInfo: { hasNextPage: items.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
