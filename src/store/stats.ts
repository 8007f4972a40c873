import type { DealRecord, EntityRecord } from '../domain/records.js';
import { ConflictError } from '../errors.js';
import { mapLimit } from './batch.js';
import type { Db } from './db.js';
import { LIST } from './keys.js';

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
 * Exactly once: every counter update adds the delta and sets a token attribute naming the
 * change (`p:<deal id>@<version>`), on condition that the token is not there yet, so the
 * follow-ups of an interrupted write, run again, add nothing twice. The tokens are removed
 * once the change's pending mark is cleared (see `settleCounters`).
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
const TOKEN_PREFIX = 'p:';

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
    { pk: LIST.stats('*', '*'), ...bySupplier },
    { pk: LIST.stats('*', '*'), ...byRecipient },
    { pk: LIST.stats('*', '*'), ...byYear },
    { pk: LIST.stats(supplier, '*'), ...byRecipient },
    { pk: LIST.stats(supplier, '*'), ...byYear },
    { pk: LIST.stats('*', recipient), ...bySupplier },
    { pk: LIST.stats('*', recipient), ...byYear },
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

/** A committed change of an entity: its id, new version, and the records before and after. */
export interface EntityChange {
  id: string;
  version: number;
  before: EntityRecord | null;
  after: EntityRecord | null;
}

const tokenOf = (change: EntityChange) => `${TOKEN_PREFIX}${change.id}@${change.version}`;

/** Changes whose tokens go on one counter in one UpdateItem (keeps the condition well under 4 KB). */
const TOKENS_PER_UPDATE = 25;

/** One counter and the changes that move it, with their deltas summed. */
interface CounterBatch {
  counter: CounterChange;
  tokens: { name: string; version: number }[];
  /** The changes taken together, one by one: what is sent when the batch finds one already applied. */
  parts?: CounterBatch[];
}

/** The changes' counter updates, those of one counter taken together, at most TOKENS_PER_UPDATE a batch. */
function counterBatches(changes: readonly EntityChange[]): CounterBatch[] {
  const byCounter = new Map<string, CounterBatch[]>();
  for (const change of changes) {
    for (const counter of counterChanges(change.before, change.after)) {
      const key = `${counter.pk}\u0000${counter.sk}`;
      const list = byCounter.get(key) ?? [];
      list.push({ counter, tokens: [{ name: tokenOf(change), version: change.version }] });
      byCounter.set(key, list);
    }
  }
  const merged: CounterBatch[] = [];
  for (const list of byCounter.values()) {
    for (let i = 0; i < list.length; i += TOKENS_PER_UPDATE) {
      const part = list.slice(i, i + TOKENS_PER_UPDATE);
      const sum = part.reduce<CounterChange>(
        (into, { counter }) => {
          for (const k of TOTAL_KEYS) into.totals[k] += counter.totals[k];
          for (const [s, n] of Object.entries(counter.sources)) into.sources[s] = (into.sources[s] ?? 0) + n;
          return into;
        },
        { ...(part[0] as CounterBatch).counter, totals: zero(), sources: {} },
      );
      merged.push({ counter: sum, tokens: part.flatMap((p) => p.tokens), parts: part });
    }
  }
  return merged;
}

