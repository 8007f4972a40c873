import { existsSync } from 'node:fs';
import path from 'node:path';
import { Db } from '../src/store/db.js';
import { parseDetected } from '../src/sync/detect.js';
import { runSync } from '../src/sync/run.js';
import { resolveSource } from '../src/sync/sources/index.js';
import { isSyncRunItem, tableChecksum } from '../test/support/checksum.js';
import { type BenchEngine, freshTable, startEngineProcess } from './engine.js';
import { rawBatchWrite, type SnapshotRecord, storeItemsOfAll } from './items.js';
import { round } from './stats.js';

/** The pipeline's import of a full SIPRI export against a raw write of the same items. */
export interface SyncResult {
  source: string;
  engine: string;
  /** Records the pipeline read: the export's deals and the countries, organisations and source they name. */
  records: number;
  deals: number;
  pipelineSeconds: number;
  recordsPerSecond: number;
  /** The floor's writes alone; reading the export and deriving the items came before its clock started. */
  floorSeconds: number;
  floorRecordsPerSecond: number;
  floorPrepareSeconds: number;
  /** recordsPerSecond / floorRecordsPerSecond. */
  ratio: number;
  /** Entity and index items written (the run reports left out). */
  items: number;
  /** Whether the two tables hold the same items, times and authors of writes aside. */
  sameItems: boolean;
  /** Writes of the re-sync to entities and lists: must be 0. */
  resyncWrites: number;
  /** The re-sync's own run report (a report item and its list entry, saved as the run goes). */
  resyncReportWrites: number;
  resyncSeconds: number;
  /** BatchWriteItem calls in flight at once, in both runs. */
  concurrency: number;
  /** Calls of the pipeline's run, by operation (its run report's puts included). */
  pipelineCalls: Record<string, number>;
  /** BatchWriteItem calls of the floor. */
  floorCalls: number;
  /** CPU time of the writing process (this one) and of its engine process, during each run. */
  pipelineCpuSeconds: number;
  pipelineEngineCpuSeconds: number;
  floorCpuSeconds: number;
  floorEngineCpuSeconds: number;
}

/** Why the sync bench did not run. */
export interface SyncSkipped {
  skipped: string;
}

/** The pipeline's default concurrency (`runSync` → `writeEntities`), given to the floor too. */
const CONCURRENCY = 16;

/** A `Db` that tells writes to entities and lists from the writes of the run's own report. */
class WriteCountingDb extends Db {
  entityWrites = 0;
  reportWrites = 0;

  override async send<T>(command: { input: object }): Promise<T> {
    const name = command.constructor.name;
    if (name === 'BatchWriteCommand') {
      const requests = Object.values((command.input as { RequestItems: Record<string, unknown[]> }).RequestItems).flat();
      this.entityWrites += requests.length;
    } else if (['PutCommand', 'UpdateCommand', 'DeleteCommand'].includes(name)) {
      const item = (command.input as { Item?: { t?: string } }).Item;
      if (item?.t === 'syncrun') this.reportWrites += 1;
      else this.entityWrites += 1;
    }
    return super.send<T>(command);
  }
}

/** Runs `work`, and returns with its result the CPU time this process and the engine's used meanwhile. */
async function withCpu<T>(
  engine: BenchEngine,
  work: () => Promise<T>,
): Promise<{ result: T; cpuSeconds: number; engineCpuSeconds: number }> {
  const engineBefore = (await engine.cpuSeconds?.()) ?? Number.NaN;
  const before = process.cpuUsage();
  const result = await work();
  const { user, system } = process.cpuUsage(before);
  const engineAfter = (await engine.cpuSeconds?.()) ?? Number.NaN;
  return { result, cpuSeconds: (user + system) / 1e6, engineCpuSeconds: engineAfter - engineBefore };
}

/** The records of the export, as the pipeline's parser reads them, each with the export's snapshot time. */
async function readRecords(file: string): Promise<SnapshotRecord[]> {
  const { records } = await parseDetected(await resolveSource(file).open());
  const out: SnapshotRecord[] = [];
  for await (const parsed of records) if (parsed.ok) out.push({ record: parsed.record, snapshot: parsed.snapshot });
  return out;
}

