import { type AttributeValue, QueryCommand, type QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DealRecord, EntityRecord } from '../domain/records.js';
import { byCodeUnits } from './canonical.js';
import type { Db } from './db.js';
import { keyString } from './index-items.js';

/**
 * Arms-transfer statistics, kept at write time: counter items that hold, per group and year of
 * order, the number of deals, TIV ordered and delivered and the numbers ordered and delivered.
 * A deal's write moves them by the difference between what the old and the new record
 * contribute (an unchanged record moves nothing), so an answer reads O(groups) counter items
 * and never a deal.
 *
 * One item per group and decade, holding the decade's years: field `<year>:<total>` (`2015:td`,
 * TIV delivered of deals ordered in 2015) and `<year>:src:<source>` (deals citing that source).
 * Beside them, by year of delivery where the source gives per-year figures, in the item of the
 * delivery's decade: `D<year>:<total>` (`D2016:td`, TIV delivered in 2016; `D2016:n`, deals
 * delivering that year, and `D2016:to`/`D2016:qo`, what those deals ordered), and
 * `D0000:<total>` for deals that delivered without such figures. A decade per item keeps both
 * sides small: an answer over ten years reads at most two items per group, not ten (one per
 * year) nor every year there is; a sync's batch moves a group's decade once, not once per year.
 * Seven counters per deal and decade, each `{ pk: STATS#<supplier|*>#<recipient|*>, sk }`, with
 * `<dec>` the first three digits of the year (`201` for 2010–2019, `000` when not known):
 *
 * | partition             | sort key                | serves                                       |
 * | --------------------- | ----------------------- | -------------------------------------------- |
 * | `STATS#*#*`           | `S#<dec>#<supplier>`    | no party filter, by supplier                 |
 * | `STATS#*#*`           | `R#<dec>#<recipient>`   | no party filter, by recipient                |
 * | `STATS#*#*`           | `Y#<dec>`               | no party filter, by year                     |
 * | `STATS#<supplier>#*`  | `R#<dec>#<recipient>`   | supplier filter, by recipient; both parties  |
 * | `STATS#<supplier>#*`  | `Y#<dec>`               | supplier filter, by year or as one group     |
 * | `STATS#*#<recipient>` | `S#<dec>#<supplier>`    | recipient filter, by supplier                |
 * | `STATS#*#<recipient>` | `Y#<dec>`               | recipient filter, by year or as one group    |
 *
 * So an answer is one Query over the key range of the decades asked for: the `S#` or `R#`
 * items of the filter's partition, or its `Y#` items (by year, or the filtered party as its only
 * group); with both parties, the supplier's items by recipient, kept to the recipient's.
 *
 * TIV is kept in millionths as integers so that DynamoDB's ADD (and the sums read back) are
 * exact; it is TIV, never money.
 *
 * Each transfer is one deal, as the lists count it: a register record that describes a curated
 * deal (`sameAs`, see docs/deal-matching.md) adds its figures (TIV, numbers, its source) in its
 * own years, but not a deal, since the curated deal it describes counts already. Linking and
 * unlinking change the register record, so its counters move with it like any other change.
 *
 * Exactly once: these counters are written by the list counters' machinery (`counters.ts`,
 * `applyCounts`), each change added under a marker that keeps it from being added twice.
 */

/** The totals of a group (TIV in millionths). */
export interface Totals {
  deals: number;
  tivOrdered: number;
  tivDelivered: number;
  numberOrdered: number;
  numberDelivered: number;
}

const TOTAL_FIELDS: Record<keyof Totals, string> = {
  deals: 'n',
  tivOrdered: 'to',
  tivDelivered: 'td',
  numberOrdered: 'qo',
  numberDelivered: 'qd',
};
const TOTAL_KEYS = Object.keys(TOTAL_FIELDS) as (keyof Totals)[];
const TOTAL_OF_FIELD = new Map(TOTAL_KEYS.map((k) => [TOTAL_FIELDS[k], k]));
const SOURCE_PREFIX = 'src:';

const STATS_PREFIX = 'STATS#';
const BY_SUPPLIER = 'S#';
const BY_RECIPIENT = 'R#';
const BY_YEAR = 'Y#';

/** The partition of the counters of deals from `supplier` to `recipient` (either `*`: any party). */
export function statsPartition(supplier: string, recipient: string): string {
  return `${STATS_PREFIX}${supplier}#${recipient}`;
}

/** Whether an item of partition `pk` is a statistics counter. */
export function isStatsCounter(pk: string): boolean {
  return pk.startsWith(STATS_PREFIX);
}

