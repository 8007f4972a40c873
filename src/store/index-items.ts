import type { EntityKind } from '../domain/ids.js';
import { countryId } from '../domain/ids.js';
import { dateRange, yearBefore } from '../domain/partial-date.js';
import { type DealRecord, type EntityRecord, responseLinks } from '../domain/records.js';
import { referencedIds } from '../domain/references.js';
import { roleSpan } from '../domain/roles.js';
import { foldName, wordSuffixes } from '../domain/text.js';
import { DATE_KEY_MAX, DATE_KEY_MIN, datedSortKey, LIST } from './keys.js';

/**
 * An item that places an entity in one list. `ref` is the entity's id; `t` its kind (to
 * resolve unions without reading the entity); `e` the last day a dated fact covers;
 * `st` and `k` the status and kind that list filters check.
 */
export interface IndexItem {
  pk: string;
  sk: string;
  ref: string;
  t: EntityKind;
  e?: string;
  st?: string;
  k?: string;
  /** Country code of a leader's name entries, for `leaders(filter: {nameStartsWith, country})`. */
  c?: string;
  /** On a deal's entries: the deal of another source it describes, so lists show each transfer once. */
  dup?: string;
}

function dated(pk: string, record: EntityRecord, date: string | undefined, endDate?: string): IndexItem {
  const first = date ? dateRange(date).start : DATE_KEY_MIN;
  const last = endDate ? dateRange(endDate).end : date ? dateRange(date).end : DATE_KEY_MAX;
  return { pk, sk: datedSortKey(first, record.id), ref: record.id, t: record.type, e: last };
}

function named(pk: string, record: EntityRecord, name: string): IndexItem {
  return { pk, sk: `${foldName(name)}#${record.id}`, ref: record.id, t: record.type };
}

/** Search entries: every word-start suffix of the name and of each alias. */
function nameItems(record: EntityRecord, names: string[]): IndexItem[] {
  const suffixes = new Set(names.flatMap((n) => wordSuffixes(foldName(n))));
  return [...suffixes]
    .filter((s) => s.length > 0)
    .map((s) => ({ pk: LIST.names([...s][0] as string), sk: `${s}#${record.id}`, ref: record.id, t: record.type }));
}

/** Bilateral timeline entries: one per unordered pair of distinct countries. */
function pairItems(record: EntityRecord, codes: string[], date: string | undefined, endDate?: string): IndexItem[] {
  const unique = [...new Set(codes)].sort();
  const items: IndexItem[] = [];
  for (let i = 0; i < unique.length; i++) {
    for (let j = i + 1; j < unique.length; j++) {
      items.push(dated(LIST.pair(unique[i] as string, unique[j] as string), record, date, endDate));
    }
  }
  return items;
}

const countryOf = (actorId: string) => (actorId.startsWith('country:') ? actorId.slice('country:'.length) : null);

/**
 * The partition beside a dated list that lists again its facts spanning more than a year. A
 * date-range read starts a year before `from` (see `queryList`); these are the facts that
 * start earlier yet can still reach `from`, and the read takes them from here.
 */
export function longFactsOf(pk: string): string {
  return `${pk}#LONG`;
}

/** Whether a dated item's fact spans more than a year (undated facts span all time). */
function isLong(item: IndexItem): boolean {
  return item.e !== undefined && item.sk.slice(0, DATE_KEY_MIN.length) < yearBefore(item.e);
}

/**
 * Every index item an entity needs, derived from the record alone, so the set to write (and
 * the set a previous version needs removed) can always be recomputed.
 */
export function indexItemsOf(record: EntityRecord): IndexItem[] {
  const items = listItemsOf(record);
  // Roles are read from the start of their list (`activeOn`): they need no second entries.
  const long = record.type === 'leader' ? [] : items.filter(isLong).map((item) => ({ ...item, pk: longFactsOf(item.pk) }));
  return [...items, ...long, ...referenceItemsOf(record)];
}

