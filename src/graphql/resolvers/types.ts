import { GraphQLError } from 'graphql';
import { dealDisagreements } from '../../domain/deal-disagreements.js';
import { countryId } from '../../domain/ids.js';
import {
  type Citation,
  type DealRecord,
  type EventRecord,
  type LeaderRecord,
  type MeetingRecord,
  type OrganizationRecord,
  responseLinks,
  type StatementRecord,
} from '../../domain/records.js';
import { isRegisterDeal } from '../../store/index-items.js';
import { LIST } from '../../store/keys.js';
import { queryList } from '../../store/lists.js';
import { listRevisions } from '../../store/revisions.js';
import type { Context } from '../context.js';
import {
  type CountryModel,
  type EventLinkModel,
  type EventModel,
  type LeaderModel,
  type MilitaryDealModel,
  type Model,
  type OrganizationModel,
  typeNameOf,
} from '../models.js';
import { MAX_PAGE_SIZE, type PageArgs, pageSize } from '../pagination.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { reverseLinks } from './links.js';
import { dealsOf, listConnection } from './lists.js';
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

/** Per request, the source records read for each deal: `sourceRecords` and `disagreements` share one Query. */
const sourceRecordReads = new WeakMap<Context['loaders'], Map<string, Promise<Model<DealRecord>[]>>>();

/**
 * The register records that describe a deal (`sameAs` it), at most a page of 100. A register
 * record never has any, so SIPRI's deals cost no Query for it.
 */
function sourceRecordsOf(ctx: Context, dealId: string): Promise<Model<DealRecord>[]> {
  if (isRegisterDeal(dealId)) return Promise.resolve([]);
  const reads = sourceRecordReads.get(ctx.loaders) ?? new Map<string, Promise<Model<DealRecord>[]>>();
  sourceRecordReads.set(ctx.loaders, reads);
  let read = reads.get(dealId);
  if (!read) {
    read = queryList(ctx.db, { pk: LIST.sourceRecordsOf(dealId), newestFirst: true, first: MAX_PAGE_SIZE }).then((page) =>
      present<Model<DealRecord>>(
        page.entries.map((e) => e.ref),
        ctx,
      ),
    );
    reads.set(dealId, read);
  }
  return read;
}

