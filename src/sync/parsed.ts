import type { EntityRecord } from '../domain/records.js';

/**
 * What a parser yields for each record it reads: a checked record, or the reason it was
 * refused, with the line (or record) number where it starts.
 *
 * `mode: 'ensure'` creates the entity only when it is missing (a SIPRI party the table may
 * already know better from another source); `'upsert'` makes the stored entity equal the record.
 * `snapshot` is when the source was generated (SIPRI's "Data generated", the feed header's
 * `generatedAt`), so that an older export never replaces what a newer one stored.
 */
export type Parsed =
  | { line: number; ok: true; record: EntityRecord; mode: 'upsert' | 'ensure'; snapshot?: string }
  | { line: number; ok: false; reason: string };
