import { ValidationError } from '../errors.js';
import type { ListPage } from '../store/lists.js';
import type { Loaders } from './loaders.js';
import type { Model } from './models.js';

/** Page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest `first` accepted; larger asks are refused rather than silently cut. */
export const MAX_PAGE_SIZE = 100;

/** Arguments of a connection field. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Checks `first`.
 * @throws ValidationError when it is negative or above MAX_PAGE_SIZE.
 */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw new ValidationError(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { path: 'first' });
  }
  return first;
}

/** A Relay connection of the page's entities, loaded in one batch. */
export interface Connection<M = Model> {
  edges: { cursor: string; node: M }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Turns a page of list entries into a connection, loading the entities through the
 * request's loader (one BatchGetItem for the whole page). Entries whose entity has gone
 * since the list was read are left out.
 */
export async function toConnection<M = Model>(page: ListPage, loaders: Loaders): Promise<Connection<M>> {
  const models = await loaders.entity.loadMany(page.entries.map((e) => e.ref));
  const edges: Connection<M>['edges'] = [];
  page.entries.forEach((entry, i) => {
    const model = models[i];
    // A list holds entities of the kinds its field promises; the caller names that kind.
    if (model && !(model instanceof Error)) edges.push({ cursor: entry.cursor, node: model as M });
  });
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
}