function listItemsOf(record: EntityRecord): IndexItem[] {
  switch (record.type) {
    case 'source':
      return [named(LIST.all('source'), record, record.title)];
    case 'country':
      return [named(LIST.all('country'), record, record.code), ...nameItems(record, [record.name, ...record.aliases])];
    case 'organization':
      return [named(LIST.all('organization'), record, record.name), ...nameItems(record, [record.name, ...record.aliases])];
    case 'leader': {
      const names = nameItems(record, [record.name, ...record.aliases]).map((i) => (record.country ? { ...i, c: record.country } : i));
      const items = [named(LIST.all('leader'), record, record.name), ...names];
      if (record.country) items.push(named(LIST.leadersOf(record.country), record, record.name));
      record.roles.forEach((role, i) => {
        // A role nothing dates is listed nowhere by date: it would otherwise match every `activeOn`.
        const span = roleSpan(role);
        if (!span) return;
        for (const code of new Set(['*', ...(role.country ? [role.country] : record.country ? [record.country] : [])])) {
          items.push({ pk: LIST.roles(code), sk: `${span.start}#${record.id}#${i}`, ref: record.id, t: 'leader', e: span.end });
        }
      });
      return [...items, ...organizationLeaderItems(record)];
    }
    case 'meeting': {
      const at = (pk: string) => ({ ...dated(pk, record, record.date, record.endDate), st: record.status });
      return [
        at(LIST.all('meeting')),
        ...record.participants.map((p) => at(LIST.meetingsOf(p))),
        // An invitee's meetings include the meetings they were invited to.
        ...(record.invitations ?? []).map((i) => at(LIST.meetingsOf(i.invitee))),
        ...record.countries.map((c) => at(LIST.meetingsOf(countryId(c)))),
        ...pairItems(record, record.countries, record.date, record.endDate),
      ];
    }
    case 'deal': {
      const at = (pk: string): IndexItem => ({
        ...dealDated(pk, record),
        st: record.status,
        ...(record.sameAs ? { dup: record.sameAs } : {}),
      });
      const codes = [countryOf(record.supplier), countryOf(record.recipient)].filter((c): c is string => c !== null);
      return [
        at(LIST.all('deal')),
        at(LIST.dealsSuppliedBy(record.supplier)),
        at(LIST.dealsReceivedBy(record.recipient)),
        at(LIST.dealsBetween(record.supplier, record.recipient)),
        ...pairItems(record, codes, record.agreedOn).map((item) => at(item.pk)),
        ...dealLinkItems(record, at),
      ];
    }
    case 'event': {
      const at = (pk: string) => ({ ...dated(pk, record, record.date, record.endDate), k: record.kind });
      const parties = [...new Set([...record.actors, ...record.targets])];
      // Records stored before `countries` existed lack it.
      const about = record.countries ?? [];
      const sides = [record.actors, record.targets].map((ids) => ids.map(countryOf).filter((c): c is string => c !== null));
      const pairs = (sides[0] ?? []).flatMap((a) => (sides[1] ?? []).map((b) => [a, b]));
      return [
        at(LIST.all('event')),
        at(LIST.eventsOfKind(record.kind)),
        ...parties.map((p) => at(LIST.eventsOf(p))),
        ...pairs.flatMap((pair) => pairItems(record, pair, record.date, record.endDate)),
        // Countries acting together are in a relation too (Russia and Iran over a delivery).
        ...pairItems(record, sides[0] ?? [], record.date, record.endDate),
        // The states it is about, beyond its parties (sanctions over transfers between two of them).
        ...pairItems(record, [...about, ...(sides[0] ?? []), ...(sides[1] ?? [])], record.date, record.endDate).filter((item) =>
          about.some((c) => item.pk.split('#').includes(c)),
        ),
        ...responseLinks(record).map((link) => at(LIST.responsesTo(link.event))),
      ];
    }
    case 'statement': {
      const items = [
        dated(LIST.all('statement'), record, record.date),
        dated(LIST.statementsOf(record.speaker), record, record.date),
        ...(record.coSpeakers ?? []).map((s) => dated(LIST.statementsOf(s), record, record.date)),
        ...pairItems(record, record.countries, record.date),
      ];
      if (record.meeting) items.push(dated(LIST.statementsOf(record.meeting), record, record.date));
      return items;
    }
  }
}

// Reverse links and cross-source lists (issue 11), kept apart for the list model to absorb.

/** A leader's entries in the leader lists of the organisations they lead or hold roles in. */
function organizationLeaderItems(record: Extract<EntityRecord, { type: 'leader' }>): IndexItem[] {
  const organizations = new Set([record.organization, ...record.roles.map((r) => r.organization)].filter((o): o is string => !!o));
  return [...organizations].map((o) => named(LIST.leadersOfOrganization(o), record, record.name));
}

/**
 * Where a deal stands in dated lists: by its date of agreement; when no source gives one, it
 * was agreed at the latest when it became public, so its range runs up to `disclosedOn`.
 */
function dealDated(pk: string, record: DealRecord): IndexItem {
  if (record.agreedOn || !record.disclosedOn) return dated(pk, record, record.agreedOn);
  return { pk, sk: datedSortKey(DATE_KEY_MIN, record.id), ref: record.id, t: record.type, e: dateRange(record.disclosedOn).end };
}

/** A SIPRI register record is one whose id the SIPRI parser made; every other deal is curated. */
export function isRegisterDeal(id: string): boolean {
  return id.startsWith('deal:sipri-');
}

function dealLinkItems(record: DealRecord, at: (pk: string) => IndexItem): IndexItem[] {
  const items = [at(LIST.dealsOf(record.supplier)), at(LIST.dealsOf(record.recipient))];
  if (!isRegisterDeal(record.id)) items.push(at(LIST.curatedDeals()));
  if (record.sameAs) items.push(at(LIST.sourceRecordsOf(record.sameAs)));
  return items;
}

// ---------------------------------------------------------------- reverse references

/**
 * The partition listing who refers to `id`: one item per referring record, so "is this record
 * referred to, and by what?" is a Query on one key (a count, or a first page), never a Scan.
 */
export function referrersOf(id: string): string {
  return `REFS#${id}`;
}

/**
 * One item per record this record refers to, in the referred record's `REFS#` partition,
 * sorted by the referring id. They are written, moved and removed with the record's other
 * index items, so they always match the stored record.
 */
function referenceItemsOf(record: EntityRecord): IndexItem[] {
  return referencedIds(record).map((target) => ({ pk: referrersOf(target), sk: record.id, ref: record.id, t: record.type }));
}

// ---------------------------------------------------------------- changes between versions

/** The items' keys as strings, to compare two versions' sets. */
export function keyString(item: { pk: string; sk: string }): string {
  return `${item.pk}\u0000${item.sk}`;
}

/** Index items to write and keys to delete to move from `before`'s lists to `after`'s. */
export function indexChanges(before: EntityRecord | null, after: EntityRecord | null) {
  const next = after ? dedupe(indexItemsOf(after)) : [];
  const keep = new Set(next.map(keyString));
  const stale = before ? dedupe(indexItemsOf(before)).filter((i) => !keep.has(keyString(i))) : [];
  return { put: next, remove: stale.map(({ pk, sk }) => ({ pk, sk })) };
}

function dedupe(items: IndexItem[]): IndexItem[] {
  const seen = new Map<string, IndexItem>();
  for (const item of items) seen.set(keyString(item), item);
  return [...seen.values()];
}
