import { isIdOf } from '../../domain/ids.js';
import { checkRecord, type LeaderRecord } from '../../domain/records.js';
import { slugify } from '../../domain/text.js';
import { ValidationError } from '../../errors.js';
import { getEntity, writeEntity } from '../../store/entities.js';
import { requireEditor } from '../auth.js';
import type { Context } from '../context.js';
import { toModel } from '../models.js';

interface LeaderInput {
  id?: string | null;
  name: string;
  aliases?: string[] | null;
  country?: string | null;
  roles?: LeaderRecord['roles'] | null;
  citations?: LeaderRecord['citations'] | null;
}

/** Drops nulls that GraphQL inputs carry for "not given" optional fields. */
function withoutNulls<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_, v) => (v === null ? undefined : v))) as T;
}

/**
 * The leader an editor's input describes: the stored one with the given fields replaced.
 * Absent fields keep what is stored; `country: null` clears the country.
 */
function mergeLeader(id: string, input: LeaderInput, stored: LeaderRecord | null): unknown {
  const base = stored ?? { type: 'leader' as const, id, name: input.name, aliases: [], roles: [], citations: [] };
  const merged: Record<string, unknown> = { ...base, name: input.name };
  if (input.aliases) merged.aliases = input.aliases;
  if (input.roles) merged.roles = input.roles.map((r) => withoutNulls(r));
  if (input.citations) merged.citations = input.citations.map((c) => withoutNulls(c));
  if (input.country === null) delete merged.country;
  else if (input.country !== undefined) merged.country = input.country;
  return merged;
}

export const Mutation = {
  upsertLeader: async (_: unknown, args: { input: LeaderInput; expectedVersion?: number | null }, ctx: Context) => {
    const key = requireEditor(ctx.caller);
    const { input } = args;
    if (input.id !== undefined && input.id !== null && !isIdOf(input.id, ['leader'])) {
      throw new ValidationError('input.id must be the id of a leader, such as leader:vladimir-putin', { path: 'input.id' });
    }
    const isNew = input.id === undefined || input.id === null;
    const id = input.id ?? `leader:${slugify(input.name).slice(0, 120)}`;
    if (id === 'leader:') throw new ValidationError('input.name needs at least one letter or digit', { path: 'input.name' });
    const stored = isNew ? null : await getEntity(ctx.db, id, true);
    const checked = checkRecord(mergeLeader(id, input, stored && !stored.deleted ? (stored.record as LeaderRecord) : null));
    if (!checked.ok) throw new ValidationError(`input: ${checked.reason}`, { path: 'input' });
    // A new leader must not take an existing id; a change is conditional when asked to be.
    const expectedVersion = isNew ? 0 : (args.expectedVersion ?? undefined);
    const result = await writeEntity(ctx.db, checked.record, {
      actor: `editor:${key.name}`,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    ctx.loaders.entity.clear(id);
    return toModel(result.entity);
  },
};
