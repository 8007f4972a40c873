import type { Db } from './db.js';
import { REVISION_PREFIX } from './keys.js';
import type { ListRef } from './list-model.js';
import { type ListPage, type PageRequest, queryList } from './lists.js';

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

/** The revisions of an entity: items of its own partition, `REV#<version>`, in version order. */
const revisionsOf = (id: string): ListRef => ({ pk: id, order: 'name', counted: false, long: false });

/**
 * The revisions of an entity, newest first unless `oldestFirst`, as a page of a list like
 * any other (same cursors, both directions): one Query on the entity's own partition.
 */
export async function listRevisions(
  db: Db,
  id: string,
  page: PageRequest,
  oldestFirst = false,
): Promise<{ edges: { cursor: string; node: RevisionView }[]; pageInfo: Omit<ListPage, 'entries'> }> {
  const { entries, ...pageInfo } = await queryList(
    db,
    { lists: [revisionsOf(id)], prefix: REVISION_PREFIX, descending: !oldestFirst, project: 'item' },
    page,
  );
  const edges = entries.map((entry) => {
    const item = entry.item as { v: number; by: string; at: string; replacedBy: string; replacedAt: string; del?: boolean; d: unknown };
    return {
      cursor: entry.cursor,
      node: {
        version: item.v,
        changedBy: item.by,
        changedAt: item.at,
        replacedBy: item.replacedBy,
        replacedAt: item.replacedAt,
        deleted: item.del === true,
        record: JSON.stringify(item.d),
      } satisfies RevisionView,
    };
  });
  return { edges, pageInfo };
}
