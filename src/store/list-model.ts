/**
 * The list model, declared once: every list of the table, and for every kind of entity the
 * lists it belongs to, its sort key and the attributes its lists can be filtered on. The
 * index items written with an entity (`index-items.ts`), the counters kept beside each list
 * (`counters.ts`), and the reads, filters, counts and cursors of `lists.ts` are all derived
 * from these declarations; nothing else in the code knows a list's key format.
 *
 * A list is one partition, `pk = <list key>`, ordered by `sk`:
 * - dated lists by the first day the fact covers, `YYYY-MM-DD#<id>` (undated facts first);
 *   a fact spanning more than a year is listed a second time in `<list key>#LONG`, so a
 *   date range, which reads a year before `from` at most, still finds it;
 * - named lists by the folded name, `<folded name>#<id>`;
 * - lists by id, `<id>`: the referrers of a record, read whole, so a change that keeps a
 *   reference keeps its entry (whatever its date or name becomes).
 *
 * To add a list: add its key template to `LISTS` (a function of what names one instance of
 * it), then list it in the `lists` of each kind that belongs to it in `KINDS`. If the list
 * is filtered on something its items do not carry yet, add the attribute to `Attributes`,
 * to `ATTRIBUTE_NAMES` (its stored name) and to the kind's `attributes`. Its index items,
 * its counter (for `totalCount`) and its reads follow; existing entities get their entries
 * on their next write, a re-sync, or `npm run reindex` (which rebuilds every declared list
 * and recomputes every counter from the lists it counts).
 */
import type { EntityKind } from '../domain/ids.js';
import { countryId } from '../domain/ids.js';
import type { EntityRecord, RecordOf } from '../domain/records.js';
import { referencedIds } from '../domain/references.js';
import { responseLinks } from '../domain/response-links.js';
import { roleSpan } from '../domain/roles.js';
import { searchFold, variantsOf } from '../domain/search-text.js';
import { foldName, wordSuffixes } from '../domain/text.js';
import { type SearchField, searchKeysOf, searchPrefix } from './search-items.js';

/** How a list is ordered: by date (dated facts), by folded name, or by the entity's id alone (referrers). */
export type ListOrder = 'date' | 'name' | 'id';

/** One list: its partition and how it behaves. */
export interface ListRef {
  /** The partition key of the list. */
  pk: string;
  order: ListOrder;
  /**
   * Whether each entity has at most one entry in it, so a counter item counts its entities
   * exactly. Lists where an entity has several entries (roles, name suffixes) are counted by
   * reading the distinct entities of the range instead.
   */
  counted: boolean;
  /** Whether facts spanning more than a year are listed again in `<pk>#LONG` (dated lists). */
  long: boolean;
}

const dated = (pk: string): ListRef => ({ pk, order: 'date', counted: true, long: true });
const named = (pk: string): ListRef => ({ pk, order: 'name', counted: true, long: false });

