import type { EntityRecord } from '../src/domain/records.js';
import { indexItemsOf } from '../src/store/index-items.js';
import { LISTS } from '../src/store/list-model.js';
import { type BenchEngine, freshTable, startEngineProcess } from './engine.js';
import { benchHandler, sendThrough } from './gateway.js';
import { BUSY, generateRecords } from './gen.js';
import { rawBatchWrite, storeItemsOfAll } from './items.js';
import { expectData, type Send } from './operations.js';
import { median, round } from './stats.js';

/** One access pattern's latency on the small and on the large table. */
export interface ScalePattern {
  pattern: string;
  /** What the pattern reads from: its list's index items, or every entity for a lookup by id. */
  itemsSmall: number;
  itemsLarge: number;
  p50MsSmall: number;
  p50MsLarge: number;
  /** p50MsLarge / p50MsSmall. */
  ratio: number;
}

export interface ScaleResult {
  engine: string;
  recordsSmall: number;
  recordsLarge: number;
  /** Items written (entities and index items). */
  tableItemsSmall: number;
  tableItemsLarge: number;
  loadSecondsLarge: number;
  iterations: number;
  patterns: ScalePattern[];
}

interface Pattern {
  pattern: string;
  query: string;
  variables: Record<string, unknown>;
  /** The list read, or null for a lookup by id. */
  list: string | null;
}

/** Small enough that every list of the small table holds more than a page: both sizes answer as much. */
const FIRST_PAGE = 10;
const PAIR = { supplier: `country:${BUSY.supplier}`, recipient: `country:${BUSY.recipient}` };

const PATTERNS: Pattern[] = [
  {
    pattern: 'leader by id',
    query: 'query($id: ID!) { leader(id: $id) { id name roles { title start end } } }',
    variables: { id: BUSY.leader },
    list: null,
  },
  {
    pattern: "busy leader's meetings, first page",
    query:
      'query($id: ID!, $first: Int) { meetings(filter: { participant: $id }, first: $first) { totalCount edges { node { id date status } } pageInfo { hasNextPage endCursor } } }',
    variables: { id: BUSY.leader, first: FIRST_PAGE },
    list: LISTS.meetingsOf(BUSY.leader).pk,
  },
  {
    pattern: 'deals by supplier, first page',
    query:
      'query($s: String!, $first: Int) { militaryDeals(filter: { supplier: $s }, first: $first) { totalCount edges { node { id agreedOn status } } pageInfo { hasNextPage endCursor } } }',
    variables: { s: BUSY.supplier, first: FIRST_PAGE },
    list: LISTS.dealsSuppliedBy(PAIR.supplier).pk,
  },
  {
    pattern: 'deals by recipient, first page',
    query:
      'query($r: String!, $first: Int) { militaryDeals(filter: { recipient: $r }, first: $first) { totalCount edges { node { id agreedOn status } } pageInfo { hasNextPage endCursor } } }',
    variables: { r: BUSY.recipient, first: FIRST_PAGE },
    list: LISTS.dealsReceivedBy(PAIR.recipient).pk,
  },
  {
    pattern: 'deals by supplier and recipient, first page',
    query:
      'query($s: String!, $r: String!, $first: Int) { militaryDeals(filter: { supplier: $s, recipient: $r }, first: $first) { totalCount edges { node { id agreedOn status } } pageInfo { hasNextPage endCursor } } }',
    variables: { s: BUSY.supplier, r: BUSY.recipient, first: FIRST_PAGE },
    list: LISTS.dealsBetween(PAIR.supplier, PAIR.recipient).pk,
  },
  {
    pattern: 'relations, first page',
    query:
      'query($c: [String!]!, $first: Int) { relations(countries: $c, first: $first) { totalCount edges { node { __typename ... on Meeting { id } ... on MilitaryDeal { id } ... on Event { id } ... on Statement { id } } } pageInfo { hasNextPage endCursor } } }',
    variables: { c: [BUSY.supplier, BUSY.recipient], first: FIRST_PAGE },
    list: LISTS.pair(BUSY.supplier, BUSY.recipient).pk,
  },
  {
    pattern: 'search by name prefix',
    query:
      'query($text: String!) { search(text: $text, first: 5) { __typename ... on Leader { id name } ... on Country { id name } ... on Organization { id name } } }',
    variables: { text: BUSY.namePrefix },
    list: LISTS.names(BUSY.namePrefix[0] as string).pk,
  },
  {
    pattern: 'events by actor, first page',
    query:
      'query($a: ID!, $first: Int) { events(filter: { actor: $a }, first: $first) { totalCount edges { node { id kind date } } pageInfo { hasNextPage endCursor } } }',
    variables: { a: BUSY.actor, first: FIRST_PAGE },
    list: LISTS.eventsOf(BUSY.actor).pk,
  },
];

