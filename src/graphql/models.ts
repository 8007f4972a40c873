import type { EntityRecord } from '../domain/records.js';
import type { StoredEntity } from '../store/entities.js';

/**
 * What resolvers receive as a parent: the stored record with its version and time of change.
 * Fields with the same name and shape in the schema resolve by default; references
 * (country codes, ids) have resolvers that turn them into objects through the loaders.
 */
export type Model<R extends EntityRecord = EntityRecord> = R & { version: number; updatedAt: string };

/** The model of a stored entity, or null for a missing or deleted one. */
export function toModel(entity: StoredEntity | null | undefined): Model | null {
  if (!entity || entity.deleted) return null;
  return { ...entity.record, version: entity.version, updatedAt: entity.updatedAt };
}

/** GraphQL type names by record type. */
export const TYPE_NAMES: Record<string, string> = {
  source: 'Source',
  country: 'Country',
  organization: 'Organization',
  leader: 'Leader',
  meeting: 'Meeting',
  deal: 'MilitaryDeal',
  event: 'Event',
  statement: 'Statement',
  syncrun: 'SyncRun',
};

/** The GraphQL type of a model, for unions and the Node interface. */
export function typeNameOf(model: { type: string }): string | null {
  return TYPE_NAMES[model.type] ?? null;
}