/** Every list of the table, named after the access pattern each one serves. */
export const LISTS = {
  /** Every entity of a kind: sources, countries, organisations and leaders by name, facts by date. */
  all: (kind: EntityKind): ListRef => (DATED_KINDS.has(kind) ? dated(`ALL#${kind}`) : named(`ALL#${kind}`)),
  /** Leaders of a country, by name. */
  leadersOf: (countryCode: string) => named(`LEADERS#${countryCode}`),
  /** Roles by start date, per country and across all (`*`): serves `activeOn`. A leader has one entry per role. */
  roles: (countryCode: string): ListRef => ({ pk: `ROLES#${countryCode}`, order: 'date', counted: false, long: false }),
  /** Names and aliases (and every word-start suffix of them), folded, by their first character. */
  names: (firstChar: string): ListRef => ({ pk: `NAMES#${firstChar}`, order: 'name', counted: false, long: false }),
  /** Meetings a leader took part in, or a country was party to, by date. */
  meetingsOf: (id: string) => dated(`MEETINGS#${id}`),
  /** Statements by a speaker, or made at a meeting, by date. */
  statementsOf: (id: string) => dated(`STATEMENTS#${id}`),
  /** Deals by supplier, by recipient, and between the two, by date agreed. */
  dealsSuppliedBy: (actorId: string) => dated(`DEALS#S#${actorId}`),
  dealsReceivedBy: (actorId: string) => dated(`DEALS#R#${actorId}`),
  dealsBetween: (supplierId: string, recipientId: string) => dated(`DEALS#${supplierId}#${recipientId}`),
  /** Events an actor took part in or was targeted by, and events of a kind, by date. */
  eventsOf: (actorId: string) => dated(`EVENTS#${actorId}`),
  eventsOfKind: (kind: string) => dated(`EVENTS#KIND#${kind}`),
  /** Everything between two countries, by date: the bilateral timeline. */
  pair: (a: string, b: string) => dated(`PAIR#${[a, b].sort().join('#')}`),
  /** Data sync runs, by start time (written by `sync-runs.ts`, counted by reading them). */
  syncRuns: (): ListRef => ({ pk: 'SYNCRUNS', order: 'date', counted: false, long: false }),
  /** Leaders of an organisation (their own organisation or a role in it), by name. */
  leadersOfOrganization: (organizationId: string) => named(`LEADERS#ORG#${organizationId}`),
  /** Events that answered an event, by the answering event's date. */
  responsesTo: (eventId: string) => dated(`RESPONSES#${eventId}`),
  /** Deals an actor is a party to, either side, by date agreed. */
  dealsOf: (actorId: string) => dated(`DEALS#A#${actorId}`),
  /** Deals that are not SIPRI register records (the article's), by date agreed: the candidates of deal matching. */
  curatedDeals: () => dated('DEALS#CURATED'),
  /** Register records that describe a deal of another source (`sameAs`), by date agreed. */
  sourceRecordsOf: (dealId: string) => dated(`SAMEAS#${dealId}`),
  /**
   * Records that refer to a record (`domain/references.ts`), by id: a delete of a record
   * still referred to is refused after one Query of it. Not counted: the delete counts the
   * few it finds, and a counter would cost every write an update.
   */
  referrersOf: (id: string): ListRef => ({ pk: `REFS#${id}`, order: 'id', counted: false, long: false }),
  /**
   * Search entries of every kind (`searchAll`, see search-items.ts), by the first two
   * characters of their folded key, ordered by key, then newest first. A record has many.
   */
  find: (firstTwo: string): ListRef => ({ pk: `FIND#${firstTwo}`, order: 'name', counted: false, long: false }),
} as const;

/** The referrers lists of every record `record` refers to: every kind belongs to them. */
const referred = (record: EntityRecord): ListRef[] => referencedIds(record).map((id) => LISTS.referrersOf(id));

/** A SIPRI register record is one whose id the SIPRI parser made; every other deal is curated. */
export function isRegisterDeal(id: string): boolean {
  return id.startsWith('deal:sipri-');
}

const DATED_KINDS = new Set<EntityKind>(['meeting', 'deal', 'event', 'statement']);

/** The partition beside a dated list that lists again its facts spanning more than a year. */
export function longFactsOf(pk: string): string {
  return `${pk}#LONG`;
}

/**
 * What list reads can filter on, in the domain's words. Each is copied onto every index item
 * of the kinds that declare it, under the stored name of `ATTRIBUTE_NAMES`.
 */
export interface Attributes {
  /** The entity's kind (search entries of several kinds share a list). */
  entityKind: EntityKind;
  /** Meeting or deal status. */
  status: string;
  /** Event kind. */
  eventKind: string;
  /** How well a deal or event is established. */
  confidence: string;
  /** A leader's country (search entries). */
  country: string;
  /** Ids of a meeting's participants: "all of them" filters check each. */
  participants: string[];
  /** ISO codes of the countries a meeting or statement is between: "any of them" filters. */
  countries: string[];
  /** A deal's item designations, folded, each between `|`, so a prefix is a `contains` of `|<prefix>`. */
  designations: string;
  /** Who reported a statement, folded. */
  reporter: string;
  /** On a deal's entries: the deal of another source it describes, so lists show each transfer once. */
  sourceRecordOf: string;
  /** ISO code of the country where a statement was said. */
  place: string;
  /** Id of the organisation that carried a statement. */
  reporterId: string;
  /** On search entries: the field the key was made from, and where in it the key starts. */
  searchField: SearchField;
  searchPosition: number;
}

/** The stored attribute names: the one codec between the domain's names and the table's. */
export const ATTRIBUTE_NAMES: { [A in keyof Attributes]: string } = {
  entityKind: 't',
  status: 'st',
  eventKind: 'k',
  confidence: 'cf',
  country: 'c',
  participants: 'ps',
  countries: 'cs',
  designations: 'ds',
  reporter: 'rb',
  sourceRecordOf: 'dup',
  place: 'pl',
  reporterId: 'rp',
  searchField: 'f',
  searchPosition: 's',
};

