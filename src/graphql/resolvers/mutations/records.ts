import { ACTOR_KINDS, type EntityKind, isIdOf } from '../../../domain/ids.js';
import { checkRecord, type EntityRecord, type SourceRecord } from '../../../domain/records.js';
import { referencedIds } from '../../../domain/references.js';
import { slugify } from '../../../domain/text.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import type { ApiKey } from '../../../store/api-keys.js';
import { getEntity, type StoredEntity, type WriteResult, writeEntity } from '../../../store/entities.js';
import { unstorableReason } from '../../../store/limits.js';
import { absentRecords, brokenReferences, describeBroken, referrers } from '../../../store/references.js';
import { requireEditor } from '../../auth.js';
import type { Context } from '../../context.js';
import { type Model, toModel } from '../../models.js';
import { countryCode, idArg } from '../lists.js';
import { citeEditorIfUncited, ensureEditorialSource, newRecordDefaults } from './defaults.js';

/** An editor's input: the record's fields, absent to keep what is stored, null to clear. */
export type RecordInput = { id?: string | null } & Record<string, unknown>;

/** The arguments of every `upsert…` mutation. */
export interface UpsertArgs<I extends RecordInput> {
  input: I;
  expectedVersion?: number | null;
}

/** The arguments of every `delete…` mutation. */
export interface DeleteArgs {
  id: string;
  expectedVersion?: number | null;
}

/** What a deletion did, as `DeleteResult`. */
export interface DeleteResultView {
  id: string;
  version: number;
  changed: boolean;
}

/** Longest readable part of a generated id: ids stay short enough to read and to key on. */
const MAX_ID_SLUG = 100;

/** Drops nulls nested in a value: GraphQL sends them for optional input fields not given. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/** Input fields that name a country, and those that name an actor (a country by its code too). */
const COUNTRY_FIELDS = new Set(['country', 'countries']);
const ACTOR_FIELDS = new Set(['supplier', 'recipient', 'actors', 'targets', 'representing']);

/**
 * An input with its country codes and actor ids in the stored form, accepted in the same forms
 * as the filters (`IR`, `ir`, `country:IR`).
 * @throws ValidationError naming the field (`input.roles[0].country`) when one is not a country or actor.
 */
export function normalizeIds(value: unknown, path = 'input', field = ''): unknown {
  if (Array.isArray(value)) return value.map((v, i) => normalizeIds(v, `${path}[${i}]`, field));
  if (typeof value === 'string') {
    if (COUNTRY_FIELDS.has(field)) return countryCode(value, path);
    if (ACTOR_FIELDS.has(field)) return idArg(value, path, ACTOR_KINDS);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeIds(v, `${path}.${k}`, k)]));
}

/**
 * The record an input describes: `base` (the stored record, or a bare new one) with every
 * field the input gives replaced, and the ones it sets to null removed.
 */
export function mergeInput(base: Record<string, unknown>, input: RecordInput): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(input)) {
    if (field === 'id' || value === undefined) continue;
    if (value === null) delete merged[field];
    else merged[field] = withoutNulls(value);
  }
  return merged;
}

/** The readable tail of an id: `leader:vladimir-putin` gives `vladimir-putin`. */
export function idTail(id: unknown): string | undefined {
  return typeof id === 'string' ? id.slice(id.indexOf(':') + 1) : undefined;
}

/**
 * A readable id for a new record, from the parts that describe it: `meeting:2024-10-11-…`.
 * Only ASCII letters, digits and dashes are kept, so every id fits the id pattern.
 * @throws ValidationError naming `field` when nothing readable is left.
 */
export function readableId(kind: EntityKind, parts: unknown[], field: string): string {
  const slug = parts
    .filter((part): part is string | number => typeof part === 'string' || typeof part === 'number')
    .map((part) => slugify(String(part)))
    .join('-')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_ID_SLUG)
    .replace(/-+$/, '');
  if (slug === '') {
    throw new ValidationError(`${field} needs at least one ASCII letter or digit to make an id from; or send input.id`, { path: field });
  }
  return `${kind}:${slug}`;
}

function checkId(id: string, kind: EntityKind, field: string): void {
  if (!isIdOf(id, [kind])) throw new ValidationError(`${field} must be an id like ${kind}:…`, { path: field });
}

/** How many times an edit without `expectedVersion` is merged again onto a newer version before CONFLICT. */
export const MAX_MERGE_ATTEMPTS = 5;

/**
 * The record an editor's input makes of the stored state, checked before anything is
 * written: the validators, the table's limits, and one BatchGetItem for every record it
 * refers to (each must exist and not be deleted).
 * @throws ValidationError naming the field (and the id, for a reference) at fault.
 */