/** The year bucket of deals with no date of order (read only without a year filter). */
export const UNKNOWN_YEAR = '0000';
/** TIV as stored: millionths of a million TIV, whole numbers. */
export const TIV_SCALE = 1_000_000;

/** Marks the fields by year of delivery. */
const DELIVERY = 'D';

/** The field of `year`'s part of a counter: a total's short name, or `src:<source>`. */
const field = (year: string, part: string) => `${year}:${part}`;

function totalsOf(deal: DealRecord): Totals {
  const sum = (pick: (item: DealRecord['items'][number]) => number | undefined) => deal.items.reduce((s, i) => s + (pick(i) ?? 0), 0);
  return {
    deals: deal.sameAs === undefined ? 1 : 0,
    tivOrdered: Math.round((deal.tiv?.total ?? 0) * TIV_SCALE),
    tivDelivered: Math.round((deal.tiv?.delivered ?? 0) * TIV_SCALE),
    numberOrdered: sum((i) => i.quantity),
    numberDelivered: sum((i) => i.delivered),
  };
}

/** The decade of a year (`201` for 2015), the part of a counter's key that holds it. */
const decadeOf = (year: string) => year.slice(0, 3);

/** The keys of the counters a deal adds to in `decade`. */
function countersOf(deal: DealRecord, decade: string): { pk: string; sk: string }[] {
  const { supplier, recipient } = deal;
  const any = statsPartition('*', '*');
  return [
    { pk: any, sk: `${BY_SUPPLIER}${decade}#${supplier}` },
    { pk: any, sk: `${BY_RECIPIENT}${decade}#${recipient}` },
    { pk: any, sk: `${BY_YEAR}${decade}` },
    { pk: statsPartition(supplier, '*'), sk: `${BY_RECIPIENT}${decade}#${recipient}` },
    { pk: statsPartition(supplier, '*'), sk: `${BY_YEAR}${decade}` },
    { pk: statsPartition('*', recipient), sk: `${BY_SUPPLIER}${decade}#${supplier}` },
    { pk: statsPartition('*', recipient), sk: `${BY_YEAR}${decade}` },
  ];
}

/**
 * What a deal adds per year of delivery: each year's deliveries where the source gives them,
 * else, when something was delivered, all of it under UNKNOWN_YEAR. Each counts the deal once
 * (unless it describes another) and the deal's orders, so a year's group says what the deals
 * delivering that year ordered.
 */
function deliveriesOf(deal: DealRecord, totals: Totals): [string, Totals][] {
  const ordered = { deals: totals.deals, tivOrdered: totals.tivOrdered, numberOrdered: totals.numberOrdered };
  if (deal.deliveries && deal.deliveries.length > 0) {
    return deal.deliveries.map((d) => [
      String(d.year),
      { ...ordered, tivDelivered: Math.round((d.tiv ?? 0) * TIV_SCALE), numberDelivered: d.delivered ?? 0 },
    ]);
  }
  if (totals.tivDelivered === 0 && totals.numberDelivered === 0) return [];
  return [[UNKNOWN_YEAR, totals]];
}

/** The fields a deal adds to each of its counters, with what it adds to each. */
function fieldsOf(deal: DealRecord): Map<string, number> {
  const year = deal.agreedOn ? deal.agreedOn.slice(0, 4) : UNKNOWN_YEAR;
  const totals = totalsOf(deal);
  const fields = new Map<string, number>();
  for (const k of TOTAL_KEYS) if (totals[k] !== 0) fields.set(field(year, TOTAL_FIELDS[k]), totals[k]);
  for (const source of new Set(deal.citations.map((c) => c.source))) fields.set(field(year, `${SOURCE_PREFIX}${source}`), 1);
  for (const [delivered, part] of deliveriesOf(deal, totals)) {
    for (const k of TOTAL_KEYS) if (part[k] !== 0) fields.set(field(`${DELIVERY}${delivered}`, TOTAL_FIELDS[k]), part[k]);
  }
  return fields;
}

/** One statistics counter's part of a change: its key and what to add per field. */
export interface StatsDelta {
  key: { pk: string; sk: string };
  fields: Map<string, number>;
}

/**
 * How the counters move when `before` is replaced by `after` (either null for a creation or a
 * deletion): the new contribution minus the old one, fields and counters left unchanged dropped.
 */