/**
 * The full SIPRI export through `runSync` into a fresh table, against the floor: the same
 * entity and index items written with a raw BatchWriteItem loop (25 per call, the same
 * concurrency) into another fresh table. Each run has a dynalite process of its own, so the
 * engine's CPU is not charged to the process measured and neither run sees the other's data.
 * Then the same export again into the pipeline's table, counting its writes.
 */
export async function benchSync(file: string): Promise<SyncResult | SyncSkipped> {
  if (!existsSync(file))
    return { skipped: `${file} is not there: the sync bench needs the full SIPRI export (pass its path to npm run bench -- --sipri PATH)` };
  const pipelineEngine = await startEngineProcess();
  try {
    const db = await freshTable(pipelineEngine.endpoint, 'sync');
    let started = performance.now();
    const pipeline = await withCpu(pipelineEngine, () => runSync(db, resolveSource(file)));
    const seconds = (performance.now() - started) / 1000;
    const report = pipeline.result;
    const pipelineCalls = { ...db.stats.operations };
    if (report.status !== 'SUCCEEDED') throw new Error(`the sync failed: ${report.error}`);

    const floorEngine = await startEngineProcess();
    let floor: {
      seconds: number;
      prepareSeconds: number;
      items: number;
      deals: number;
      sameItems: boolean;
      calls: number;
      cpuSeconds: number;
      engineCpuSeconds: number;
    };
    try {
      const floorDb = await freshTable(floorEngine.endpoint, 'sync-floor');
      started = performance.now();
      const records = await readRecords(file);
      const items = storeItemsOfAll(records, `sync:${path.basename(file)}`);
      const prepareSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      const writes = await withCpu(floorEngine, () => rawBatchWrite(floorDb.client, floorDb.tableName, items, CONCURRENCY));
      const floorSeconds = (performance.now() - started) / 1000;
      const ignore = ['at', 'by'];
      const [mine, theirs] = await Promise.all([tableChecksum(db, { ignore, skip: isSyncRunItem }), tableChecksum(floorDb, { ignore })]);
      floor = {
        seconds: floorSeconds,
        prepareSeconds,
        items: items.length,
        deals: records.filter((r) => r.record.type === 'deal').length,
        sameItems: mine.hash === theirs.hash,
        calls: writes.result,
        cpuSeconds: writes.cpuSeconds,
        engineCpuSeconds: writes.engineCpuSeconds,
      };
    } finally {
      await floorEngine.close();
    }

    const counting = new WriteCountingDb(db.client, db.tableName);
    started = performance.now();
    const again = await runSync(counting, resolveSource(file));
    const resyncSeconds = (performance.now() - started) / 1000;
    if (again.status !== 'SUCCEEDED') throw new Error(`the re-sync failed: ${again.error}`);
    const recordsPerSecond = report.read / seconds;
    const floorRecordsPerSecond = report.read / floor.seconds;
    return {
      source: path.basename(file),
      engine: 'dynalite in a child process, a fresh one for each of the two runs',
      records: report.read,
      deals: floor.deals,
      pipelineSeconds: round(seconds, 1),
      recordsPerSecond: round(recordsPerSecond, 0),
      floorSeconds: round(floor.seconds, 1),
      floorRecordsPerSecond: round(floorRecordsPerSecond, 0),
      floorPrepareSeconds: round(floor.prepareSeconds, 1),
      ratio: round(recordsPerSecond / floorRecordsPerSecond, 3),
      items: floor.items,
      sameItems: floor.sameItems,
      resyncWrites: counting.entityWrites,
      resyncReportWrites: counting.reportWrites,
      resyncSeconds: round(resyncSeconds, 1),
      concurrency: CONCURRENCY,
      pipelineCalls,
      floorCalls: floor.calls,
      pipelineCpuSeconds: round(pipeline.cpuSeconds, 1),
      pipelineEngineCpuSeconds: round(pipeline.engineCpuSeconds, 1),
      floorCpuSeconds: round(floor.cpuSeconds, 1),
      floorEngineCpuSeconds: round(floor.engineCpuSeconds, 1),
    };
  } finally {
    await pipelineEngine.close();
  }
}
