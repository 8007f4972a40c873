import type { GraphQLResolveInfo } from 'graphql';
import { ACTOR_KINDS, countryId, type EntityKind, kindOf } from '../../domain/ids.js';
import { dateRange } from '../../domain/partial-date.js';
import type { EntityRecord, RecordOf } from '../../domain/records.js';
import { searchFold } from '../../domain/search-text.js';
import { foldName } from '../../domain/text.js';
import { ValidationError } from '../../errors.js';
import { LISTS, type ListRef } from '../../store/list-model.js';
import { type ListFilter, type ListQuery, queryList } from '../../store/lists.js';
import { isSyncRunId } from '../../store/sync-runs.js';
import type { Context } from '../context.js';
import type { CountryModel, LeaderModel, Model, OrganizationModel } from '../models.js';
import { type Connection, MAX_PAGE_SIZE, type PageArgs, pageSize } from '../pagination.js';
import type { QueryResolvers } from '../resolvers-types.generated.js';
import { countryCode, countryCodeOf, descending, during, idArg, listConnection, type OrderBy } from './lists.js';
import { searchAll } from './search.js';
import { armsTransferStats } from './stats.js';

type Args<T> = T & PageArgs & { orderBy?: OrderBy | null };
type Filter<F> = Args<{ filter?: F | null }>;

/** Loads an entity by id when it is of the kind asked for; null otherwise. */
async function byId<K extends EntityKind>(ctx: Context, id: string, kind: K): Promise<Model<RecordOf<K>> | null> {
  if (kindOf(id) !== kind) return null;
  const model = await ctx.loaders.entity.load(id);
  return model?.type === kind ? (model as Model<RecordOf<K>>) : null;
}

/** How many values a several-valued filter takes: each is a list read or a term of the filter. */
const MAX_VALUES = 10;

/** The values of a single and a several-valued argument together, checked, each once. */
function several(
  one: string | null | undefined,
  many: readonly string[] | null | undefined,
  [single, plural]: [string, string],
  check: (v: string, f: string) => string,
) {
  const values = [...(one ? [check(one, `filter.${single}`)] : []), ...(many ?? []).map((v, i) => check(v, `filter.${plural}[${i}]`))];
  const unique = [...new Set(values)];
  if (unique.length > MAX_VALUES)
    throw new ValidationError(`filter.${plural} takes at most ${MAX_VALUES} values`, { path: `filter.${plural}` });
  return unique;
}

/** Records of ids, for lists where a leader has several entries (kept once each). */
const recordsOf = (ctx: Context) => async (ids: string[]) =>
  (await ctx.loaders.entity.loadMany(ids)).map((m) => (m && !(m instanceof Error) ? (m as EntityRecord) : null));

/** Leaders, by whichever list serves the filter. */
export function leadersList(
  ctx: Context,
  filter: { country?: string | null; nameStartsWith?: string | null; activeOn?: string | null; organization?: string | null },
  page: PageArgs & { orderBy?: OrderBy | null },
  info?: GraphQLResolveInfo,
): Promise<Connection<LeaderModel>> {
  if (filter.organization !== undefined && filter.organization !== null) {
    if (filter.country || filter.nameStartsWith || filter.activeOn)
      throw new ValidationError('organization combines with no other filter', { path: 'filter.organization' });
    const organization = idArg(filter.organization, 'filter.organization', ['organization']);
    const query = { lists: [LISTS.leadersOfOrganization(organization)], descending: descending(page.orderBy, false) };
    return listConnection<LeaderModel>(ctx, query, page, info);
  }
  const country = filter.country ? countryCode(filter.country, 'filter.country') : null;
  const byName = descending(page.orderBy, false);
  if (filter.nameStartsWith !== undefined && filter.nameStartsWith !== null) {
    if (filter.activeOn) throw new ValidationError('nameStartsWith combines with country, not with activeOn', { path: 'filter.activeOn' });
    const prefix = searchFold(filter.nameStartsWith);
    if (prefix.length === 0)
      throw new ValidationError('nameStartsWith needs at least one letter or digit', { path: 'filter.nameStartsWith' });
    const where: ListFilter = { entityKind: 'leader', ...(country ? { country } : {}) };
    const query = { lists: [LISTS.names([...prefix][0] as string)], prefix, where, descending: byName, distinct: recordsOf(ctx) };
    return listConnection<LeaderModel>(ctx, query, page, info);
  }
  if (filter.activeOn) {
    if (page.orderBy)
      throw new ValidationError('with activeOn, leaders come by the start of their role; leave out orderBy', { path: 'orderBy' });
    const activeOn = dateRange(filter.activeOn, 'activeOn');
    const query = { lists: [LISTS.roles(country ?? '*')], activeOn, descending: true, distinct: recordsOf(ctx) };
    return listConnection<LeaderModel>(ctx, query, page, info);
  }
  return listConnection<LeaderModel>(
    ctx,
    { lists: [country ? LISTS.leadersOf(country) : LISTS.all('leader')], descending: byName },
    page,
    info,
  );
}

