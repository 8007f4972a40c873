import { existsSync } from 'node:fs';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ensureTable } from '../src/dev/engine.js';
import { STAGE_SETTINGS } from '../src/stages.js';
import { type Db, openTable } from '../src/store/db.js';
import { isStatsCounter } from '../src/store/stats.js';
import { runSync } from '../src/sync/run.js';
import { resolveSource } from '../src/sync/sources/index.js';
import { startEngineProcess } from './engine.js';
import { benchHandler, seed, sendThrough } from './gateway.js';
import { benchOperations, expectData } from './operations.js';
import { round } from './stats.js';

/**
 * The capacity model's inputs that are not measured here: DynamoDB's per-partition limits, the
 * list prices (on-demand, us-east-1, as AWS publishes them), the GraphQL function's memory and
 * the latency of one DynamoDB round trip from Lambda in the same region.
 */
export const ASSUMPTIONS = {
  region: 'us-east-1',
  partitionReadUnits: 3_000,
  partitionWriteUnits: 1_000,
  /** On-demand: one read request unit is a strongly consistent read of up to 4 KB, or two eventually consistent ones. */
  dollarsPerMillionReadUnits: 0.125,
  dollarsPerMillionWriteUnits: 0.625,
  lambdaDollarsPerMillionRequests: 0.2,
  /** Arm64 (Graviton), as the stack deploys. */
  lambdaDollarsPerGbSecond: 0.0000133334,
  httpApiDollarsPerMillionRequests: 1.0,
  lambdaMemoryGb: STAGE_SETTINGS.prod.graphqlMemoryMb / 1024,
  /** One DynamoDB round trip from Lambda in the same region, p50 (AWS quotes single-digit milliseconds). */
  dynamodbRoundTripMs: 5,
  /** Lambda's default concurrency quota per account and region. */
  lambdaConcurrencyQuota: 1_000,
  /** How long a prod instance keeps the statistics counters an answer read: each instance reads them once per period. */
  statsCacheSeconds: STAGE_SETTINGS.prod.statsCacheSeconds,
  /**
   * How long a prod instance keeps an item it read by key (entities, list counters) for callers
   * without an editor's key, as the mix's callers are: each instance reads it once per period.
   */
  itemCacheSeconds: STAGE_SETTINGS.prod.itemCacheSeconds,
  rates: [1_000, 10_000],
} as const;

/** One partition (one `pk`) and the load a traffic mix or an import puts on it. */
export interface PartitionLoad {
  pk: string;
  unitsPerSecond: number;
  /** unitsPerSecond / the per-partition limit. */
  shareOfLimit: number;
}

/** What one operation of the mix reads, measured against dynalite with the SIPRI export and the article loaded. */
export interface OperationCost {
  operation: string;
  calls: number;
  /** Rounds of calls one after another (a call that starts after another ended is in a later round). */
  rounds: number;
  /** Read units, eventually consistent, computed per call from the sizes of the items read. */
  readUnits: number;
  /** As dynalite's ConsumedCapacity counted them. */
  engineReadUnits: number;
  /** Read units by partition. */
  partitions: Record<string, number>;
  /** The part of `partitions` read as items by key (`sk = "#"`), which a prod instance keeps (`itemCacheSeconds`). */
  keptPartitions: Record<string, number>;
  /** Estimated Lambda duration: the gateway's own time (warm p50 − floor p50) + rounds × round trip. */
  durationMs: number;
}

/** The traffic mix at one rate. */
export interface MixLoad {
  requestsPerSecond: number;
  /** The list partitions (`pk` with a `#`: index items) read most. */
  hottestLists: PartitionLoad[];
  /** The entity partitions (`pk` = an id) read most. */
  hottestItems: PartitionLoad[];
  lambdaConcurrency: number;
  readUnitsPerSecond: number;
}

/** Items of one kind in the table after the import: how many and how large. */
export interface ItemSizes {
  kind: string;
  items: number;
  meanBytes: number;
  maxBytes: number;
  writeUnits: number;
}

/** `npm run capacity`: the capacity model's measured inputs and its tables. */
export interface CapacityResult {
  assumptions: typeof ASSUMPTIONS;
  records: number;
  tableItems: number;
  tableBytes: number;
  itemSizes: ItemSizes[];
  operations: OperationCost[];
  mix: MixLoad[];
  /** Per request, the mix's mean. */
  readUnitsPerRequest: number;
  durationMsPerRequest: number;
  dollarsPerMillionRequests: { dynamodb: number; lambda: number; httpApi: number; total: number };
  import: {
    writeUnits: number;
    hottest: (PartitionLoad & { items: number; writeUnits: number; minimumSeconds: number })[];
    /** The import's time if no partition were throttled, from the sync bench's pipeline seconds when known. */
    measuredSeconds?: number;
    /** Consistent reads of a re-import (every entity read once; unchanged ones are not written). */
    reimportReadUnits: number;
    dollarsFirstImport: number;
    dollarsReimport: number;
  };
  /** Whether every list partition stays under half its limit at the highest rate. */
  listMarginHolds: boolean;
  /** Whether every entity partition does. */
  itemMarginHolds: boolean;
}

