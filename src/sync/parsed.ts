import type { EntityRecord } from '../domain/records.js';

/**
 * What a parser yields for each record it reads: a checked record, or the reason it was
 * refused, with the line (or record) number where it starts.
 *
 * `mode: 'ensure'` creates the entity only when it is missing (a SIPRI party the table may
 * already know better from another source); `'upsert'` makes the stored entity equal the record.
 */
export type Parsed =
  | { line: number; ok: true; record: EntityRecord; mode: 'upsert' | 'ensure' }
  | { line: number; ok: false; reason: string };