interface MeetingFilter {
  participant?: string | null;
  country?: string | null;
  participants?: string[] | null;
  countries?: string[] | null;
  from?: string | null;
  to?: string | null;
  status?: string | null;
}
interface DealFilter {
  includeSourceRecords?: boolean | null;
  supplier?: string | null;
  recipient?: string | null;
  suppliers?: string[] | null;
  recipients?: string[] | null;
  status?: string | null;
  designation?: string | null;
  confidence?: string | null;
  from?: string | null;
  to?: string | null;
}
interface EventFilter {
  actor?: string | null;
  kind?: string | null;
  confidence?: string | null;
  from?: string | null;
  to?: string | null;
}
interface StatementFilter {
  speaker?: string | null;
  place?: string | null;
  meeting?: string | null;
  reportedBy?: string | null;
  countries?: string[] | null;
  from?: string | null;
  to?: string | null;
}

const actor = (v: string, f: string) => idArg(v, f, ACTOR_KINDS);

/** A dated list query: the lists, the filter, the dates and the order asked for. */
function datedQuery(
  lists: ListRef[],
  where: ListFilter,
  args: { orderBy?: OrderBy | null; from?: string | null; to?: string | null },
): ListQuery {
  const range = during(args.from, args.to);
  return { lists, where, descending: descending(args.orderBy, true), ...(range ? { during: range } : {}) };
}

/** Drops the filter's absent values. */
function defined(where: Record<string, unknown>): ListFilter {
  return Object.fromEntries(
    Object.entries(where).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)),
  ) as ListFilter;
}

/** How many search hits are read per answer asked for: names and aliases of one entity repeat. */
const SEARCH_READ_FACTOR = 4;

