import type { EntityKind } from '../domain/ids.js';

/**
 * Every key format of the table, in one place.
 *
 * - An entity lives at `pk = <id>`, `sk = "#"`; its revisions beside it at `sk = "REV#<version>"`.
 * - Every list an entity appears in is an index item `{ pk: <list>, sk: <order>#<id>, ref: <id> }`
 *   in the same table: a list is one Query on its partition, ordered by `sk`.
 * - Dated lists order by the first day the fact's date covers (`YYYY-MM-DD`), and carry the
 *   last day in `e`, so a date range is a key range plus a check on `e`.
 */
export const ENTITY_SK = '#';
export const REVISION_PREFIX = 'REV#';

/** The key of an entity's item. */
export function entityKey(id: string): { pk: string; sk: string } {
  return { pk: id, sk: ENTITY_SK };
}

/** The key of the revision that kept `version` of an entity when it was replaced. */
export function revisionKey(id: string, version: number): { pk: string; sk: string } {
  return { pk: id, sk: `${REVISION_PREFIX}${String(version).padStart(10, '0')}` };
}

/** The partitions of the lists, named after the access pattern each one serves. */
export const LIST = {
  /** Every entity of a kind: leaders by name, meetings/deals/events/statements by date. */
  all: (kind: EntityKind) => `ALL#${kind}`,
  /** Leaders of a country, by name. */
  leadersOf: (countryCode: string) => `LEADERS#${countryCode}`,
  /** Roles by start date, per country and across all (`*`): serves `activeOn`. */
  roles: (countryCode: string) => `ROLES#${countryCode}`,
  /** Meetings a leader took part in, or a country was party to, by date. */
  meetingsOf: (id: string) => `MEETINGS#${id}`,
  /** Statements by a speaker, or made at a meeting, by date. */
  statementsOf: (id: string) => `STATEMENTS#${id}`,
  /** Deals by supplier, by recipient, and between the two, by date agreed. */
  dealsSuppliedBy: (actorId: string) => `DEALS#S#${actorId}`,
  dealsReceivedBy: (actorId: string) => `DEALS#R#${actorId}`,
  dealsBetween: (supplierId: string, recipientId: string) => `DEALS#${supplierId}#${recipientId}`,
  /** Events an actor took part in or was targeted by, and events of a kind, by date. */
  eventsOf: (actorId: string) => `EVENTS#${actorId}`,
  eventsOfKind: (kind: string) => `EVENTS#KIND#${kind}`,
  /** Everything between two countries, by date: the bilateral timeline. */
  pair: (a: string, b: string) => `PAIR#${[a, b].sort().join('#')}`,
  /** Names and aliases (and every word-start suffix of them), folded, by first character. */
  names: (firstChar: string) => `NAMES#${firstChar}`,
  /** Data sync runs, by start time. */
  syncRuns: () => 'SYNCRUNS',

  // Reverse links and cross-source lists (issue 11), kept apart for the list model to absorb.
  /** Leaders of an organisation (their own organisation or a role in it), by name. */
  leadersOfOrganization: (organizationId: string) => `LEADERS#ORG#${organizationId}`,
  /** Events that answered an event, by the answering event's date. */
  responsesTo: (eventId: string) => `RESPONSES#${eventId}`,
  /** Deals an actor is a party to, either side, by date agreed. */
  dealsOf: (actorId: string) => `DEALS#A#${actorId}`,
  /** Deals that are not SIPRI register records (the article's), by date agreed: the candidates of deal matching. */
  curatedDeals: () => 'DEALS#CURATED',
  /** Register records that describe a deal of another source (`sameAs`), by date agreed. */
  sourceRecordsOf: (dealId: string) => `SAMEAS#${dealId}`,
} as const;

/**
 * An editor's decision that a register record does (or does not) describe a curated deal,
 * beside the register record's own partition: deal matching at later syncs keeps to it.
 */
export function dealLinkDecisionKey(registerDealId: string, curatedDealId: string): { pk: string; sk: string } {
  return { pk: `DEALLINK#${registerDealId}`, sk: curatedDealId };
}

/** The sort key of a dated index item: first day covered, then the id for a stable order. */
export function datedSortKey(firstDay: string, id: string): string {
  return `${firstDay}#${id}`;
}

/** Lowest and highest sort keys of dated lists (dates are YYYY-MM-DD). */
export const DATE_KEY_MIN = '0000-00-00';
export const DATE_KEY_MAX = '9999-12-31';
