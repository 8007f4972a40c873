import { GraphQLError, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { publicAddress } from '../../domain/addresses.js';
import { dealDisagreements } from '../../domain/deal-disagreements.js';
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
import { responseLinks } from '../../domain/response-links.js';
import { isRegisterDeal } from '../../store/index-items.js';
import { LISTS } from '../../store/list-model.js';
import { queryList } from '../../store/lists.js';
import { listRevisions, type RevisionView } from '../../store/revisions.js';
import { reportAsOf } from '../../store/sync-runs.js';
import { isEditor } from '../auth.js';
import type { Context } from '../context.js';
import {
  type ArmsDeliveryModel,
  type CountryModel,
  type EventLinkModel,
  type EventModel,
  type LeaderModel,
  type MilitaryDealModel,
  type Model,
  type OrganizationModel,
  type StatementModel,
  type SyncRunModel,
  typeNameOf,
} from '../models.js';
import { MAX_PAGE_SIZE, type PageArgs, pageRequest } from '../pagination.js';
import { requiredReferencesResolve } from '../required-references.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { reverseLinks } from './links.js';
import { dealsOf, descending, listConnection, type OrderBy } from './lists.js';
import { leadersList } from './query.js';

// References are typed by the field that follows them (the record's validator fixed the id's
// kind), so these helpers take the expected model as a type argument inferred from the field.
const country = (code: string | undefined, ctx: Context) =>
  code ? (ctx.loaders.entity.load(countryId(code)) as Promise<CountryModel | null>) : null;
const optional = <M = Model>(id: string | undefined, ctx: Context) => (id ? (ctx.loaders.entity.load(id) as Promise<M | null>) : null);

/** Loads one id the record says exists; a missing one is an error where the schema promises an answer. */
async function one<M = Model>(id: string, ctx: Context, field: string): Promise<M> {
  const model = await ctx.loaders.entity.load(id);
  if (!model) throw new GraphQLError(`${field}: ${id} is not in the knowledge base`, { extensions: { code: 'NOT_FOUND' } });
  return model as M;
}

/**
 * A list of references the record holds: one that does not resolve (old data, a delete
 * racing this read) is left out and reported once in `extensions.missingReferences`, rather
 * than failing the list and every list above it.
 */
async function referenced<M = Model>(ids: string[], ctx: Context, info: GraphQLResolveInfo): Promise<M[]> {
  const models = await ctx.loaders.entity.loadMany(ids);
  return models.flatMap((model, i) => {
    if (model instanceof Error) throw model;
    if (model) return [model as M];
    ctx.missing.report(info, ids[i] as string);
    return [];
  });
}

/** Whether the field's selection asks for `name` (through fragments too). */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') return selection.name.value === name;
      if (selection.kind === 'InlineFragment') return within(selection.selectionSet);
      return within(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

/**
 * A record's citations whose source resolves, when the source is asked for; the others are
 * left out and reported, as `referenced` does. Without `source` in the selection nothing is read.
 */
async function citationsOf(record: { citations: Citation[] }, ctx: Context, info: GraphQLResolveInfo): Promise<Citation[]> {
  if (!selects(info, 'source')) return record.citations;
  const sources = await ctx.loaders.entity.loadMany(record.citations.map((c) => c.source));
  return record.citations.filter((citation, i) => {
    const source = sources[i];
    if (source instanceof Error) throw source;
    if (!source) ctx.missing.report(info, citation.source);
    return source !== null;
  });
}

/** Optional references: missing ones are left out rather than failing the list. */
async function present<M = Model>(ids: string[], ctx: Context): Promise<M[]> {
  const models = await ctx.loaders.entity.loadMany(ids);
  return models.filter((m): m is Model => m !== null && !(m instanceof Error)) as M[];
}

const location = (loc: { city?: string; country?: string } | undefined) =>
  loc ? { city: loc.city ?? null, countryCode: loc.country } : null;

const citations = {
  citations: (p: { citations: Citation[] }, _: unknown, ctx: Context, info: GraphQLResolveInfo) => citationsOf(p, ctx, info),
};
/** Earlier versions of any record, from its own partition: one per change, so as many as its version less one. */
const revisions = {
  revisions: async (p: Model, args: PageArgs, ctx: Context) => ({
    ...(await listRevisions(ctx.db, p.id, pageRequest(args))),
    totalCount: p.version - 1,
  }),
};
type Ordered = PageArgs & { orderBy?: OrderBy | null };
/** A dated list of a parent, in the order asked for. */
const datedList = (list: ReturnType<typeof LISTS.meetingsOf>, args: Ordered) => ({
  lists: [list],
  descending: descending(args.orderBy, true),
});

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
    read = queryList(ctx.db, { lists: [LISTS.sourceRecordsOf(dealId)], descending: true }, { first: MAX_PAGE_SIZE }).then((page) =>
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

/** What the deprecated non-null "who" fields of a revision say to callers without an editor key. */
export const HIDDEN = 'hidden';

/** Who did something, for editors only. */
const forEditors = (who: string | undefined, ctx: Context) => (isEditor(ctx.caller) ? (who ?? null) : null);

/** The name the syncRecords mutation once gave its runs carried the editor's name in it. */
const EDITOR_RUN_SOURCE = /^syncRecords by .*$/s;

export const types: Omit<Resolvers, 'Query' | 'Mutation' | 'PartialDate' | 'DateTime'> = {
  Node: { __resolveType: typeNameOf },
  Actor: { __resolveType: typeNameOf },
  TimelineItem: { __resolveType: typeNameOf },
  SearchHit: { __resolveType: typeNameOf },
  SearchResult: { __resolveType: typeNameOf },

  Source: { ...revisions },
  Revision: {
    changedBy: (r: RevisionView, _: unknown, ctx: Context) => forEditors(r.changedBy, ctx) ?? HIDDEN,
    author: (r: RevisionView, _: unknown, ctx: Context) => forEditors(r.changedBy, ctx),
    replacedBy: (r: RevisionView, _: unknown, ctx: Context) => forEditors(r.replacedBy, ctx) ?? HIDDEN,
    replacer: (r: RevisionView, _: unknown, ctx: Context) => forEditors(r.replacedBy, ctx),
  },
  // A stored report is read as it stands now: a run past its deadline that never said it ended was cut short.
  SyncRun: {
    status: (r: SyncRunModel) => reportAsOf(r, Date.now()).status,
    error: (r: SyncRunModel) => reportAsOf(r, Date.now()).error ?? null,
    rejects: (r: SyncRunModel) => reportAsOf(r, Date.now()).rejects,
    deadline: (r: SyncRunModel) => reportAsOf(r, Date.now()).deadlineAt ?? null,
    // Runs stored before sources were shown without credentials are shown so too.
    source: (r: SyncRunModel, _: unknown, ctx: Context) =>
      publicAddress(isEditor(ctx.caller) ? r.source : r.source.replace(EDITOR_RUN_SOURCE, 'syncRecords')),
    startedBy: (r: SyncRunModel, _: unknown, ctx: Context) => forEditors(r.startedBy, ctx),
    // Runs stored before these were counted have neither.
    skipped: (r: SyncRunModel) => r.skipped ?? 0,
    stale: (r: SyncRunModel) => r.stale ?? 0,
  },
  Citation: {
    source: (c: Citation, _: unknown, ctx: Context) => one(c.source, ctx, 'source'),
  },
  Location: {
    country: (l: { countryCode?: string }, _: unknown, ctx: Context) => country(l.countryCode, ctx),
  },
  Country: {
    leaders: (p: Model, args: Ordered & { activeOn?: string | null }, ctx: Context, info) =>
      leadersList(ctx, { country: (p as Model & { code: string }).code, activeOn: args.activeOn ?? null }, args, info),
    deals: (p: Model, args: Ordered & { includeSourceRecords?: boolean | null }, ctx: Context, info) => dealsOf(ctx, p.id, args, info),
  },
  Organization: {
    country: (p: Model<OrganizationRecord>, _: unknown, ctx: Context) => country(p.country, ctx),
    parent: (p: Model<OrganizationRecord>, _: unknown, ctx: Context) => optional(p.parent, ctx),
    leaders: (p: Model<OrganizationRecord>, args: Ordered, ctx: Context, info) => leadersList(ctx, { organization: p.id }, args, info),
    deals: (p: Model<OrganizationRecord>, args: Ordered & { includeSourceRecords?: boolean | null }, ctx: Context, info) =>
      dealsOf(ctx, p.id, args, info),
    events: (p: Model<OrganizationRecord>, args: Ordered, ctx: Context, info) =>
      listConnection(ctx, datedList(LISTS.eventsOf(p.id), args), args, info),
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
    meetings: (p: Model<LeaderRecord>, args: Ordered, ctx: Context, info) =>
      listConnection(ctx, datedList(LISTS.meetingsOf(p.id), args), args, info),
    statements: (p: Model<LeaderRecord>, args: Ordered, ctx: Context, info) =>
      listConnection(ctx, datedList(LISTS.statementsOf(p.id), args), args, info),
    ...revisions,
    ...citations,
  },
  Delegation: {
    country: (d: MeetingRecord['delegations'][number], _: unknown, ctx: Context) => country(d.country, ctx),
    representing: (d: MeetingRecord['delegations'][number], _: unknown, ctx: Context) => optional(d.representing, ctx),
  },
  Meeting: {
    location: (p: Model<MeetingRecord>) => location(p.location),
    participants: (p: Model<MeetingRecord>, _: unknown, ctx: Context, info: GraphQLResolveInfo) => referenced(p.participants, ctx, info),
    attendees: async (p: Model<MeetingRecord>, _: unknown, ctx: Context, info: GraphQLResolveInfo) => {
      const roles = new Map((p.participantRoles ?? []).map((r) => [r.leader, r.role]));
      const invitees = (p.invitations ?? []).map((i) => i.invitee).filter((id) => !p.participants.includes(id));
      const leaders = await referenced<LeaderModel>([...p.participants, ...invitees], ctx, info);
      return leaders.map((leader) => ({
        leader,
        role: p.participants.includes(leader.id) ? (roles.get(leader.id) ?? 'PARTICIPANT') : 'INVITED',
      }));
    },
    invitations: (p: Model<MeetingRecord>) => p.invitations ?? [],
    countries: (p: Model<MeetingRecord>, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
      referenced(p.countries.map(countryId), ctx, info),
    statements: async (p: Model<MeetingRecord>, _: unknown, ctx: Context, info: GraphQLResolveInfo) => {
      const page = await queryList(ctx.db, { lists: [LISTS.statementsOf(p.id)], descending: true }, { first: MAX_PAGE_SIZE });
      const statements = await referenced<StatementModel>(
        page.entries.map((e) => e.ref),
        ctx,
        info,
      );
      const whole = await requiredReferencesResolve(statements, ctx, info, []);
      return statements.filter((_, i) => whole[i]);
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
  ArmsDelivery: {
    estimate: (d: ArmsDeliveryModel) => d.estimate === true,
  },
  MilitaryDeal: {
    supplier: (p: Model<DealRecord>, _: unknown, ctx: Context) => one(p.supplier, ctx, 'supplier'),
    recipient: (p: Model<DealRecord>, _: unknown, ctx: Context) => one(p.recipient, ctx, 'recipient'),
    agreedOnUncertain: (p: Model<DealRecord>) => p.agreedOnUncertain === true,
    deliveries: (p: Model<DealRecord>) => p.deliveries ?? [],
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
    actors: (p: Model<EventRecord>, _: unknown, ctx: Context, info: GraphQLResolveInfo) => referenced(p.actors, ctx, info),
    targets: (p: Model<EventRecord>, _: unknown, ctx: Context, info: GraphQLResolveInfo) => referenced(p.targets, ctx, info),
    countries: (p: Model<EventRecord>, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
      referenced((p.countries ?? []).map(countryId), ctx, info),
    unnamedTargets: (p: Model<EventRecord>) => p.unnamedTargets ?? [],
    respondsTo: (p: Model<EventRecord>, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
      referenced(
        responseLinks(p).map((l) => l.event),
        ctx,
        info,
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
    speakers: (p: Model<StatementRecord>, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
      referenced([p.speaker, ...(p.coSpeakers ?? [])], ctx, info),
    location: (p: Model<StatementRecord>) => location(p.location),
    reporter: (p: Model<StatementRecord>, _: unknown, ctx: Context) => optional(p.reporter, ctx),
    meeting: (p: Model<StatementRecord>, _: unknown, ctx: Context) => optional(p.meeting, ctx),
    countries: (p: Model<StatementRecord>, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
      referenced(p.countries.map(countryId), ctx, info),
    ...revisions,
    ...citations,
  },
};