export interface CapacitySkipped {
  skipped: string;
}

/** DynamoDB's size of an attribute value: strings in UTF-8, numbers by digits, 3 bytes and 1 per element for lists and maps. */
function valueBytes(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return 1 + Math.ceil(String(Math.abs(value)).replace('.', '').replace(/^0+/, '').length / 2);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueBytes(v), 0);
  if (typeof value === 'object')
    return 3 + Object.entries(value as object).reduce((sum, [k, v]) => sum + 1 + Buffer.byteLength(k) + valueBytes(v), 0);
  return 0;
}

/** An item's size as DynamoDB counts it: each attribute's name and value. */
export function itemBytes(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + valueBytes(v), 0);
}

const readUnits = (bytes: number) => Math.ceil(bytes / 4096) * 0.5;
const writeUnits = (bytes: number) => Math.ceil(bytes / 1024);

/** The kind of an item, for the size table: the entity's type, a revision, or the list it belongs to. */
function kindOf(item: Record<string, unknown>): string {
  const pk = String(item.pk);
  const sk = String(item.sk);
  if (sk === '#') return `entity: ${item.t}`;
  if (sk.startsWith('REV#')) return 'revision';
  const [list, second] = pk.split('#');
  return `list: ${list}${list === 'ALL' || second === 'S' || second === 'R' || second === 'KIND' ? `#${second}` : ''}`;
}