/** How many index items each list of `records` holds. */
function listSizes(records: readonly EntityRecord[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const record of records) for (const item of indexItemsOf(record)) sizes.set(item.pk, (sizes.get(item.pk) ?? 0) + 1);
  return sizes;
}

interface Loaded {
  engine: BenchEngine;
  send: Send;
  records: EntityRecord[];
  lists: Map<string, number>;
  tableItems: number;
  loadSeconds: number;
}

/** A fresh engine process with `items` synthetic records written as the store would write them. */
async function load(items: number, seed: number): Promise<Loaded> {
  const records = generateRecords({ items, seed });
  const engine = await startEngineProcess();
  const db = await freshTable(engine.endpoint, `scale-${items}`);
  const tableItems = storeItemsOfAll(records, 'bench:gen');
  const started = performance.now();
  await rawBatchWrite(db.client, db.tableName, tableItems, 16);
  const loadSeconds = (performance.now() - started) / 1000;
  return {
    engine,
    send: sendThrough(benchHandler(db, engine.endpoint)),
    records,
    lists: listSizes(records),
    tableItems: tableItems.length,
    loadSeconds,
  };
}

/**
 * The same access patterns on a small and a 100 times larger synthetic table (`gen.ts`), each
 * in its own dynalite process so neither walks the other's data: every pattern is a Query on
 * one partition or a key lookup, so its latency should not grow with the table. Small and
 * large runs alternate, pattern by pattern, through the handler in this process.
 */
export async function benchScale(options: {
  small: number;
  large: number;
  seed: number;
  warmup: number;
  iterations: number;
}): Promise<ScaleResult> {
  const small = await load(options.small, options.seed);
  try {
    const large = await load(options.large, options.seed);
    try {
      const samples = PATTERNS.map(() => ({ small: [] as number[], large: [] as number[] }));
      for (let i = 0; i < options.warmup + options.iterations; i++) {
        for (const [p, pattern] of PATTERNS.entries()) {
          for (const [size, loaded] of (i % 2 === 0
            ? [
                ['small', small],
                ['large', large],
              ]
            : [
                ['large', large],
                ['small', small],
              ]) as ['small' | 'large', Loaded][]) {
            const started = performance.now();
            const answer = await loaded.send(pattern.query, pattern.variables);
            const ms = performance.now() - started;
            expectData(answer, `${pattern.pattern} (${size})`);
            if (i >= options.warmup) samples[p]?.[size].push(ms);
          }
        }
      }
      const itemsOf = (loaded: Loaded, pattern: Pattern) => (pattern.list ? (loaded.lists.get(pattern.list) ?? 0) : loaded.records.length);
      return {
        engine: 'dynalite in a child process per table; the handler in the bench process',
        recordsSmall: small.records.length,
        recordsLarge: large.records.length,
        tableItemsSmall: small.tableItems,
        tableItemsLarge: large.tableItems,
        loadSecondsLarge: round(large.loadSeconds, 1),
        iterations: options.iterations,
        patterns: PATTERNS.map((pattern, p) => {
          const s = samples[p] as { small: number[]; large: number[] };
          const p50Small = median(s.small);
          const p50Large = median(s.large);
          return {
            pattern: pattern.pattern,
            itemsSmall: itemsOf(small, pattern),
            itemsLarge: itemsOf(large, pattern),
            p50MsSmall: round(p50Small),
            p50MsLarge: round(p50Large),
            ratio: round(p50Large / p50Small, 3),
          };
        }),
      };
    } finally {
      await large.engine.close();
    }
  } finally {
    await small.engine.close();
  }
}
