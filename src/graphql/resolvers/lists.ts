import type { GraphQLResolveInfo } from 'graphql';
import { countryId, isCountryCode, isIdOf } from '../../domain/ids.js';
import { dateRange } from '../../domain/partial-date.js';
import { ValidationError } from '../../errors.js';
import { LISTS } from '../../store/list-model.js';
import { countPlan, countRange, type ListQuery, queryList } from '../../store/lists.js';
import type { Context } from '../context.js';
import type { MilitaryDealModel, Model } from '../models.js';
import { type Connection, type PageArgs, pageRequest, selects, toConnection } from '../pagination.js';

/** Orders a connection takes: dated lists by date, named lists by name. */
export type OrderBy = 'NEWEST_FIRST' | 'OLDEST_FIRST' | 'NAME_ASC' | 'NAME_DESC';

/** Whether a list is read in descending key order for `orderBy` (absent: newest first, or A to Z). */
export function descending(orderBy: OrderBy | null | undefined, dated: boolean): boolean {
  if (!orderBy) return dated;
  return orderBy === 'NEWEST_FIRST' || orderBy === 'NAME_DESC';
}

/**
 * Reads a page of a list and loads its entities; when the operation asks for `totalCount`,
 * counts it beside the read (see `countPlan`).
 */
export async function listConnection<M = Model>(
  ctx: Context,
  query: ListQuery,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Connection<M>> {
  const request = pageRequest(args);
  const plan = selects(info, 'totalCount') ? countPlan(query) : null;
  // A range is counted beside the page's read; a counter is asked for once the page is read,
  // so it goes out in the same BatchGetItem as the page's entities.
  const counting = plan && 'range' in plan ? countRange(ctx.db, plan.range) : null;
  const page = await queryList(ctx.db, query, request);
  const count = plan && 'counter' in plan ? ctx.loaders.counter(plan.counter, plan.field) : counting;
  return toConnection<M>(page, ctx, count, info);
}

/** Deals an actor is party to, each transfer once unless the caller asks for the register records too. */
export function dealsOf(
  ctx: Context,
  actorId: string,
  args: PageArgs & { includeSourceRecords?: boolean | null; orderBy?: OrderBy | null },
  info?: GraphQLResolveInfo,
): Promise<Connection<MilitaryDealModel>> {
  const where = args.includeSourceRecords ? {} : { withoutSourceRecords: true };
  return listConnection<MilitaryDealModel>(
    ctx,
    { lists: [LISTS.dealsOf(actorId)], where, descending: descending(args.orderBy, true) },
    args,
    info,
  );
}

/** The date range [from.start, to.end] of a filter, checked. */
export function during(from?: string | null, to?: string | null): ListQuery['during'] {
  if (!from && !to) return undefined;
  const start = from ? dateRange(from, 'from').start : undefined;
  const end = to ? dateRange(to, 'to').end : undefined;
  if (start && end && start > end) throw new ValidationError('from must not be after to', { path: 'to' });
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

/**
 * Checks a country argument and gives its ISO code: `IR`, `ir` and `country:IR` are the same
 * country everywhere.
 * @throws ValidationError naming `field` for anything else.
 */
export function countryCode(value: string, field: string): string {
  const code = countryCodeOf(value);
  if (code === null) {
    throw new ValidationError(`${field} must be an ISO 3166 alpha-2 code such as "IR" (or "country:IR")`, { path: field });
  }
  return code;
}

/** The ISO code a country argument names (`IR`, `ir`, `country:IR`), or null when it has no code's shape. */
export function countryCodeOf(value: string): string | null {
  const code = (value.startsWith('country:') ? value.slice('country:'.length) : value).toUpperCase();
  return isCountryCode(code) ? code : null;
}

/**
 * Checks an id argument of the given kinds. Where a country is allowed, its code is too, in
 * any case (`IR`, `ir`, `country:ir`).
 * @throws ValidationError naming `field` when it is not one.
 */
export function idArg(id: string, field: string, kinds: Parameters<typeof isIdOf>[1]): string {
  const code = kinds.includes('country') ? countryCodeOf(id) : null;
  if (code !== null) return countryId(code);
  if (!isIdOf(id, kinds)) {
    const country = kinds.includes('country') ? ' (a country as its ISO code, such as "IR")' : '';
    throw new ValidationError(`${field} must be the id of a ${kinds.join(' or ')}${country}`, { path: field });
  }
  return id;
}