/** Attributes whose values get a counter of their own beside a list's total. */
export const COUNTED_ATTRIBUTES = ['status', 'eventKind', 'confidence'] as const satisfies readonly (keyof Attributes)[];

/** Where an entity sorts in its lists: the dates it covers, or a name. */
export type SortValue = { date: string | undefined; endDate?: string | undefined } | { name: string };

/** An entry an entity has in a list of its own kind of sort key (roles, name suffixes). */
export interface ExtraEntry {
  list: ListRef;
  /** The sort key before `#<id>`. */
  sortKey: string;
  /** The last day it covers (roles). */
  end?: string;
  /** Makes the key unique when one entity has several entries in a list (role number). */
  suffix?: string;
  attributes?: Partial<Attributes>;
}

/** One kind's declaration: its sort value, its filterable attributes, its lists. */
interface KindModel<R extends EntityRecord> {
  sort(record: R): SortValue;
  attributes?(record: R): Partial<Attributes>;
  /** The lists where it has one entry, sorted by `sort`. */
  lists(record: R): ListRef[];
  /** Entries with their own sort keys: several per list are allowed. */
  extra?(record: R): ExtraEntry[];
}

const countryOf = (actorId: string) => (actorId.startsWith('country:') ? actorId.slice('country:'.length) : null);
const codesOf = (ids: readonly string[]) => ids.map(countryOf).filter((c): c is string => c !== null);

/** Bilateral timelines: one per unordered pair of distinct countries. */
function pairs(codes: readonly string[]): ListRef[] {
  const unique = [...new Set(codes)].sort();
  const lists: ListRef[] = [];
  for (let i = 0; i < unique.length; i++) {
    for (let j = i + 1; j < unique.length; j++) lists.push(LISTS.pair(unique[i] as string, unique[j] as string));
  }
  return lists;
}

/**
 * Name search entries: every word-start suffix of the name and of each alias, folded as a
 * search text is (other scripts in Latin letters), and of their known variant spellings, so
 * `search` and `nameStartsWith` find "Путин" and "Hizbollah" as `searchAll` does.
 */
function nameEntries(names: readonly string[], attributes: Partial<Attributes> = {}): ExtraEntry[] {
  const folded = names.map(searchFold);
  const suffixes = new Set([...folded, ...folded.flatMap(variantsOf)].flatMap(wordSuffixes));
  return [...suffixes].filter((s) => s.length > 0).map((s) => ({ list: LISTS.names([...s][0] as string), sortKey: s, attributes }));
}

/** Search entries across kinds: one per search key of the record, sorted by `<key>#<inverted date>`. */
function searchEntries(record: EntityRecord): ExtraEntry[] {
  return searchKeysOf(record).map((k) => ({
    list: LISTS.find(searchPrefix(k.key)),
    sortKey: `${k.key}#${k.inverted}`,
    attributes: { searchField: k.field, searchPosition: k.position },
  }));
}

