import { DomainError, UnavailableError } from '../errors.js';
import { contentHash } from '../store/canonical.js';
import type { Db } from '../store/db.js';
import { type BatchEntry, getEntities, writeEntities } from '../store/entities.js';
import { newSyncRunId, RUN_LEASE_MS, type SyncRunReport, saveSyncRun } from '../store/sync-runs.js';
import { type Format, parseDetected } from './detect.js';
import { linkDeals } from './link-deals.js';
import { type Source, SourceError } from './sources/index.js';

/** How a run goes. */
export interface SyncOptions {
  /** The input's format; detected from its first bytes when absent. */
  format?: Format;
  /** Validate and compare with the table, but write nothing (no report either). */
  dryRun?: boolean;
  /** Records written per round (one BatchGetItem per 100 to read their versions). */
  batchSize?: number;
  /** Conditional writes in flight at once. */
  concurrency?: number;
  /** Called after each round with the report so far. */
  onProgress?: (report: SyncRunReport) => void;
  /** Who the run writes as, in revisions. */
  actor?: string;
  /** Lines the source adds before the caller's own (a header it was given), left out of reported line numbers. */
  linesBefore?: number;
  /**
   * When the run must have ended by (epoch ms): the invocation's or the request's end. The
   * report carries it, so a run cut short there reads as FAILED; without it, a lease of
   * RUN_LEASE_MS from each save stands in.
   */
  deadline?: number;
  /** Who started the run, for its report: `editor:<key name>`, `sync` (the schedule), `seed`. */
  startedBy?: string;
  /** Receives what is not shown in the report: the cause of an unexpected failure. */
  log?: (message: string, error: unknown) => void;
}

/**
 * What a report says of an error that stopped the run or refused a record: the project's own
 * words only. An unexpected error (an SDK or engine message, a bug) is logged, and the report
 * says `unexpected`.
 */
function ownWords(error: unknown, db: Db, report: SyncRunReport, log: SyncOptions['log'], unexpected: string): string {
  if (db.signal?.aborted) {
    return `stopped at its deadline after ${report.read} records; run it again to go on (records already written cost nothing)`;
  }
  if (error instanceof DomainError || error instanceof SourceError) return error.message;
  log?.('sync: unexpected error', error);
  return unexpected;
}

/** How many rejects a report keeps (the count covers all of them). */
export const MAX_REPORTED_REJECTS = 100;

/**
 * The one sync pipeline: source → parse → validate → idempotent upsert → run report. The
 * scheduled Lambda, the CLI, `npm start`'s seeding and the editors' batch mutation all call it.
 * Records that fail validation are refused with their line; the rest land. A record equal to
 * what is stored costs no write, so a re-run is a no-op and an interrupted run, re-run,
 * converges. The report is stored as a SyncRun (newest first in `syncRuns`).
 * @returns the final report; status FAILED when the source could not be read to the end.
 */
export async function runSync(db: Db, source: Source, options: SyncOptions = {}): Promise<SyncRunReport> {
  const startedAt = new Date().toISOString();
  const report: SyncRunReport = {
    id: newSyncRunId(startedAt),
    source: source.name,
    format: options.format ?? 'detecting',
    startedAt,
    status: 'RUNNING',
    read: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejects: [],
    ...(options.startedBy ? { startedBy: options.startedBy } : {}),
  };
  // Each save moves the deadline to the lease's end, never past the run's own deadline.
  const save = (on = db) => {
    if (options.dryRun) return Promise.resolve();
    report.deadlineAt = new Date(Math.min(options.deadline ?? Number.POSITIVE_INFINITY, Date.now() + RUN_LEASE_MS)).toISOString();
    return saveSyncRun(on, report);
  };
  const reject = (line: number, message: string) => {
    report.rejected += 1;
    if (report.rejects.length < MAX_REPORTED_REJECTS) report.rejects.push({ line: line - (options.linesBefore ?? 0), message });
  };
  await save();
  const batchSize = options.batchSize ?? 500;
  let dealsChanged = false;
  let batch: (BatchEntry & { line: number })[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const entries = batch;
    batch = [];
    if (options.dryRun) await predict(db, entries, report);
    else {
      const results = await writeEntities(db, entries, options.actor ?? `sync:${source.name}`, options.concurrency ?? 16);
      results.forEach((result, i) => {
        if ('error' in result) {
          if (result.error instanceof UnavailableError) throw result.error;
          reject(
            (entries[i] as { line: number }).line,
            ownWords(result.error, db, report, options.log, 'could not be written because of an unexpected error; it has been logged'),
          );
        } else if (result.outcome === 'created') report.created += 1;
        else if (result.outcome === 'updated') report.updated += 1;
        else report.unchanged += 1;
        if (!('error' in result) && result.outcome !== 'unchanged' && entries[i]?.record.type === 'deal') dealsChanged = true;
      });
    }
    options.onProgress?.({ ...report });
  };
  try {
    const { format, records } = await parseDetected(await source.open(), options.format);
    report.format = format;
    for await (const parsed of records) {
      report.read += 1;
      if (!parsed.ok) reject(parsed.line, parsed.reason);
      else
        batch.push({
          record: parsed.record,
          mode: parsed.mode,
          line: parsed.line,
          // Links between deals of different sources are made here, never sent by a source.
          ...(parsed.record.type === 'deal' ? { keep: ['sameAs'] } : {}),
        });
      if (batch.length >= batchSize) {
        await flush();
        await save();
      }
    }
    await flush();
    // Deals of one source may describe deals of another: link them (docs/deal-matching.md).
    if (dealsChanged) await linkDeals(db, options.actor ?? `sync:${source.name}`);
    report.status = 'SUCCEEDED';
  } catch (error) {
    report.status = 'FAILED';
    report.error = ownWords(error, db, report, options.log, 'stopped by an unexpected error; it has been logged');
  }
  report.finishedAt = new Date().toISOString();
  // A run stopped at its deadline still says so: its last report goes out without the deadline's signal.
  await save(db.signal?.aborted ? db.forRequest() : db);
  return report;
}

/** A dry run's outcomes: what the write would do, from the stored hashes. */
async function predict(db: Db, entries: BatchEntry[], report: SyncRunReport): Promise<void> {
  const stored = await getEntities(
    db,
    entries.map((e) => e.record.id),
  );
  for (const { record, mode } of entries) {
    const current = stored.get(record.id);
    if (!current || current.deleted) report.created += 1;
    else if (mode === 'ensure' || current.hash === contentHash(record)) report.unchanged += 1;
    else report.updated += 1;
  }
}