export function statsDeltas(before: EntityRecord | null, after: EntityRecord | null): StatsDelta[] {
  const deltas = new Map<string, StatsDelta>();
  const add = (record: EntityRecord | null, sign: 1 | -1) => {
    if (record?.type !== 'deal') return;
    for (const [name, n] of fieldsOf(record)) {
      const parsed = parseField(name) as ParsedField;
      for (const key of countersOf(record, decadeOf(parsed.year))) {
        const delta = deltas.get(keyString(key)) ?? { key, fields: new Map<string, number>() };
        delta.fields.set(name, (delta.fields.get(name) ?? 0) + sign * n);
        deltas.set(keyString(key), delta);
      }
    }
  };
  add(before, -1);
  add(after, 1);
  for (const delta of deltas.values()) for (const [name, n] of delta.fields) if (n === 0) delta.fields.delete(name);
  return [...deltas.values()].filter((delta) => delta.fields.size > 0);
}

// ---------------------------------------------------------------- reading

/** What to total: parties (actor ids), a range of order years, and what to group by. */
export interface StatsQuery {
  supplier?: string;
  recipient?: string;
  fromYear?: number;
  toYear?: number;
  /** DELIVERY_YEAR groups by year of delivery; `fromYear` and `toYear` (years of order) are then not given. */
  groupBy: 'SUPPLIER' | 'RECIPIENT' | 'ORDER_YEAR' | 'DELIVERY_YEAR';
}

/** One group's totals and the sources its deals cite. */
export interface StatsGroup {
  /** The supplier's or recipient's id, or the year of order or delivery (UNKNOWN_YEAR when not known). */
  key: string;
  totals: Totals;
}

/** The groups, the totals over all of them, and the deals counted per source. */
export interface StatsAnswer {
  /** In the order of their keys (`byCodeUnits`), whatever order the engine returned the fields in. */
  groups: StatsGroup[];
  totals: Totals;
  /** Per source id, the records that cite it: most first, then by id. */
  sources: Record<string, number>;
}

const zero = (): Totals => ({ deals: 0, tivOrdered: 0, tivDelivered: 0, numberOrdered: 0, numberDelivered: 0 });

/** Most Query pages one answer reads (each up to 1 MB: far more than the groups of any filter). */
const MAX_STATS_PAGES = 10;

/** Where the counters of a query are: a key range of a partition, and, with both parties, the recipient's items of it. */
interface Counters {
  pk: string;
  low: string;
  high: string;
  /** The group an item of the range stands for (its party), when grouped by party. */
  prefix?: string;
  recipient?: string;
}

function countersFor(query: StatsQuery): Counters {
  const { supplier, recipient, groupBy } = query;
  const both = supplier !== undefined && recipient !== undefined;
  const pk = statsPartition(supplier ?? '*', both ? '*' : (recipient ?? '*'));
  const byYear = groupBy === 'ORDER_YEAR' || groupBy === 'DELIVERY_YEAR';
  // A filtered party grouped by its own side is one group: its partition's year items.
  const prefix = both
    ? BY_RECIPIENT
    : byYear || (groupBy === 'SUPPLIER' && supplier) || (groupBy === 'RECIPIENT' && recipient)
      ? BY_YEAR
      : groupBy === 'SUPPLIER'
        ? BY_SUPPLIER
        : BY_RECIPIENT;
  const low = query.fromYear === undefined ? '' : decadeOf(String(query.fromYear).padStart(4, '0'));
  const high = query.toYear === undefined ? '\uffff' : `${decadeOf(String(query.toYear).padStart(4, '0'))}\uffff`;
  return {
    pk,
    low: `${prefix}${low}`,
    high: `${prefix}${high}`,
    ...(prefix !== BY_YEAR ? { prefix } : {}),
    ...(both ? { recipient } : {}),
  };
}

/** A counter item as DynamoDB returns it: `{ N: "…" }` per field. */
type RawItem = Record<string, AttributeValue>;

/**
 * The counter items of `where`, as DynamoDB returns them: an answer reads hundreds of items of
 * dozens of fields and uses a few of each, so they are not converted to plain objects (the
 * document client's conversion took longer than the sums themselves; bench/README.md, 15.).
 */