/** The event links' claimants, resolved as actors. */
const linkResolvers = {
  claimedBy: (l: EventLinkModel, _: unknown, ctx: Context) => optional<LeaderModel | CountryModel | OrganizationModel>(l.claimedBy, ctx),
  citations: (l: EventLinkModel) => l.citations ?? [],
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
    deals: (p: Model, args: PageArgs & { includeSourceRecords?: boolean | null }, ctx: Context) => dealsOf(ctx, p.id, args),
  },
  Organization: {
    country: (p: Model<OrganizationRecord>, _: unknown, ctx: Context) => country(p.country, ctx),
    parent: (p: Model<OrganizationRecord>, _: unknown, ctx: Context) => optional(p.parent, ctx),
    leaders: (p: Model<OrganizationRecord>, args: PageArgs, ctx: Context) => leadersList(ctx, { organization: p.id }, args),
    deals: (p: Model<OrganizationRecord>, args: PageArgs & { includeSourceRecords?: boolean | null }, ctx: Context) =>
      dealsOf(ctx, p.id, args),
    events: (p: Model<OrganizationRecord>, args: PageArgs, ctx: Context) =>
      listConnection(ctx, { pk: LIST.eventsOf(p.id), newestFirst: true }, args),
    ...revisions,
    ...citations,
  },
  Role: {
    country: (r: LeaderRecord['roles'][number], _: unknown, ctx: Context) => country(r.country, ctx),
    organization: (r: LeaderRecord['roles'][number], _: unknown, ctx: Context) => optional(r.organization, ctx),
    heldOn: (r: LeaderRecord['roles'][number]) => r.heldOn ?? [],
  },
  Leader: {
    country: (p: Model<LeaderRecord>, _: unknown, ctx: Context) => country(p.country, ctx),
    organization: (p: Model<LeaderRecord>, _: unknown, ctx: Context) => optional(p.organization, ctx),
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
    attendees: async (p: Model<MeetingRecord>, _: unknown, ctx: Context) => {
      const roles = new Map((p.participantRoles ?? []).map((r) => [r.leader, r.role]));
      const invitees = (p.invitations ?? []).map((i) => i.invitee).filter((id) => !p.participants.includes(id));
      const leaders = await required<LeaderModel>([...p.participants, ...invitees], ctx, 'attendees');
      return leaders.map((leader, i) => ({
        leader,
        role: i < p.participants.length ? (roles.get(p.participants[i] as string) ?? 'PARTICIPANT') : 'INVITED',
      }));
    },
    invitations: (p: Model<MeetingRecord>) => p.invitations ?? [],
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
  Invitation: {
    invitee: (i: MeetingRecord['invitations'][number], _: unknown, ctx: Context) => one(i.invitee, ctx, 'invitee'),
    invitedBy: (i: MeetingRecord['invitations'][number], _: unknown, ctx: Context) => optional(i.invitedBy, ctx),
    extendedAt: (i: MeetingRecord['invitations'][number], _: unknown, ctx: Context) => optional(i.extendedAt, ctx),
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
    sameAs: (p: Model<DealRecord>, _: unknown, ctx: Context) => optional(p.sameAs, ctx),
    sourceRecords: (p: Model<DealRecord>, _: unknown, ctx: Context) => sourceRecordsOf(ctx, p.id),
    disagreements: async (p: Model<DealRecord>, _: unknown, ctx: Context) =>
      dealDisagreements(p, await sourceRecordsOf(ctx, p.id)).map((d) => ({
        field: d.field,
        values: d.values.map((v) => ({ value: v.value, deal: v.deal as MilitaryDealModel, citations: v.deal.citations })),
      })),
    ...revisions,
    ...citations,
  },
  Event: {
    location: (p: Model<EventRecord>) => location(p.location),
    actors: (p: Model<EventRecord>, _: unknown, ctx: Context) => required(p.actors, ctx, 'actors'),
    targets: (p: Model<EventRecord>, _: unknown, ctx: Context) => required(p.targets, ctx, 'targets'),
    countries: (p: Model<EventRecord>, _: unknown, ctx: Context) => present((p.countries ?? []).map(countryId), ctx),
    unnamedTargets: (p: Model<EventRecord>) => p.unnamedTargets ?? [],
    respondsTo: (p: Model<EventRecord>, _: unknown, ctx: Context) =>
      present(
        responseLinks(p).map((l) => l.event),
        ctx,
      ),
    respondsToLinks: async (p: Model<EventRecord>, _: unknown, ctx: Context) => {
      const links = responseLinks(p);
      const events = await ctx.loaders.entity.loadMany(links.map((l) => l.event));
      return links.flatMap((link, i) => {
        const event = events[i];
        return event && !(event instanceof Error) ? [{ ...link, event: event as EventModel }] : [];
      });
    },
    respondedToBy: (p: Model<EventRecord>, _: unknown, ctx: Context) => reverseLinks(ctx, p.id),
    ...revisions,
    ...citations,
  },
  EventLink: linkResolvers,
  DealFigure: {},
  Statement: {
    speaker: (p: Model<StatementRecord>, _: unknown, ctx: Context) => one(p.speaker, ctx, 'speaker'),
    speakers: (p: Model<StatementRecord>, _: unknown, ctx: Context) => required([p.speaker, ...(p.coSpeakers ?? [])], ctx, 'speakers'),
    location: (p: Model<StatementRecord>) => location(p.location),
    reporter: (p: Model<StatementRecord>, _: unknown, ctx: Context) => optional(p.reporter, ctx),
    meeting: (p: Model<StatementRecord>, _: unknown, ctx: Context) => optional(p.meeting, ctx),
    countries: (p: Model<StatementRecord>, _: unknown, ctx: Context) => present(p.countries.map(countryId), ctx),
    ...revisions,
    ...citations,
  },
};
