import { ACTOR_KINDS, actorIdFromFilter, countryId, type EntityKind, kindOf } from '../../domain/ids.js';
import type { RecordOf } from '../../domain/records.js';
import { foldName } from '../../domain/text.js';
import { ValidationError } from '../../errors.js';
import { type IndexItem, indexItemsOf } from '../../store/index-items.js';
import { DATE_KEY_MAX, DATE_KEY_MIN, LIST } from '../../store/keys.js';
import { type ListQuery, queryList } from '../../store/lists.js';
import { isSyncRunId } from '../../store/sync-runs.js';
import type { Context } from '../context.js';
import type { CountryModel, LeaderModel, Model, OrganizationModel } from '../models.js';
import { type Connection, MAX_PAGE_SIZE, type PageArgs, pageSize, toConnection } from '../pagination.js';
import type { QueryResolvers } from '../resolvers-types.generated.js';
import { activeOnQuery, countryCode, during, idArg, listConnection, withoutSourceRecords } from './lists.js';

type Args<T> = T & PageArgs;
type Filter<F> = Args<{ filter?: F | null }>;

/** Loads an entity by id when it is of the kind asked for; null otherwise. */
async function byId<K extends EntityKind>(ctx: Context, id: string, kind: K): Promise<Model<RecordOf<K>> | null> {
  if (kindOf(id) !== kind) return null;
  const model = await ctx.loaders.entity.load(id);
  return model?.type === kind ? (model as Model<RecordOf<K>>) : null;
}

type LeaderListQuery = Omit<ListQuery, 'first' | 'after'>;

/** Whether the query keeps an index item: the checks `queryList` makes, on an item of one's own. */
function keeps(item: IndexItem, query: LeaderListQuery): boolean {
  if (item.pk !== query.pk) return false;
  if (query.prefix !== undefined && !item.sk.startsWith(query.prefix)) return false;
  const { activeOn } = query;
  if (activeOn && (item.sk.slice(0, DATE_KEY_MIN.length) > activeOn.end || (item.e ?? DATE_KEY_MAX) < activeOn.start)) return false;
  const where = Object.entries(query.where ?? {});
  return where.every(([attribute, value]) => value === undefined || item[attribute as keyof IndexItem] === value);
}

/**
 * A page of a list where a leader has several entries (one per role, one per name or alias):
 * each leader is kept at the first of its own entries the query keeps, and only there, so it
 * appears once however the list is paged. A page may hold fewer than `first` leaders.
 */
async function distinctLeaders(ctx: Context, query: LeaderListQuery, page: PageArgs): Promise<Connection<LeaderModel>> {
  const list = await queryList(ctx.db, { ...query, first: pageSize(page.first), after: page.after ?? null });
  const models = await ctx.loaders.entity.loadMany(list.entries.map((e) => e.ref));
  const entries = list.entries.filter((entry, i) => {
    const model = models[i];
    if (!model || model instanceof Error) return false;
    const keys = indexItemsOf(model)
      .filter((item) => keeps(item, query))
      .map((item) => item.sk)
      .sort();
    return entry.sortKey === (query.newestFirst ? keys.at(-1) : keys[0]);
  });
  // The page ends at its last leader, or at its last entry when all were left out, so the next page moves on.
  return toConnection<LeaderModel>({ ...list, entries, endCursor: entries.at(-1)?.cursor ?? list.endCursor }, ctx.loaders);
}