async function readCounters(db: Db, where: Counters): Promise<RawItem[]> {
  const items: RawItem[] = [];
  let start: RawItem | undefined;
  for (let page = 0; page < MAX_STATS_PAGES; page++) {
    const out = await db.send<QueryCommandOutput>(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
        ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
        ExpressionAttributeValues: { ':pk': { S: where.pk }, ':low': { S: where.low }, ':high': { S: where.high } },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
    if (!start) break;
  }
  return where.recipient === undefined ? items : items.filter((item) => partyOf(item.sk?.S ?? '') === where.recipient);
}

/** The party of a group's item: its sort key after the kind and the decade (`S#201#<party>`). */
const partyOf = (sk: string) => sk.slice(sk.indexOf('#', 2) + 1);

/**
 * Totals deals by reading their counters: one Query (see the table above), then
 * the fields of the years asked for summed per group in memory. Deals of no known year count
 * only when no year bound is given. Grouped by year of delivery, the groups come from the
 * delivery fields and the overall totals and sources from the others, as for any grouping.
 */
export async function readStats(db: Db, query: StatsQuery): Promise<StatsAnswer> {
  const where = countersFor(query);
  const items = await readCounters(db, where);
  const anyYear = query.fromYear === undefined && query.toYear === undefined;
  const low = String(query.fromYear ?? 1).padStart(4, '0');
  const high = String(query.toYear ?? 9999).padStart(4, '0');
  const inRange = (year: string) => (year === UNKNOWN_YEAR ? anyYear : year >= low && year <= high);
  const byDelivery = query.groupBy === 'DELIVERY_YEAR';
  const byOrderYear = query.groupBy === 'ORDER_YEAR';
  const byParty = where.prefix !== undefined && where.recipient === undefined;
  const filtered = (query.groupBy === 'SUPPLIER' ? query.supplier : query.recipient) as string;
  const groups = new Map<string, Totals>();
  const totals = zero();
  const sources: Record<string, number> = {};
  const groupOf = (key: string) => {
    let group = groups.get(key);
    if (!group) {
      group = zero();
      groups.set(key, group);
    }
    return group;
  };
  // Every item repeats the same few hundred field names: each is worked out once per answer.
  const uses = new Map<string, FieldUse | null>();
  const useOf = (name: string): FieldUse | null => {
    let use = uses.get(name);
    if (use === undefined) {
      const parsed = parseField(name);
      use = parsed
        ? {
            ...parsed,
            total: TOTAL_OF_FIELD.get(parsed.part),
            inRange: inRange(parsed.year),
            ...(parsed.part.startsWith(SOURCE_PREFIX) ? { source: parsed.part.slice(SOURCE_PREFIX.length) } : {}),
          }
        : null;
      uses.set(name, use);
    }
    return use;
  };
  for (const item of items) {
    // Grouped by party, all of an item's fields go to its party's group (empty ones are dropped below).
    const own = byOrderYear || byDelivery ? undefined : groupOf(byParty ? partyOf(item.sk?.S ?? '') : filtered);
    for (const name in item) {
      const use = useOf(name);
      if (!use) continue;
      const n = Number(item[name]?.N);
      if (use.delivery) {
        if (byDelivery && use.total) groupOf(use.year)[use.total] += n;
        continue;
      }
      if (!use.inRange) continue;
      if (use.source !== undefined) {
        sources[use.source] = (sources[use.source] ?? 0) + n;
        continue;
      }
      if (!use.total) continue;
      totals[use.total] += n;
      if (byDelivery) continue;
      (own ?? groupOf(use.year))[use.total] += n;
    }
  }
  return {
    // A group may hold figures of register records alone (their curated deal counts elsewhere).
    groups: [...groups]
      .filter(([, t]) => TOTAL_KEYS.some((k) => t[k] !== 0))
      .sort(([a], [b]) => byCodeUnits(a, b))
      .map(([key, t]) => ({ key, totals: t })),
    totals,
    sources: Object.fromEntries(
      Object.entries(sources)
        .filter(([, n]) => n !== 0)
        .sort(([a, n], [b, m]) => m - n || byCodeUnits(a, b)),
    ),
  };
}

interface ParsedField {
  year: string;
  part: string;
  delivery: boolean;
}

/** What a field adds to an answer: its total (or source), and whether its year is asked for. */
interface FieldUse extends ParsedField {
  total: keyof Totals | undefined;
  source?: string;
  inRange: boolean;
}

/** A counter field's year, what it totals, and whether it is by year of delivery; undefined for other attributes. */
function parseField(name: string): ParsedField | undefined {
  const delivery = name.startsWith(DELIVERY);
  const at = delivery ? DELIVERY.length : 0;
  if (name[at + 4] !== ':' || !/^\d{4}$/.test(name.slice(at, at + 4))) return undefined;
  return { year: name.slice(at, at + 4), part: name.slice(at + 5), delivery };
}