/** Every kind's lists, declared once. */
export const KINDS: { [K in EntityKind]: KindModel<RecordOf<K>> } = {
  source: {
    sort: (r) => ({ name: r.title }),
    lists: (r) => [LISTS.all('source'), ...referred(r)],
    extra: (r) => searchEntries(r),
  },
  country: {
    sort: (r) => ({ name: r.code }),
    lists: (r) => [LISTS.all('country'), ...referred(r)],
    extra: (r) => [...nameEntries([r.name, ...r.aliases]), ...searchEntries(r)],
  },
  organization: {
    sort: (r) => ({ name: r.name }),
    lists: (r) => [LISTS.all('organization'), ...referred(r)],
    extra: (r) => [...nameEntries([r.name, ...r.aliases]), ...searchEntries(r)],
  },
  leader: {
    sort: (r) => ({ name: r.name }),
    lists: (r) => [
      LISTS.all('leader'),
      ...(r.country ? [LISTS.leadersOf(r.country)] : []),
      // The organisations they lead or hold roles in.
      ...[...new Set([r.organization, ...r.roles.map((role) => role.organization)].filter((o): o is string => !!o))].map((o) =>
        LISTS.leadersOfOrganization(o),
      ),
      ...referred(r),
    ],
    extra: (r) => [
      ...nameEntries([r.name, ...r.aliases], r.country ? { country: r.country } : {}),
      ...r.roles.flatMap((role, i) => {
        // A role nothing dates is listed nowhere by date: it would otherwise match every `activeOn`.
        const span = roleSpan(role);
        if (!span) return [];
        const codes = new Set(['*', ...(role.country ? [role.country] : r.country ? [r.country] : [])]);
        return [...codes].map((code) => ({ list: LISTS.roles(code), sortKey: span.start, end: span.end, suffix: String(i) }));
      }),
      ...searchEntries(r),
    ],
  },
  meeting: {
    sort: (r) => ({ date: r.date, endDate: r.endDate }),
    attributes: (r) => ({ status: r.status, participants: r.participants, countries: r.countries }),
    lists: (r) => [
      LISTS.all('meeting'),
      ...r.participants.map((p) => LISTS.meetingsOf(p)),
      // An invitee's meetings include the meetings they were invited to.
      ...(r.invitations ?? []).map((i) => LISTS.meetingsOf(i.invitee)),
      ...r.countries.map((c) => LISTS.meetingsOf(countryId(c))),
      ...pairs(r.countries),
      ...referred(r),
    ],
    extra: (r) => searchEntries(r),
  },
  deal: {
    // Without a date of agreement, it was agreed at the latest when it became public: its range runs up to `disclosedOn`.
    sort: (r) => ({ date: r.agreedOn, ...(!r.agreedOn && r.disclosedOn ? { endDate: r.disclosedOn } : {}) }),
    attributes: (r) => ({
      status: r.status,
      confidence: r.confidence,
      designations: `|${r.items.flatMap((i) => (i.designation ? [foldName(i.designation)] : [])).join('|')}|`,
      ...(r.sameAs ? { sourceRecordOf: r.sameAs } : {}),
    }),
    lists: (r) => [
      LISTS.all('deal'),
      LISTS.dealsSuppliedBy(r.supplier),
      LISTS.dealsReceivedBy(r.recipient),
      LISTS.dealsBetween(r.supplier, r.recipient),
      ...pairs(codesOf([r.supplier, r.recipient])),
      LISTS.dealsOf(r.supplier),
      LISTS.dealsOf(r.recipient),
      ...(isRegisterDeal(r.id) ? [] : [LISTS.curatedDeals()]),
      ...(r.sameAs ? [LISTS.sourceRecordsOf(r.sameAs)] : []),
      ...referred(r),
    ],
    extra: (r) => searchEntries(r),
  },
  event: {
    sort: (r) => ({ date: r.date, endDate: r.endDate }),
    attributes: (r) => ({ eventKind: r.kind, confidence: r.confidence }),
    lists: (r) => {
      const actors = codesOf(r.actors);
      const targets = codesOf(r.targets);
      // Records stored before `countries` existed lack it.
      const about = r.countries ?? [];
      return [
        LISTS.all('event'),
        LISTS.eventsOfKind(r.kind),
        ...[...new Set([...r.actors, ...r.targets])].map((p) => LISTS.eventsOf(p)),
        ...actors.flatMap((a) => targets.flatMap((b) => pairs([a, b]))),
        // Countries acting together are in a relation too (Russia and Iran over a delivery).
        ...pairs(actors),
        // The states it is about, beyond its parties (sanctions over transfers between two of them).
        ...pairs([...about, ...actors, ...targets]).filter((l) => about.some((c) => l.pk.split('#').includes(c))),
        ...responseLinks(r).map((link) => LISTS.responsesTo(link.event)),
        ...referred(r),
      ];
    },
    extra: (r) => searchEntries(r),
  },
  statement: {
    sort: (r) => ({ date: r.date }),
    attributes: (r) => ({
      countries: r.countries,
      ...(r.reportedBy ? { reporter: foldName(r.reportedBy) } : {}),
      ...(r.reporter ? { reporterId: r.reporter } : {}),
      ...(r.location?.country ? { place: r.location.country } : {}),
    }),
    lists: (r) => [
      LISTS.all('statement'),
      LISTS.statementsOf(r.speaker),
      ...(r.coSpeakers ?? []).map((s) => LISTS.statementsOf(s)),
      ...(r.meeting ? [LISTS.statementsOf(r.meeting)] : []),
      ...pairs(r.countries),
      ...referred(r),
    ],
    extra: (r) => searchEntries(r),
  },
};

/** Lowest and highest sort keys of dated lists (dates are YYYY-MM-DD). */
export const DATE_KEY_MIN = '0000-00-00';
export const DATE_KEY_MAX = '9999-12-31';

/** The key of an entry: its sort value, then the id for a stable order. */
export function entrySortKey(value: string, id: string, suffix?: string): string {
  return suffix === undefined ? `${value}#${id}` : `${value}#${id}#${suffix}`;
}
