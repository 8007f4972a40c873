import { GraphQLError } from 'graphql';
import { countryId } from '../../domain/ids.js';
import type {
  Citation,
  DealRecord,
  EventRecord,
  LeaderRecord,
  MeetingRecord,
  OrganizationRecord,
  StatementRecord,
} from '../../domain/records.js';
import { LIST } from '../../store/keys.js';
import { queryList } from '../../store/lists.js';
import { listRevisions } from '../../store/revisions.js';
import type { SyncRunReport } from '../../store/sync-runs.js';
import type { Context } from '../context.js';
import { type CountryModel, type Model, typeNameOf } from '../models.js';
import { MAX_PAGE_SIZE, type PageArgs, pageSize } from '../pagination.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { listConnection } from './lists.js';
import { leadersList } from './query.js';

// References are typed by the field that follows them (the record's validator fixed the id's
// kind), so these helpers take the expected model as a type argument inferred from the field.
const country = (code: string | undefined, ctx: Context) =>
  code ? (ctx.loaders.entity.load(countryId(code)) as Promise<CountryModel | null>) : null;
const optional = <M = Model>(id: string | undefined, ctx: Context) => (id ? (ctx.loaders.entity.load(id) as Promise<M | null>) : null);

/** Loads ids that the record says exist; a missing one is an error where the schema promises an answer. */
async function required<M = Model>(ids: string[], ctx: Context, field: string): Promise<M[]> {
  const models = await ctx.loaders.entity.loadMany(ids);
  return models.map((model, i) => {
    if (model && !(model instanceof Error)) return model as M;
    if (model instanceof Error) throw model;
    throw new GraphQLError(`${field}: ${ids[i]} is not in the knowledge base`, { extensions: { code: 'NOT_FOUND' } });
  });
}

async function one<M = Model>(id: string, ctx: Context, field: string): Promise<M> {
  return (await required<M>([id], ctx, field))[0] as M;
}

/** Optional references: missing ones are left out rather than failing the list. */
async function present<M = Model>(ids: string[], ctx: Context): Promise<M[]> {
  const models = await ctx.loaders.entity.loadMany(ids);
  return models.filter((m): m is Model => m !== null && !(m instanceof Error)) as M[];
}

const location = (loc: { city?: string; country?: string } | undefined) =>
  loc ? { city: loc.city ?? null, countryCode: loc.country } : null;

const citations = { citations: (p: { citations: Citation[] }) => p.citations };
/** Earlier versions of any record, from its own partition. */
const revisions = {
  revisions: (p: Model, args: PageArgs, ctx: Context) => listRevisions(ctx.db, p.id, pageSize(args.first), args.after ?? null),
};

export const types: Omit<Resolvers, 'Query' | 'Mutation' | 'PartialDate' | 'DateTime'> = {
  Node: { __resolveType: typeNameOf },
  Actor: { __resolveType: typeNameOf },
  TimelineItem: { __resolveType: typeNameOf },
  SearchResult: { __resolveType: typeNameOf },

  Source: { ...revisions },
  Citation: {
    source: (c: Citation, _: unknown, ctx: Context) => one(c.source, ctx, 'source'),
  },
  Location: {
    country: (l: { countryCode?: string }, _: unknown, ctx: Context) => country(l.countryCode, ctx),
  },
  Country: {
    leaders: (p: Model, args: PageArgs & { activeOn?: string | null }, ctx: Context) =>
      leadersList(ctx, { country: (p as Model & { code: string }).code, activeOn: args.activeOn ?? null }, args),
  },
  Organization: {
    country: (p: Model<OrganizationRecord>, _: unknown, ctx: Context) => country(p.country, ctx),
    parent: (p: Model<OrganizationRecord>, _: unknown, ctx: Context) => optional(p.parent, ctx),
    ...revisions,
    ...citations,
  },
  Role: {
    country: (r: LeaderRecord['roles'][number], _: unknown, ctx: Context) => country(r.country, ctx),
    organization: (r: LeaderRecord['roles'][number], _: unknown, ctx: Context) => optional(r.organization, ctx),
  },
  Leader: {
    country: (p: Model<LeaderRecord>, _: unknown, ctx: Context) => country(p.country, ctx),
    meetings: (p: Model<LeaderRecord>, args: PageArgs, ctx: Context) =>
      listConnection(ctx, { pk: LIST.meetingsOf(p.id), newestFirst: true }, args),
    statements: (p: Model<LeaderRecord>, args: PageArgs, ctx: Context) =>
      listConnection(ctx, { pk: LIST.statementsOf(p.id), newestFirst: true }, args),
    ...revisions,
    ...citations,
  },
  Delegation: {
    country: (d: MeetingRecord['delegations'][number], _: unknown, ctx: Context) => country(d.country, ctx),
    representing: (d: MeetingRecord['delegations'][number], _: unknown, ctx: Context) => optional(d.representing, ctx),
  },
  Meeting: {
    location: (p: Model<MeetingRecord>) => location(p.location),
    participants: (p: Model<MeetingRecord>, _: unknown, ctx: Context) => required(p.participants, ctx, 'participants'),
    countries: (p: Model<MeetingRecord>, _: unknown, ctx: Context) => present(p.countries.map(countryId), ctx),
    statements: async (p: Model<MeetingRecord>, _: unknown, ctx: Context) => {
      const page = await queryList(ctx.db, { pk: LIST.statementsOf(p.id), newestFirst: true, first: MAX_PAGE_SIZE });
      return present(
        page.entries.map((e) => e.ref),
        ctx,
      );
    },
    ...revisions,
    ...citations,
  },
  ArmsItem: {
    quantityUncertain: (i: DealRecord['items'][number]) => i.quantityUncertain === true,
    deliveredUncertain: (i: DealRecord['items'][number]) => i.deliveredUncertain === true,
    deliveryYears: (i: DealRecord['items'][number]) => i.deliveryYears ?? [],
  },
  MilitaryDeal: {
    supplier: (p: Model<DealRecord>, _: unknown, ctx: Context) => one(p.supplier, ctx, 'supplier'),
    recipient: (p: Model<DealRecord>, _: unknown, ctx: Context) => one(p.recipient, ctx, 'recipient'),
    agreedOnUncertain: (p: Model<DealRecord>) => p.agreedOnUncertain === true,
    ...revisions,
    ...citations,
  },
  Event: {
    location: (p: Model<EventRecord>) => location(p.location),
    actors: (p: Model<EventRecord>, _: unknown, ctx: Context) => required(p.actors, ctx, 'actors'),
    targets: (p: Model<EventRecord>, _: unknown, ctx: Context) => required(p.targets, ctx, 'targets'),
    respondsTo: (p: Model<EventRecord>, _: unknown, ctx: Context) => present(p.respondsTo, ctx),
    ...revisions,
    ...citations,
  },
  SyncRun: {
    // Runs stored before these were counted have neither.
    skipped: (r: Partial<SyncRunReport>) => r.skipped ?? 0,
    stale: (r: Partial<SyncRunReport>) => r.stale ?? 0,
  },
  Statement: {
    speaker: (p: Model<StatementRecord>, _: unknown, ctx: Context) => one(p.speaker, ctx, 'speaker'),
    meeting: (p: Model<StatementRecord>, _: unknown, ctx: Context) => optional(p.meeting, ctx),
    countries: (p: Model<StatementRecord>, _: unknown, ctx: Context) => present(p.countries.map(countryId), ctx),
    ...revisions,
    ...citations,
  },
};