async function scanAll(db: Db): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send<ScanCommandOutput>(
      new ScanCommand({ TableName: db.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

interface CallRecord {
  operation: string;
  started: number;
  ended: number;
  /** Bytes of each item read, by partition. */
  reads: { pk: string; sk: string; bytes: number }[];
  engineUnits: number;
}

/**
 * Read units of one call by partition: a Query rounds its partition's total up, a (batch) get
 * rounds each item. `kept`: those of items read by key at `sk = "#"`, which prod instances keep.
 */
function callUnits(call: CallRecord): { all: Map<string, number>; kept: Map<string, number> } {
  const all = new Map<string, number>();
  const kept = new Map<string, number>();
  const add = (into: Map<string, number>, pk: string, units: number) => into.set(pk, (into.get(pk) ?? 0) + units);
  if (call.operation === 'QueryCommand') {
    const total = call.reads.reduce((sum, r) => sum + r.bytes, 0);
    const pk = call.reads[0]?.pk;
    if (pk) add(all, pk, Math.max(0.5, readUnits(total)));
  } else
    for (const r of call.reads) {
      add(all, r.pk, readUnits(r.bytes));
      if (r.sk === '#') add(kept, r.pk, readUnits(r.bytes));
    }
  return { all, kept };
}

/** Rounds of calls one after another: a call is one round after the latest-ending call that ended before it started. */
function rounds(calls: CallRecord[]): number {
  const sorted = [...calls].sort((a, b) => a.started - b.started);
  const round = new Map<CallRecord, number>();
  for (const c of sorted) round.set(c, 1 + Math.max(0, ...sorted.filter((d) => d.ended <= c.started).map((d) => round.get(d) ?? 0)));
  return Math.max(0, ...round.values());
}

/** What the model takes from the other benchmarks of the same run (or the last one): the import's time and the gateway's own time per operation. */
export interface EarlierResults {
  sync?: { pipelineSeconds?: number } | { skipped: string };
  warm?: { operations: { operation: string; p50Ms: number; floorP50Ms: number }[] };
}

function fromEarlier(results: EarlierResults): { pipelineSeconds?: number; overheadMs: Record<string, number> } {
  const sync = results.sync && 'pipelineSeconds' in results.sync ? results.sync.pipelineSeconds : undefined;
  return {
    ...(sync ? { pipelineSeconds: sync } : {}),
    overheadMs: Object.fromEntries((results.warm?.operations ?? []).map((o) => [o.operation, Math.max(0, o.p50Ms - o.floorP50Ms)])),
  };
}

const top = <T extends { unitsPerSecond: number }>(loads: T[], n: number) =>
  loads.sort((a, b) => b.unitsPerSecond - a.unitsPerSecond).slice(0, n);

/**
 * Imports the SIPRI export into a fresh table (dynalite in a child process), measures every
 * item's size, then loads the article's data beside it and sends each of the seven frontend
 * operations once through the handler, recording which partitions each DynamoDB call read and
 * how much. From those and `ASSUMPTIONS` it models an equal mix of the operations at 1,000 and
 * 10,000 requests a second, and a full import: units per partition against the limits, Lambda
 * concurrency and the cost per million requests.
 */
export async function benchCapacity(sipri: string, earlier: EarlierResults = {}): Promise<CapacityResult | CapacitySkipped> {
  if (!existsSync(sipri)) return { skipped: `${sipri} is not there: the capacity model measures item sizes after a SIPRI import` };
  const engine = await startEngineProcess();
  try {
    const tableName = `capacity-${process.pid}`;
    await ensureTable(engine.endpoint, tableName);
    const calls: CallRecord[] = [];
    const db = openTable({ tableName, region: 'us-east-1', dynamodbEndpoint: engine.endpoint });
    const recording = { on: false };
    db.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (!recording.on) return next(args);
        const started = performance.now();
        const out = await next(args);
        const output = out.output as {
          Item?: Record<string, unknown>;
          Items?: Record<string, unknown>[];
          Responses?: Record<string, Record<string, unknown>[]>;
          ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[];
        };
        // The statistics' Query comes back as DynamoDB sends it (`{ S }`, `{ N }`): sized as the items they are.
        const items = (output.Item ? [output.Item] : (output.Items ?? Object.values(output.Responses ?? {}).flat())).map((item) =>
          typeof item.pk === 'object' ? unmarshall(item as Record<string, AttributeValue>) : item,
        );
        const consumed = [output.ConsumedCapacity ?? []].flat();
        calls.push({
          operation: context.commandName ?? 'unknown',
          started,
          ended: performance.now(),
          reads: items.map((item) => ({ pk: String(item.pk), sk: String(item.sk), bytes: itemBytes(item) })),
          engineUnits: consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0),
        });
        return out;
      },
      { step: 'initialize', name: 'capacityRecorder' },
    );
    const report = await runSync(db, resolveSource(sipri));
    if (report.status !== 'SUCCEEDED') throw new Error(`the SIPRI import failed: ${report.error}`);

    const imported = await scanAll(db);
    const byKind = new Map<string, number[]>();
    const byPartition = new Map<string, { items: number; writeUnits: number }>();
    for (const item of imported) {
      const bytes = itemBytes(item);
      const sizes = byKind.get(kindOf(item)) ?? [];
      sizes.push(bytes);
      byKind.set(kindOf(item), sizes);
      const p = byPartition.get(String(item.pk)) ?? { items: 0, writeUnits: 0 };
      p.items += 1;
      p.writeUnits += writeUnits(bytes);
      byPartition.set(String(item.pk), p);
    }
    const itemSizes = [...byKind.entries()]
      .map(([kind, sizes]) => ({
        kind,
        items: sizes.length,
        meanBytes: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
        maxBytes: sizes.reduce((a, b) => Math.max(a, b), 0),
        writeUnits: sizes.reduce((sum, b) => sum + writeUnits(b), 0),
      }))
      .sort((a, b) => b.items - a.items);
    const importUnits = itemSizes.reduce((sum, k) => sum + k.writeUnits, 0);
    const entities = imported.filter((item) => item.sk === '#');
    const reimportReadUnits = entities.reduce((sum, item) => sum + 2 * readUnits(itemBytes(item)), 0);
    const { pipelineSeconds, overheadMs } = fromEarlier(earlier);
    const importHottest = [...byPartition.entries()]
      .map(([pk, p]) => ({
        pk,
        items: p.items,
        writeUnits: p.writeUnits,
        minimumSeconds: round(p.writeUnits / ASSUMPTIONS.partitionWriteUnits, 1),
        unitsPerSecond: pipelineSeconds ? round(p.writeUnits / pipelineSeconds) : 0,
        shareOfLimit: pipelineSeconds ? round(p.writeUnits / pipelineSeconds / ASSUMPTIONS.partitionWriteUnits, 3) : 0,
      }))
      .sort((a, b) => b.writeUnits - a.writeUnits)
      .slice(0, 6);

    await seed(db);
    const send = sendThrough(benchHandler(db, engine.endpoint));
    const operations: OperationCost[] = [];
    for (const op of await benchOperations(send)) {
      calls.length = 0;
      recording.on = true;
      const answer = await send(op.query, op.variables);
      recording.on = false;
      expectData(answer, op.name);
      const partitions: Record<string, number> = {};
      const keptPartitions: Record<string, number> = {};
      for (const call of calls) {
        const { all, kept } = callUnits(call);
        for (const [pk, units] of all) partitions[pk] = (partitions[pk] ?? 0) + units;
        for (const [pk, units] of kept) keptPartitions[pk] = (keptPartitions[pk] ?? 0) + units;
      }
      const opRounds = rounds(calls);
      operations.push({
        operation: op.name,
        calls: calls.length,
        rounds: opRounds,
        readUnits: Object.values(partitions).reduce((a, b) => a + b, 0),
        engineReadUnits: calls.reduce((sum, c) => sum + c.engineUnits, 0),
        partitions,
        keptPartitions,
        durationMs: round((overheadMs[op.name] ?? 0) + opRounds * ASSUMPTIONS.dynamodbRoundTripMs, 1),
      });
    }

    const share = 1 / operations.length;
    const mix = ASSUMPTIONS.rates.map((rps): MixLoad => {
      const instances = Math.ceil(operations.reduce((sum, op) => sum + (rps * share * op.durationMs) / 1000, 0));
      // What an instance keeps is read at most once per instance and period.
      const keptReads = (seconds: number) => (seconds > 0 ? Math.min(rps * share, instances / seconds) : rps * share);
      const readsOf = (pk: string) => (isStatsCounter(pk) ? keptReads(ASSUMPTIONS.statsCacheSeconds) : rps * share);
      const perPartition = new Map<string, number>();
      for (const op of operations)
        for (const [pk, units] of Object.entries(op.partitions)) {
          const kept = op.keptPartitions[pk] ?? 0;
          const read = readsOf(pk) * (units - kept) + keptReads(ASSUMPTIONS.itemCacheSeconds) * kept;
          perPartition.set(pk, (perPartition.get(pk) ?? 0) + read);
        }
      const loads = [...perPartition.entries()].map(([pk, u]) => ({
        pk,
        unitsPerSecond: round(u),
        shareOfLimit: round(u / ASSUMPTIONS.partitionReadUnits, 3),
      }));
      return {
        requestsPerSecond: rps,
        hottestLists: top(
          loads.filter((l) => l.pk.includes('#')),
          4,
        ),
        hottestItems: top(
          loads.filter((l) => !l.pk.includes('#')),
          4,
        ),
        lambdaConcurrency: instances,
        readUnitsPerSecond: round([...perPartition.values()].reduce((a, b) => a + b, 0)),
      };
    });
    const readUnitsPerRequest = operations.reduce((sum, op) => sum + share * op.readUnits, 0);
    const durationMsPerRequest = operations.reduce((sum, op) => sum + share * Math.ceil(op.durationMs), 0);
    const dynamodb = readUnitsPerRequest * ASSUMPTIONS.dollarsPerMillionReadUnits;
    const lambda =
      ASSUMPTIONS.lambdaDollarsPerMillionRequests +
      (durationMsPerRequest / 1000) * ASSUMPTIONS.lambdaMemoryGb * ASSUMPTIONS.lambdaDollarsPerGbSecond * 1e6;
    const highest = mix.at(-1);
    return {
      assumptions: ASSUMPTIONS,
      records: report.read,
      tableItems: imported.length,
      tableBytes: imported.reduce((sum, item) => sum + itemBytes(item), 0),
      itemSizes,
      operations,
      mix,
      readUnitsPerRequest: round(readUnitsPerRequest, 3),
      durationMsPerRequest: round(durationMsPerRequest, 1),
      dollarsPerMillionRequests: {
        dynamodb: round(dynamodb, 3),
        lambda: round(lambda, 3),
        httpApi: ASSUMPTIONS.httpApiDollarsPerMillionRequests,
        total: round(dynamodb + lambda + ASSUMPTIONS.httpApiDollarsPerMillionRequests, 3),
      },
      import: {
        writeUnits: importUnits,
        hottest: importHottest,
        ...(pipelineSeconds ? { measuredSeconds: pipelineSeconds } : {}),
        reimportReadUnits,
        dollarsFirstImport: round(
          (importUnits * ASSUMPTIONS.dollarsPerMillionWriteUnits + reimportReadUnits * ASSUMPTIONS.dollarsPerMillionReadUnits) / 1e6,
          4,
        ),
        dollarsReimport: round((reimportReadUnits * ASSUMPTIONS.dollarsPerMillionReadUnits) / 1e6, 4),
      },
      listMarginHolds: (highest?.hottestLists ?? []).every((p) => p.shareOfLimit <= 0.5),
      itemMarginHolds: (highest?.hottestItems ?? []).every((p) => p.shareOfLimit <= 0.5),
    };
  } finally {
    await engine.close();
  }
}
