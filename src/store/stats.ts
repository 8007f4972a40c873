import type { DealRecord, EntityRecord } from '../domain/records.js';
import type { Db } from './db.js';

/**
 * Arms-transfer statistics, kept at write time: counter items that hold, per group, the
 * number of deals, TIV ordered and delivered and the numbers ordered and delivered. A deal's
 * write moves them by the difference between what the old and the new record contribute
 * (an unchanged record moves nothing), so an answer reads O(groups × years) counter items
 * and never a deal.
 *
 * Seven counters per deal, each `{ pk: STATS#<supplier|*>#<recipient|*>, sk: <dim>#<year>[#<party>] }`
 * with the year of order in the sort key, so a range of years is one key range:
 *
 * | partition             | sort key                | serves                                                 |
 * | --------------------- | ----------------------- | ------------------------------------------------------ |
 * | `STATS#*#*`           | `YS#<year>#<supplier>`  | no party filter, by supplier                           |
 * | `STATS#*#*`           | `YR#<year>#<recipient>` | no party filter, by recipient                          |
 * | `STATS#*#*`           | `Y#<year>`              | no party filter, by year                               |
 * | `STATS#<supplier>#*`  | `YR#<year>#<recipient>` | supplier filter, by supplier or recipient; both parties |
 * | `STATS#<supplier>#*`  | `Y#<year>`              | supplier filter, by year                               |
 * | `STATS#*#<recipient>` | `YS#<year>#<supplier>`  | recipient filter, by supplier or recipient             |
 * | `STATS#*#<recipient>` | `Y#<year>`              | recipient filter, by year                              |
 *
 * So an answer reads one item per group and year of the range (one per year when grouped by
 * year), except with both parties given, where it reads the supplier's counters of every
 * recipient in the range and keeps the recipient's.
 *
 * TIV is kept in millionths as integers so that DynamoDB's ADD (and the sums read back) are
 * exact; it is TIV, never money.
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

const TOTAL_ATTRIBUTES: Record<keyof Totals, string> = {
  deals: 'n',
  tivOrdered: 'to',
  tivDelivered: 'td',
  numberOrdered: 'qo',
  numberDelivered: 'qd',
};
const TOTAL_KEYS = Object.keys(TOTAL_ATTRIBUTES) as (keyof Totals)[];
const SOURCE_PREFIX = 'src:';

const STATS_PREFIX = 'STATS#';

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

/** One counter's change from one deal write. */
export interface CounterChange {
  pk: string;
  sk: string;
  year: string;
  supplier?: string;
  recipient?: string;
  totals: Totals;
  /** Deals counted per source cited. */
  sources: Record<string, number>;
}

const zero = (): Totals => ({ deals: 0, tivOrdered: 0, tivDelivered: 0, numberOrdered: 0, numberDelivered: 0 });

/** Whether a record contributes to the counters (only deals do). */
export function hasCounters(record: EntityRecord): boolean {
  return record.type === 'deal';
}

function totalsOf(deal: DealRecord): Totals {
  const sum = (pick: (item: DealRecord['items'][number]) => number | undefined) => deal.items.reduce((s, i) => s + (pick(i) ?? 0), 0);
  return {
    deals: 1,
    tivOrdered: Math.round((deal.tiv?.total ?? 0) * TIV_SCALE),
    tivDelivered: Math.round((deal.tiv?.delivered ?? 0) * TIV_SCALE),
    numberOrdered: sum((i) => i.quantity),
    numberDelivered: sum((i) => i.delivered),
  };
}

/** The counters a deal adds to, with what it adds. */
function contributionOf(record: EntityRecord | null): CounterChange[] {
  if (record?.type !== 'deal') return [];
  const year = record.agreedOn ? record.agreedOn.slice(0, 4) : UNKNOWN_YEAR;
  const totals = totalsOf(record);
  const sources = Object.fromEntries([...new Set(record.citations.map((c) => c.source))].map((s) => [s, 1]));
  const { supplier, recipient } = record;
  const bySupplier = { sk: `YS#${year}#${supplier}`, year, supplier, totals, sources };
  const byRecipient = { sk: `YR#${year}#${recipient}`, year, recipient, totals, sources };
  const byYear = { sk: `Y#${year}`, year, totals, sources };
  return [
    { pk: statsPartition('*', '*'), ...bySupplier },
    { pk: statsPartition('*', '*'), ...byRecipient },
    { pk: statsPartition('*', '*'), ...byYear },
    { pk: statsPartition(supplier, '*'), ...byRecipient },
    { pk: statsPartition(supplier, '*'), ...byYear },
    { pk: statsPartition('*', recipient), ...bySupplier },
    { pk: statsPartition('*', recipient), ...byYear },
  ];
}

/**
 * How the counters move when `before` is replaced by `after` (either null for a creation or a
 * deletion): the new contribution minus the old one, counters left unchanged dropped.
 */
export function counterChanges(before: EntityRecord | null, after: EntityRecord | null): CounterChange[] {
  const changes = new Map<string, CounterChange>();
  const add = (list: CounterChange[], sign: 1 | -1) => {
    for (const c of list) {
      const key = `${c.pk}\u0000${c.sk}`;
      const into = changes.get(key) ?? { ...c, totals: zero(), sources: {} };
      for (const k of TOTAL_KEYS) into.totals[k] += sign * c.totals[k];
      for (const [s, n] of Object.entries(c.sources)) into.sources[s] = (into.sources[s] ?? 0) + sign * n;
      changes.set(key, into);
    }
  };
  add(contributionOf(before), -1);
  add(contributionOf(after), 1);
  return [...changes.values()]
    .map((c) => ({ ...c, sources: Object.fromEntries(Object.entries(c.sources).filter(([, n]) => n !== 0)) }))
    .filter((c) => TOTAL_KEYS.some((k) => c.totals[k] !== 0) || Object.keys(c.sources).length > 0);
}

