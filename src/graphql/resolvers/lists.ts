import { isCountryCode, isIdOf } from '../../domain/ids.js';
import { dateRange } from '../../domain/partial-date.js';
import { ValidationError } from '../../errors.js';
import { LIST } from '../../store/keys.js';
import { type ListQuery, queryList } from '../../store/lists.js';
import type { Context } from '../context.js';
import type { MilitaryDealModel, Model } from '../models.js';
import { type Connection, type PageArgs, pageSize, toConnection } from '../pagination.js';

/** Reads a page of a list and loads its entities. */
export async function listConnection<M = Model>(
  ctx: Context,
  query: Omit<ListQuery, 'first' | 'after'>,
  args: PageArgs,
): Promise<Connection<M>> {
  const page = await queryList(ctx.db, { ...query, first: pageSize(args.first), after: args.after ?? null });
  return toConnection<M>(page, ctx.loaders);
}

/** Deals an actor is party to, each transfer once unless the caller asks for the register records too. */
export function dealsOf(
  ctx: Context,
  actorId: string,
  args: PageArgs & { includeSourceRecords?: boolean | null },
): Promise<Connection<MilitaryDealModel>> {
  return listConnection<MilitaryDealModel>(
    ctx,
    { pk: LIST.dealsOf(actorId), newestFirst: true, ...withoutSourceRecords(args.includeSourceRecords) },
    args,
  );
}

/** The list option that leaves out register records another deal stands for, unless they are asked for. */
export function withoutSourceRecords(include: boolean | null | undefined): Pick<ListQuery, 'without'> {
  return include ? {} : { without: ['dup'] };
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
 * The roles list for `activeOn`: roles that began by the end of the date asked for,
 * newest first, keeping those that had not ended by its start.
 */
export function activeOnQuery(pk: string, activeOn: string): Omit<ListQuery, 'first' | 'after'> {
  return { pk, newestFirst: true, activeOn: dateRange(activeOn, 'activeOn') };
}

/** Checks an ISO country code argument. */
export function countryCode(code: string, field: string): string {
  if (!isCountryCode(code)) throw new ValidationError(`${field} must be an ISO 3166 alpha-2 code such as "IR"`, { path: field });
  return code;
}

/** Checks an id argument of the given kinds. */
export function idArg(id: string, field: string, kinds: Parameters<typeof isIdOf>[1]): string {
  if (!isIdOf(id, kinds)) throw new ValidationError(`${field} must be the id of a ${kinds.join(' or ')}`, { path: field });
  return id;
}
