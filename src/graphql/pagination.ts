import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { ValidationError } from '../errors.js';
import type { ListPage, PageRequest } from '../store/lists.js';
import type { Context } from './context.js';
import type { Model } from './models.js';
import { requiredReferencesResolve } from './required-references.js';

/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest `first` or `last` accepted; larger asks are refused rather than silently cut. */
export const MAX_PAGE_SIZE = 100;

/** Arguments of a connection field. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Checks `first`.
 * @throws ValidationError when it is negative or above MAX_PAGE_SIZE.
 */
export function pageSize(first: number | null | undefined, field: 'first' | 'last' = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw new ValidationError(`${field} must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { path: field });
  }
  return first;
}

/**
 * The page asked for: `first` (after a cursor), or `last` (before one) to page backwards.
 * @throws ValidationError when both `first` and `last` are given, or either is out of range.
 */
export function pageRequest(args: PageArgs): PageRequest {
  const hasFirst = args.first !== null && args.first !== undefined;
  const hasLast = args.last !== null && args.last !== undefined;
  if (hasFirst && hasLast) throw new ValidationError('give first or last, not both', { path: 'last' });
  const given = (c: string | null | undefined): c is string => c !== undefined && c !== null;
  const cursors = { ...(given(args.after) ? { after: args.after } : {}), ...(given(args.before) ? { before: args.before } : {}) };
  if (hasLast || (!hasFirst && given(args.before) && !given(args.after))) return { last: pageSize(args.last, 'last'), ...cursors };
  return { first: pageSize(args.first), ...cursors };
}

/** A Relay connection of the page's entities, loaded in one batch. */
export interface Connection<M = Model> {
  edges: { cursor: string; node: M }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean; startCursor: string | null };
  /** Counted only when the operation asks for it (0 otherwise, never seen). */
  totalCount: number;
}

/**
 * Turns a page of list entries into a connection, loading the entities through the
 * request's loader (one BatchGetItem for the whole page). Entries whose entity has gone
 * since the list was read are left out, and so are nodes whose required reference (a deal's
 * supplier, a statement's speaker) the operation asks for and is missing, reported in
 * `extensions.missingReferences`. The page's cursors stay those of the entries read, so paging
 * goes on past what was left out.
 */
export async function toConnection<M = Model>(
  page: ListPage,
  ctx: Pick<Context, 'loaders' | 'missing'>,
  totalCount: Promise<number> | null,
  info?: GraphQLResolveInfo,
): Promise<Connection<M>> {
  const [models, count] = await Promise.all([ctx.loaders.entity.loadMany(page.entries.map((e) => e.ref)), totalCount]);
  const found = page.entries.flatMap((entry, i) => {
    const model = models[i];
    return model && !(model instanceof Error) ? [{ cursor: entry.cursor, model }] : [];
  });
  const whole = await requiredReferencesResolve(
    found.map((f) => f.model),
    ctx,
    info,
    ['edges', 'node'],
    ['edges'],
  );
  // A list holds entities of the kinds its field promises; the caller names that kind.
  const edges = found.filter((_, i) => whole[i]).map((f) => ({ cursor: f.cursor, node: f.model as M }));
  const { hasNextPage, endCursor, hasPreviousPage, startCursor } = page;
  return { edges, pageInfo: { hasNextPage, endCursor, hasPreviousPage, startCursor }, totalCount: count ?? 0 };
}

/** Whether the operation selects `name` on the field being resolved (through fragments too). */
export function selects(info: GraphQLResolveInfo | undefined, name: string): boolean {
  if (!info) return false;
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') return selection.name.value === name;
      if (selection.kind === 'InlineFragment') return visit(selection.selectionSet);
      const fragment: FragmentDefinitionNode | undefined = info.fragments[selection.name.value];
      return visit(fragment?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