/** One statistics counter's part of a change: its key, what to add per field, and what it carries. */
export interface StatsDelta {
  key: { pk: string; sk: string };
  fields: Map<string, number>;
  set: Record<string, string>;
}

/** The statistics counters that moving `before` to `after` changes, as counter updates (see `counters.ts`). */
export function statsDeltas(before: EntityRecord | null, after: EntityRecord | null): StatsDelta[] {
  return counterChanges(before, after).map((c) => {
    const fields = new Map<string, number>();
    for (const k of TOTAL_KEYS) if (c.totals[k] !== 0) fields.set(TOTAL_ATTRIBUTES[k], c.totals[k]);
    for (const [source, n] of Object.entries(c.sources)) fields.set(`${SOURCE_PREFIX}${source}`, n);
    return {
      key: { pk: c.pk, sk: c.sk },
      fields,
      set: { y: c.year, ...(c.supplier ? { sup: c.supplier } : {}), ...(c.recipient ? { rec: c.recipient } : {}) },
    };
  });
}

// ---------------------------------------------------------------- reading

/** What to total: parties (actor ids), a range of order years, and what to group by. */
export interface StatsQuery {
  supplier?: string;
  recipient?: string;
  fromYear?: number;
  toYear?: number;
  groupBy: 'SUPPLIER' | 'RECIPIENT' | 'ORDER_YEAR';
}

/** One group's totals and the sources its deals cite. */
export interface StatsGroup {
  /** The supplier's or recipient's id, or the year of order (UNKNOWN_YEAR when not known). */
  key: string;
  totals: Totals;
}

/** The groups, the totals over all of them, and the deals counted per source. */
export interface StatsAnswer {
  groups: StatsGroup[];
  totals: Totals;
  sources: Record<string, number>;
}

interface CounterItem {
  sk: string;
  y: string;
  sup?: string;
  rec?: string;
  [attribute: string]: unknown;
}

/** Most Query pages one answer reads (each up to 1 MB: far more than the groups of any filter). */
const MAX_STATS_PAGES = 10;

/**
 * Totals deals by reading their counters: one Query on the partition that matches the party
 * filter, over the key range of the years asked for, then sums per group in memory.
 */
export async function readStats(db: Db, query: StatsQuery): Promise<StatsAnswer> {
  const both = query.supplier !== undefined && query.recipient !== undefined;
  const pk = statsPartition(query.supplier ?? '*', both ? '*' : (query.recipient ?? '*'));
  // Years alone have counters of their own; both parties read the supplier's counters by recipient.
  const dim =
    query.groupBy === 'ORDER_YEAR' && !both
      ? 'Y'
      : query.supplier
        ? 'YR'
        : query.recipient
          ? 'YS'
          : query.groupBy === 'RECIPIENT'
            ? 'YR'
            : 'YS';
  const low = `${dim}#${query.fromYear === undefined ? '' : String(query.fromYear).padStart(4, '0')}`;
  const high = `${dim}#${query.toYear === undefined ? '9999' : String(query.toYear).padStart(4, '0')}\uffff`;
  const values: Record<string, unknown> = { ':pk': pk, ':low': low, ':high': high };
  const names: Record<string, string> = { '#pk': 'pk', '#sk': 'sk' };
  // Both parties given: the supplier's partition, kept to the recipient's counters.
  const filter = both ? { FilterExpression: '#rec = :rec' } : {};
  if (both) {
    names['#rec'] = 'rec';
    values[':rec'] = query.recipient;
  }
  const items: CounterItem[] = [];
  let start: Record<string, unknown> | undefined;
  for (let page = 0; page < MAX_STATS_PAGES; page++) {
    const out = await db.query({
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ...filter,
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    items.push(...((out.Items ?? []) as CounterItem[]));
    start = out.LastEvaluatedKey;
    if (!start) break;
  }
  const groups = new Map<string, Totals>();
  const totals = zero();
  const sources: Record<string, number> = {};
  for (const item of items) {
    const key =
      query.groupBy === 'ORDER_YEAR'
        ? item.y
        : query.groupBy === 'SUPPLIER'
          ? (item.sup ?? (query.supplier as string))
          : (item.rec ?? (query.recipient as string));
    const group = groups.get(key) ?? zero();
    for (const k of TOTAL_KEYS) {
      const value = Number(item[TOTAL_ATTRIBUTES[k]] ?? 0);
      group[k] += value;
      totals[k] += value;
    }
    groups.set(key, group);
    for (const [attribute, value] of Object.entries(item)) {
      if (attribute.startsWith(SOURCE_PREFIX)) {
        const source = attribute.slice(SOURCE_PREFIX.length);
        sources[source] = (sources[source] ?? 0) + Number(value);
      }
    }
  }
  return {
    groups: [...groups].filter(([, t]) => t.deals !== 0).map(([key, t]) => ({ key, totals: t })),
    totals,
    sources: Object.fromEntries(Object.entries(sources).filter(([, n]) => n !== 0)),
  };
}
