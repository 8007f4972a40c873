import { ACTOR_KINDS } from '../../domain/ids.js';
import { ValidationError } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../store/cursor.js';
import { readStats, type StatsQuery, TIV_SCALE, type Totals, UNKNOWN_YEAR } from '../../store/stats.js';
import type { Context } from '../context.js';
import type { CountryModel, LeaderModel, OrganizationModel, SourceModel } from '../models.js';
import { pageSize } from '../pagination.js';
import type { ArmsTransferFilter, ArmsTransferGrouping, ArmsTransferTotal } from '../resolvers-types.generated.js';
import { idArg } from './lists.js';

const ORDER_BY: Record<ArmsTransferTotal, keyof Totals> = {
  DEALS: 'deals',
  TIV_ORDERED: 'tivOrdered',
  TIV_DELIVERED: 'tivDelivered',
  NUMBER_ORDERED: 'numberOrdered',
  NUMBER_DELIVERED: 'numberDelivered',
};

/** Totals as the schema gives them: TIV back in millions. */
function shown(totals: Totals) {
  return { ...totals, tivOrdered: totals.tivOrdered / TIV_SCALE, tivDelivered: totals.tivDelivered / TIV_SCALE };
}

function year(value: number | null | undefined, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > 9999)
    throw new ValidationError(`${field} must be a year such as 2015`, { path: field });
  return value;
}

/**
 * `armsTransferStats`: one Query on the counters of the filter (see store/stats.ts; kept for a
 * while by the instance where the stage says so, `ctx.statsCache`), the groups
 * sorted by the total asked for and paged by position, their parties and the sources cited
 * loaded in one BatchGetItem.
 */
export async function armsTransferStats(
  ctx: Context,
  args: {
    filter?: ArmsTransferFilter | null;
    groupBy: ArmsTransferGrouping;
    orderBy?: ArmsTransferTotal | null;
    first?: number | null;
    after?: string | null;
  },
) {
  const f = args.filter ?? {};
  const query: StatsQuery = { groupBy: args.groupBy };
  // Parties in the same forms as militaryDeals takes them: `IR`, `ir`, `country:IR` or an actor id.
  if (f.supplier) query.supplier = idArg(f.supplier, 'filter.supplier', ACTOR_KINDS);
  if (f.recipient) query.recipient = idArg(f.recipient, 'filter.recipient', ACTOR_KINDS);
  const fromYear = year(f.orderedFrom, 'filter.orderedFrom');
  const toYear = year(f.orderedTo, 'filter.orderedTo');
  if (fromYear !== undefined && toYear !== undefined && fromYear > toYear) {
    throw new ValidationError('filter.orderedFrom must not be after filter.orderedTo', { path: 'filter.orderedTo' });
  }
  // Deliveries are kept by their own year, not by the year their deal was ordered.
  if (args.groupBy === 'DELIVERY_YEAR' && (fromYear !== undefined || toYear !== undefined)) {
    throw new ValidationError('filter.orderedFrom and filter.orderedTo (years of order) cannot be combined with groupBy: DELIVERY_YEAR', {
      path: fromYear !== undefined ? 'filter.orderedFrom' : 'filter.orderedTo',
    });
  }
  if (fromYear !== undefined) query.fromYear = fromYear;
  if (toYear !== undefined) query.toYear = toYear;
  const orderBy = ORDER_BY[args.orderBy ?? 'TIV_DELIVERED'];
  const first = pageSize(args.first);
  // The cursor is a position in this very answer: it names the arguments it belongs to.
  const list = `ARMSTATS#${JSON.stringify([query, orderBy])}`;
  const offset = args.after ? position(decodeCursor(args.after, list)) : 0;

  const answer = await ctx.statsCache.get(`${ctx.db.tableName}\u0000${JSON.stringify(query)}`, () => readStats(ctx.db, query));
  // A stable sort: groups with equal totals keep readStats' order, by key.
  const groups = [...answer.groups].sort((a, b) => b.totals[orderBy] - a.totals[orderBy]);
  const page = groups.slice(offset, offset + first);
  const isYear = args.groupBy === 'ORDER_YEAR' || args.groupBy === 'DELIVERY_YEAR';
  const yearOf = (group: { key: string }) => (group.key === UNKNOWN_YEAR ? null : Number(group.key));
  const [parties, sources] = await Promise.all([
    ctx.loaders.entity.loadMany(isYear ? [] : page.map((g) => g.key)),
    ctx.loaders.entity.loadMany(Object.keys(answer.sources)),
  ]);
  const edges = page.map((group, i) => {
    const party = parties[i];
    return {
      cursor: encodeCursor(list, String(offset + i + 1)),
      node: {
        party: isYear || !party || party instanceof Error ? null : (party as LeaderModel | CountryModel | OrganizationModel),
        orderYear: args.groupBy === 'ORDER_YEAR' ? yearOf(group) : null,
        deliveryYear: args.groupBy === 'DELIVERY_YEAR' ? yearOf(group) : null,
        totals: shown(group.totals),
      },
    };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: offset + first < groups.length,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
    },
    groupCount: groups.length,
    totals: shown(answer.totals),
    sources: Object.entries(answer.sources).flatMap(([, deals], i) => {
      const source = sources[i];
      return source && !(source instanceof Error) ? [{ source: source as SourceModel, deals }] : [];
    }),
  };
}

function position(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new ValidationError('after: the cursor is not valid for these totals', { path: 'after' });
  return n;
}