export const Query: QueryResolvers = {
  node: (_: unknown, { id }: { id: string }, ctx: Context) => (kindOf(id) || isSyncRunId(id) ? ctx.loaders.entity.load(id) : null),
  leader: (_: unknown, { id }: { id: string }, ctx: Context) => byId(ctx, id, 'leader'),
  // A code in the forms every country argument takes (`IR`, `ir`, `country:IR`); a malformed one is no country.
  country: (_: unknown, { code }: { code: string }, ctx: Context) => {
    const iso = countryCodeOf(code);
    return iso === null ? null : byId(ctx, countryId(iso), 'country');
  },
  organization: (_: unknown, { id }: { id: string }, ctx: Context) => byId(ctx, id, 'organization'),
  meeting: (_: unknown, { id }: { id: string }, ctx: Context) => byId(ctx, id, 'meeting'),
  militaryDeal: (_: unknown, { id }: { id: string }, ctx: Context) => byId(ctx, id, 'deal'),
  event: (_: unknown, { id }: { id: string }, ctx: Context) => byId(ctx, id, 'event'),

  leaders: (_: unknown, { filter, ...page }: Filter<Parameters<typeof leadersList>[1]>, ctx: Context, info) =>
    leadersList(ctx, filter ?? {}, page, info),

  meetings: (_: unknown, { filter, ...page }: Filter<MeetingFilter>, ctx: Context, info) => {
    const f = filter ?? {};
    const participants = several(f.participant, f.participants, ['participant', 'participants'], (v, field) => idArg(v, field, ['leader']));
    const countries = several(f.country, f.countries, ['country', 'countries'], countryCode);
    // One participant's list, the others and the countries as filters; or the union of the countries' lists.
    const [first, ...others] = participants;
    const lists = first
      ? [LISTS.meetingsOf(first)]
      : countries.length > 0
        ? countries.map((c) => LISTS.meetingsOf(countryId(c)))
        : [LISTS.all('meeting')];
    const where = defined({ status: f.status, participants: others, countries: first ? countries : [] });
    return listConnection(ctx, datedQuery(lists, where, { ...page, ...f }), page, info);
  },

  militaryDeals: (_: unknown, { filter, ...page }: Filter<DealFilter>, ctx: Context, info) => {
    const f = filter ?? {};
    const suppliers = several(f.supplier, f.suppliers, ['supplier', 'suppliers'], actor);
    const recipients = several(f.recipient, f.recipients, ['recipient', 'recipients'], actor);
    if (suppliers.length * recipients.length > MAX_VALUES)
      throw new ValidationError(`suppliers × recipients may make at most ${MAX_VALUES} pairs`, { path: 'filter.recipients' });
    const lists =
      suppliers.length > 0 && recipients.length > 0
        ? suppliers.flatMap((s) => recipients.map((r) => LISTS.dealsBetween(s, r)))
        : suppliers.length > 0
          ? suppliers.map((s) => LISTS.dealsSuppliedBy(s))
          : recipients.length > 0
            ? recipients.map((r) => LISTS.dealsReceivedBy(r))
            : [LISTS.all('deal')];
    const designation = f.designation === undefined || f.designation === null ? undefined : foldName(f.designation);
    if (designation === '')
      throw new ValidationError('filter.designation needs at least one letter or digit', { path: 'filter.designation' });
    const where = defined({
      status: f.status,
      confidence: f.confidence,
      designationPrefix: designation,
      withoutSourceRecords: f.includeSourceRecords ? undefined : true,
    });
    return listConnection(ctx, datedQuery(lists, where, { ...page, ...f }), page, info);
  },

  events: (_: unknown, { filter, ...page }: Filter<EventFilter>, ctx: Context, info) => {
    const f = filter ?? {};
    if (f.kind !== undefined && f.kind !== null && !/^[A-Z][A-Z_]{1,40}$/.test(f.kind)) {
      throw new ValidationError('filter.kind must be an upper-case kind such as MISSILE_ATTACK', { path: 'filter.kind' });
    }
    const list = f.actor ? LISTS.eventsOf(actor(f.actor, 'filter.actor')) : f.kind ? LISTS.eventsOfKind(f.kind) : LISTS.all('event');
    const where = defined({ eventKind: f.actor ? f.kind : undefined, confidence: f.confidence });
    return listConnection(ctx, datedQuery([list], where, { ...page, ...f }), page, info);
  },

  statements: (_: unknown, { filter, ...page }: Filter<StatementFilter>, ctx: Context, info) => {
    const f = filter ?? {};
    if (f.speaker && f.meeting) throw new ValidationError('give speaker or meeting, not both', { path: 'filter.meeting' });
    const list = f.speaker
      ? LISTS.statementsOf(idArg(f.speaker, 'filter.speaker', ['leader']))
      : f.meeting
        ? LISTS.statementsOf(idArg(f.meeting, 'filter.meeting', ['meeting']))
        : LISTS.all('statement');
    // An organisation's id names the reporter as a record; any other text, by the name the source gives.
    const byId = f.reportedBy?.startsWith('organization:') ? idArg(f.reportedBy, 'filter.reportedBy', ['organization']) : undefined;
    const reporter = byId || f.reportedBy === undefined || f.reportedBy === null ? undefined : foldName(f.reportedBy);
    const countries = several(null, f.countries, ['country', 'countries'], countryCode);
    const place = f.place ? countryCode(f.place, 'filter.place') : undefined;
    const where = defined({ reporter, reporterId: byId, countries, place });
    return listConnection(ctx, datedQuery([list], where, { ...page, ...f }), page, info);
  },

  relations: (
    _: unknown,
    args: Args<{ countries: string[]; from?: string | null; to?: string | null; includeSourceRecords?: boolean | null }>,
    ctx: Context,
    info,
  ) => {
    const codes = [...new Set(args.countries.map((c, i) => countryCode(c, `countries[${i}]`)))];
    if (codes.length !== 2)
      throw new ValidationError('countries takes two different ISO codes, such as ["IR", "RU"]', { path: 'countries' });
    const [a, b] = codes as [string, string];
    return listConnection(
      ctx,
      datedQuery([LISTS.pair(a, b)], args.includeSourceRecords ? {} : { withoutSourceRecords: true }, args),
      args,
      info,
    );
  },

  search: async (_: unknown, { text, first }: { text: string; first?: number | null }, ctx: Context) => {
    if (text.length > 200) throw new ValidationError('text must be at most 200 characters', { path: 'text' });
    const folded = searchFold(text);
    if (folded.length === 0) throw new ValidationError('text needs at least one letter or digit', { path: 'text' });
    const size = Math.min(pageSize(first), MAX_PAGE_SIZE);
    const page = await queryList(
      ctx.db,
      { lists: [LISTS.names([...folded][0] as string)], prefix: folded, descending: false },
      { first: size * SEARCH_READ_FACTOR },
    );
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

  searchAll: (_: unknown, args, ctx: Context) => searchAll(ctx, args),

  armsTransferStats: (_: unknown, args, ctx: Context) => armsTransferStats(ctx, args),

  syncRuns: (_: unknown, page: Args<object>, ctx: Context, info) =>
    listConnection(ctx, { lists: [LISTS.syncRuns()], descending: descending(page.orderBy, true) }, page, info),
};