/** Leaders, by whichever list serves the filter. */
export function leadersList(
  ctx: Context,
  filter: { country?: string | null; nameStartsWith?: string | null; activeOn?: string | null; organization?: string | null },
  page: PageArgs,
): Promise<Connection<LeaderModel>> {
  if (filter.organization !== undefined && filter.organization !== null) {
    if (filter.country || filter.nameStartsWith || filter.activeOn)
      throw new ValidationError('organization combines with no other filter', { path: 'filter.organization' });
    const organization = idArg(filter.organization, 'filter.organization', ['organization']);
    return listConnection<LeaderModel>(ctx, { pk: LIST.leadersOfOrganization(organization) }, page);
  }
  const country = filter.country ? countryCode(filter.country, 'filter.country') : null;
  if (filter.nameStartsWith !== undefined && filter.nameStartsWith !== null) {
    if (filter.activeOn) throw new ValidationError('nameStartsWith combines with country, not with activeOn', { path: 'filter.activeOn' });
    const prefix = foldName(filter.nameStartsWith);
    if (prefix.length === 0)
      throw new ValidationError('nameStartsWith needs at least one letter or digit', { path: 'filter.nameStartsWith' });
    const where = { t: 'leader', ...(country ? { c: country } : {}) };
    return distinctLeaders(ctx, { pk: LIST.names([...prefix][0] as string), prefix, where }, page);
  }
  if (filter.activeOn) return distinctLeaders(ctx, activeOnQuery(LIST.roles(country ?? '*'), filter.activeOn), page);
  return listConnection<LeaderModel>(ctx, { pk: country ? LIST.leadersOf(country) : LIST.all('leader') }, page);
}

interface MeetingFilter {
  participant?: string | null;
  country?: string | null;
  from?: string | null;
  to?: string | null;
  status?: string | null;
}
interface DealFilter {
  includeSourceRecords?: boolean | null;
  supplier?: string | null;
  recipient?: string | null;
  status?: string | null;
  from?: string | null;
  to?: string | null;
}
interface EventFilter {
  actor?: string | null;
  kind?: string | null;
  from?: string | null;
  to?: string | null;
}
interface StatementFilter {
  speaker?: string | null;
  from?: string | null;
  to?: string | null;
}

/** How many search hits are read per answer asked for: names and aliases of one entity repeat. */
const SEARCH_READ_FACTOR = 4;

