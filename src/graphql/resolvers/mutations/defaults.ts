import type { EntityKind } from '../../../domain/ids.js';
import type { SourceRecord } from '../../../domain/records.js';
import type { ApiKey } from '../../../store/api-keys.js';
import type { Db } from '../../../store/db.js';
import { writeEntity } from '../../../store/entities.js';

/**
 * What a new record gets for the optional input fields it leaves out, as the schema describes
 * them (`confidence`: "REPORTED when a new … leaves it out"). Required facts (a deal's parties
 * and items, a meeting's date) have no default: without them the record is refused.
 */
const NEW_RECORD_DEFAULTS: Partial<Record<EntityKind, Record<string, unknown>>> = {
  deal: { confidence: 'REPORTED' },
  event: { confidence: 'REPORTED' },
  organization: { kind: 'UNKNOWN' },
};

/** The fields a new record of `kind` starts from, before the input's are applied. */
export function newRecordDefaults(kind: EntityKind): Record<string, unknown> {
  return { ...NEW_RECORD_DEFAULTS[kind] };
}

/** Kinds whose records cite their sources. */
const CITING: readonly EntityKind[] = ['organization', 'leader', 'meeting', 'deal', 'event', 'statement'];

/**
 * The source an editor's uncited statement of fact rests on: the editor's own word, one
 * source per key (its id from the key's id, its title naming the key's holder).
 */
export function editorialSource(key: ApiKey): SourceRecord {
  return {
    type: 'source',
    id: `source:editorial-${key.id}`,
    title: `Editorial entry by ${key.name}`,
    publisher: 'Editors of this knowledge base',
  };
}

/**
 * A record that cites nothing (a new one sent without citations, or one whose citations an
 * edit cleared) cites the editor instead: every fact keeps a source, and the source says who
 * vouched for it.
 * @returns the record to write, and the editorial source it needs (null when it cites others).
 */
export function citeEditorIfUncited(
  kind: EntityKind,
  record: Record<string, unknown>,
  key: ApiKey,
): { record: Record<string, unknown>; editorial: SourceRecord | null } {
  const cited = Array.isArray(record.citations) && record.citations.length > 0;
  if (!CITING.includes(kind) || cited) return { record, editorial: null };
  const editorial = editorialSource(key);
  return { record: { ...record, citations: [{ source: editorial.id }] }, editorial };
}

/** Makes sure the editorial source exists (written once; later calls cost one read). */
export async function ensureEditorialSource(db: Db, source: SourceRecord, key: ApiKey): Promise<void> {
  await writeEntity(db, source, { actor: `editor:${key.name}`, mode: 'ensure' });
}
