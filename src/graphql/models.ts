import type {
  ArmsDelivery,
  Citation,
  CountryRecord,
  DealRecord,
  EntityRecord,
  EventRecord,
  FactLink,
  LeaderRecord,
  MeetingRecord,
  OrganizationRecord,
  SourceRecord,
  StatementRecord,
} from '../domain/records.js';
import type { StoredEntity } from '../store/entities.js';
import type { SyncRunReport } from '../store/sync-runs.js';

/**
 * What resolvers receive as a parent: the stored record with its version and time of change.
 * Fields with the same name and shape in the schema resolve by default; references
 * (country codes, ids) have resolvers that turn them into objects through the loaders.
 */
export type Model<R extends EntityRecord = EntityRecord> = R & { version: number; updatedAt: string };

/** The parent of each object type's resolvers (the mappers of codegen.yml). */
export type SourceModel = Model<SourceRecord>;
export type CountryModel = Model<CountryRecord>;
export type OrganizationModel = Model<OrganizationRecord>;
export type LeaderModel = Model<LeaderRecord>;
export type MeetingModel = Model<MeetingRecord>;
export type MilitaryDealModel = Model<DealRecord>;
export type EventModel = Model<EventRecord>;
export type StatementModel = Model<StatementRecord>;
export type SyncRunModel = SyncRunReport & { type: 'syncrun' };
export type ArmsItemModel = DealRecord['items'][number];
export type ArmsDeliveryModel = ArmsDelivery;
export type RoleModel = LeaderRecord['roles'][number];
export type DelegationModel = MeetingRecord['delegations'][number];
export type CitationModel = LeaderRecord['citations'][number];
export type LocationModel = { city: string | null; countryCode?: string | undefined };
export type MeetingAttendeeModel = { leader: LeaderModel; role: MeetingRecord['participantRoles'][number]['role'] | 'INVITED' };
export type InvitationModel = MeetingRecord['invitations'][number];
/** A link between two events, `event` being the one at the other end from where it is read. */
export type EventLinkModel = Omit<FactLink, 'event'> & { event: EventModel };
export type DealFigureModel = { value: string | null; deal: MilitaryDealModel; citations: Citation[] };
export type DealDisagreementModel = { field: string; values: DealFigureModel[] };

/** The model of a stored entity, or null for a missing or deleted one. */
export function toModel(entity: StoredEntity | null | undefined): Model | null {
  if (!entity || entity.deleted) return null;
  return { ...entity.record, version: entity.version, updatedAt: entity.updatedAt };
}

/** GraphQL type names by record type. */
export const TYPE_NAMES = {
  source: 'Source',
  country: 'Country',
  organization: 'Organization',
  leader: 'Leader',
  meeting: 'Meeting',
  deal: 'MilitaryDeal',
  event: 'Event',
  statement: 'Statement',
  syncrun: 'SyncRun',
} as const;

/** The GraphQL type of a model, for unions and the Node interface. */
export function typeNameOf<M extends { type: keyof typeof TYPE_NAMES }>(model: M): (typeof TYPE_NAMES)[M['type']] {
  return TYPE_NAMES[model.type] as (typeof TYPE_NAMES)[M['type']];
}