export const Query: QueryResolvers = {
  node: (_: unknown, { id }: { id: string }, ctx: Context) => (kindOf(id) || isSyncRunId(id) ? ctx.loaders.entity.load(id) : null),
  leader: (_: unknown, { id }: { id: string }, ctx: Context) => byId(ctx, id, 'leader'),
  country: (_: unknown, { code }: { code: string }, ctx: Context) => byId(ctx, countryId(code), 'country'),
  organization: (_: unknown, { id }: { id: string }, ctx: Context) => byId(ctx, id, 'organization'),
  meeting: (_: unknown, { id }: { id: string }, ctx: Context) => byId(ctx, id, 'meeting'),
  militaryDeal: (_: unknown, { id }: { id: string }, ctx: Context) => byId(ctx, id, 'deal'),
  event: (_: unknown, { id }: { id: string }, ctx: Context) => byId(ctx, id, 'event'),

  leaders: (_: unknown, { filter, ...page }: Filter<Parameters<typeof leadersList>[1]>, ctx: Context) =>
    leadersList(ctx, filter ?? {}, page),

  meetings: (_: unknown, { filter, ...page }: Filter<MeetingFilter>, ctx: Context) => {
    const f = filter ?? {};
    if (f.participant && f.country) throw new ValidationError('give participant or country, not both', { path: 'filter' });
    const pk = f.participant
      ? LIST.meetingsOf(idArg(f.participant, 'filter.participant', ['leader']))
      : f.country
        ? LIST.meetingsOf(countryId(countryCode(f.country, 'filter.country')))
        : LIST.all('meeting');
    return listConnection(
      ctx,
      { pk, newestFirst: true, during: during(f.from, f.to), ...(f.status ? { where: { st: f.status } } : {}) },
      page,
    );
  },

  militaryDeals: (_: unknown, { filter, ...page }: Filter<DealFilter>, ctx: Context) => {
    const f = filter ?? {};
    const supplier = f.supplier ? actorIdFromFilter(f.supplier, 'filter.supplier') : null;
    const recipient = f.recipient ? actorIdFromFilter(f.recipient, 'filter.recipient') : null;
    const pk =
      supplier && recipient
        ? LIST.dealsBetween(supplier, recipient)
        : supplier
          ? LIST.dealsSuppliedBy(supplier)
          : recipient
            ? LIST.dealsReceivedBy(recipient)
            : LIST.all('deal');
    return listConnection(
      ctx,
      {
        pk,
        newestFirst: true,
        during: during(f.from, f.to),
        ...(f.status ? { where: { st: f.status } } : {}),
        ...withoutSourceRecords(f.includeSourceRecords),
      },
      page,
    );
  },

  events: (_: unknown, { filter, ...page }: Filter<EventFilter>, ctx: Context) => {
    const f = filter ?? {};
    if (f.kind !== undefined && f.kind !== null && !/^[A-Z][A-Z_]{1,40}$/.test(f.kind)) {
      throw new ValidationError('filter.kind must be an upper-case kind such as MISSILE_ATTACK', { path: 'filter.kind' });
    }
    const pk = f.actor
      ? LIST.eventsOf(idArg(f.actor, 'filter.actor', ACTOR_KINDS))
      : f.kind
        ? LIST.eventsOfKind(f.kind)
        : LIST.all('event');
    const where = f.actor && f.kind ? { where: { k: f.kind } } : {};
    return listConnection(ctx, { pk, newestFirst: true, during: during(f.from, f.to), ...where }, page);
  },

  statements: (_: unknown, { filter, ...page }: Filter<StatementFilter>, ctx: Context) => {
    const f = filter ?? {};
    const pk = f.speaker ? LIST.statementsOf(idArg(f.speaker, 'filter.speaker', ['leader'])) : LIST.all('statement');
    return listConnection(ctx, { pk, newestFirst: true, during: during(f.from, f.to) }, page);
  },

  relations: (
    _: unknown,
    args: Args<{ countries: string[]; from?: string | null; to?: string | null; includeSourceRecords?: boolean | null }>,
    ctx: Context,
  ) => {
    const codes = [...new Set(args.countries)];
    if (codes.length !== 2)
      throw new ValidationError('countries takes two different ISO codes, such as ["IR", "RU"]', { path: 'countries' });
    const [a, b] = codes.map((c) => countryCode(c, 'countries')) as [string, string];
    return listConnection(
      ctx,
      { pk: LIST.pair(a, b), newestFirst: true, during: during(args.from, args.to), ...withoutSourceRecords(args.includeSourceRecords) },
      args,
    );
  },

  search: async (_: unknown, { text, first }: { text: string; first?: number | null }, ctx: Context) => {
    if (text.length > 200) throw new ValidationError('text must be at most 200 characters', { path: 'text' });
    const folded = foldName(text);
    if (folded.length === 0) throw new ValidationError('text needs at least one letter or digit', { path: 'text' });
    const size = Math.min(pageSize(first), MAX_PAGE_SIZE);
    const page = await queryList(ctx.db, { pk: LIST.names([...folded][0] as string), prefix: folded, first: size * SEARCH_READ_FACTOR });
    // Best match first: a name that equals the text, then names where it starts the whole name, then shorter names.
    const hits = new Map<string, number>();
    for (const entry of page.entries) {
      const name = entry.sortKey.slice(0, entry.sortKey.lastIndexOf('#'));
      const score = (name === folded ? 0 : 1_000) + name.length;
      if (!hits.has(entry.ref) || (hits.get(entry.ref) as number) > score) hits.set(entry.ref, score);
    }
    const ranked = [...hits.entries()]
      .sort((x, y) => x[1] - y[1])
      .slice(0, size)
      .map(([ref]) => ref);
    const models = await ctx.loaders.entity.loadMany(ranked);
    return models.filter(
      (m): m is LeaderModel | CountryModel | OrganizationModel =>
        m !== null && !(m instanceof Error) && (ACTOR_KINDS as readonly string[]).includes(m.type),
    );
  },

  syncRuns: (_: unknown, page: PageArgs, ctx: Context) => listConnection(ctx, { pk: LIST.syncRuns(), newestFirst: true }, page),
};