/** Adds one batch's deltas and sets its tokens, if none of them is on the counter yet. */
async function addOnce(db: Db, { counter, tokens }: CounterBatch): Promise<void> {
  const names: Record<string, string> = { '#y': 'y' };
  const values: Record<string, unknown> = { ':y': counter.year };
  const adds: string[] = [];
  const sets = ['#y = :y'];
  const absent: string[] = [];
  tokens.forEach((token, i) => {
    names[`#k${i}`] = token.name;
    values[`:k${i}`] = token.version;
    sets.push(`#k${i} = :k${i}`);
    absent.push(`attribute_not_exists(#k${i})`);
  });
  for (const k of TOTAL_KEYS) {
    const attribute = TOTAL_ATTRIBUTES[k];
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = counter.totals[k];
    adds.push(`#${attribute} :${attribute}`);
  }
  Object.entries(counter.sources).forEach(([source, n], i) => {
    names[`#s${i}`] = `${SOURCE_PREFIX}${source}`;
    values[`:s${i}`] = n;
    adds.push(`#s${i} :s${i}`);
  });
  for (const [attribute, party] of [
    ['sup', counter.supplier],
    ['rec', counter.recipient],
  ] as const) {
    if (!party) continue;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = party;
    sets.push(`#${attribute} = :${attribute}`);
  }
  await db.update({
    Key: { pk: counter.pk, sk: counter.sk },
    UpdateExpression: `ADD ${adds.join(', ')} SET ${sets.join(', ')}`,
    ConditionExpression: absent.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
}

/** A failed condition: the gateway turns it into a conflict (see `Db.send`). */
const isConditionFailure = (error: unknown) => error instanceof ConflictError;

/**
 * Adds the changes' deltas to their counters, each at most once per change (see the module
 * note). The changes that move one counter go in one UpdateItem; when one of them is found
 * already applied (a re-run of an interrupted write), they go again one by one, each on its
 * own condition.
 * @returns the number of counter writes made.
 */
export async function applyCounters(db: Db, changes: readonly EntityChange[], concurrency: number): Promise<number> {
  const merged = counterBatches(changes);
  let writes = 0;
  await mapLimit(merged, concurrency, async (batch) => {
    try {
      await addOnce(db, batch);
      writes += 1;
      return;
    } catch (error) {
      if (!isConditionFailure(error) || batch.tokens.length === 1) {
        if (isConditionFailure(error)) return;
        throw error;
      }
    }
    for (const one of batch.parts ?? []) {
      try {
        await addOnce(db, one);
        writes += 1;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  });
  return writes;
}

/**
 * Removes the changes' tokens from their counters, once the changes are no longer pending
 * (no follow-up of them can run again), in one UpdateItem per counter and batch. A token left
 * by a run that stopped in between stays on its counter; it changes no total.
 * @returns the number of counter writes made.
 */
export async function settleCounters(db: Db, changes: readonly EntityChange[], concurrency: number): Promise<number> {
  const merged = counterBatches(changes);
  await mapLimit(merged, concurrency, ({ counter, tokens }) =>
    db.update({
      Key: { pk: counter.pk, sk: counter.sk },
      UpdateExpression: `REMOVE ${tokens.map((_, i) => `#k${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(tokens.map((t, i) => [`#k${i}`, t.name])),
    }),
  );
  return merged.length;
}

/**
 * The counter items a table holds once `records` are written as new records and their
 * changes settled: each counter's totals summed, no tokens. What a bulk load writes directly.
 */
export function counterItemsOf(records: Iterable<EntityRecord>): Record<string, unknown>[] {
  const items = new Map<string, Record<string, unknown>>();
  for (const record of records) {
    for (const c of counterChanges(null, record)) {
      const key = `${c.pk}\u0000${c.sk}`;
      const item = items.get(key) ?? {
        pk: c.pk,
        sk: c.sk,
        y: c.year,
        ...(c.supplier ? { sup: c.supplier } : {}),
        ...(c.recipient ? { rec: c.recipient } : {}),
      };
      for (const k of TOTAL_KEYS) item[TOTAL_ATTRIBUTES[k]] = Number(item[TOTAL_ATTRIBUTES[k]] ?? 0) + c.totals[k];
      for (const [source, n] of Object.entries(c.sources))
        item[`${SOURCE_PREFIX}${source}`] = Number(item[`${SOURCE_PREFIX}${source}`] ?? 0) + n;
      items.set(key, item);
    }
  }
  return [...items.values()];
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
  const pk = LIST.stats(query.supplier ?? '*', both ? '*' : (query.recipient ?? '*'));
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
