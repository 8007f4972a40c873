import type { EventRecord, FactLink } from './records.js';

/**
 * The links of an event to the events it answered. A bare id is a link the source states as
 * established (CONFIRMED); a link object carries its own confidence and who claims it.
 *
 * A module of its own, importing the records' types only: the query path needs it, and the
 * record schemas (zod) are loaded with the first mutation, not at a cold start.
 */
export function responseLinks(record: Pick<EventRecord, 'respondsTo'>): FactLink[] {
  return (record.respondsTo ?? []).map((link) =>
    typeof link === 'string' ? { event: link, confidence: 'CONFIRMED', citations: [] } : link,
  );
}