async function plannedRecord(
  ctx: Context,
  key: ApiKey,
  kind: EntityKind,
  id: string,
  stored: StoredEntity | null,
  input: RecordInput,
): Promise<{ record: EntityRecord; editorial: SourceRecord | null }> {
  const base =
    stored && !stored.deleted ? (stored.record as unknown as Record<string, unknown>) : { type: kind, id, ...newRecordDefaults(kind) };
  const { record, editorial } = citeEditorIfUncited(kind, mergeInput(base, normalizeIds(input) as RecordInput), key);
  const checked = checkRecord(record);
  if (!checked.ok) throw new ValidationError(`input: ${checked.reason}`, { path: 'input' });
  const unstorable = unstorableReason(checked.record);
  if (unstorable) throw new ValidationError(`input: ${unstorable}`, { path: 'input' });
  const absent = await absentRecords(ctx.db, referencedIds(checked.record));
  // The editor's own source is written just before the record, when it is not there yet.
  if (editorial && absent.get(editorial.id) === 'missing') absent.delete(editorial.id);
  const broken = brokenReferences(checked.record, (ref) => !absent.has(ref));
  if (broken.length > 0) {
    throw new ValidationError(
      describeBroken(broken, (ref) => absent.get(ref), 'input.'),
      { path: `input.${broken[0]?.field}` },
    );
  }
  return { record: checked.record, editorial };
}

/**
 * Creates or changes a record from an editor's input: the stored record (or a new one with
 * the defaults of its optional fields) with the input's fields applied, citing the editor
 * when it cites nothing else, checked by the same validators as the sync, then written
 * conditionally on the version it was merged onto. Without `expectedVersion`, a write that
 * loses to a concurrent one reads the newer version and merges the input onto it again (up
 * to `MAX_MERGE_ATTEMPTS` times), so two editors changing different fields both keep their change.
 * A new record (no `input.id`) must not take an existing id.
 * @param newId the id of a new record, from its input.
 * @throws ForbiddenError without an editor's key; ValidationError naming the field at fault
 *   (a reference to a missing or deleted record among them); ConflictError when the stored
 *   version is not `expectedVersion`, or the merges kept losing.
 */
export async function upsertRecord<I extends RecordInput>(
  ctx: Context,
  kind: EntityKind,
  args: UpsertArgs<I>,
  newId: (input: I) => string,
): Promise<Model> {
  const key = requireEditor(ctx.caller);
  const { input } = args;
  const given = input.id ?? null;
  if (given !== null) checkId(given, kind, 'input.id');
  const id = given ?? newId(input);
  const held = given === null ? 0 : (args.expectedVersion ?? undefined);
  let result: WriteResult | undefined;
  for (let attempt = 1; result === undefined; attempt++) {
    const stored = given === null ? null : await getEntity(ctx.db, id, true);
    const { record, editorial } = await plannedRecord(ctx, key, kind, id, stored, input);
    if (editorial) await ensureEditorialSource(ctx.db, editorial, key);
    try {
      result = await writeEntity(
        ctx.db,
        record,
        { actor: `editor:${key.name}`, expectedVersion: held ?? stored?.version ?? 0 },
        given === null ? undefined : stored,
      );
    } catch (error) {
      if (!(error instanceof ConflictError) || held !== undefined || attempt >= MAX_MERGE_ATTEMPTS) throw error;
    }
  }
  ctx.loaders.entity.clear(id);
  return toModel(result.entity) as Model;
}

/**
 * Soft-deletes a record: a new version marked deleted, the replaced one kept as a revision,
 * every list entry removed. Deleting a deleted record changes nothing.
 * @throws ForbiddenError without an editor's key; NotFoundError when there is no such record;
 *   ConflictError when the stored version is not `expectedVersion`.
 */
export async function deleteRecord(ctx: Context, kind: EntityKind, args: DeleteArgs): Promise<DeleteResultView> {
  const key = requireEditor(ctx.caller);
  checkId(args.id, kind, 'id');
  const stored = await getEntity(ctx.db, args.id, true);
  if (!stored) throw new NotFoundError(`${args.id} is not in the knowledge base`);
  const expectedVersion = args.expectedVersion ?? undefined;
  if (!stored.deleted) {
    const { count, some } = await referrers(ctx.db, args.id);
    if (count > 0) {
      const named = some.join(', ');
      throw new ConflictError(
        `${args.id} is referred to by ${count} record${count === 1 ? '' : 's'} (${named}${count > some.length ? ', …' : ''}); change or delete ${count === 1 ? 'it' : 'them'} first`,
        stored.version,
      );
    }
  }
  // Written against the state read above (no second read), on the condition that it is still the one stored.
  const result = await writeEntity(
    ctx.db,
    stored.record,
    { actor: `editor:${key.name}`, delete: true, expectedVersion: expectedVersion ?? stored.version },
    stored,
  );
  ctx.loaders.entity.clear(args.id);
  return { id: args.id, version: result.version, changed: result.outcome === 'deleted' };
}
