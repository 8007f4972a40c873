import { referencedIds } from '../domain/references.js';
import { DomainError, UnavailableError } from '../errors.js';
import { contentHash } from '../store/canonical.js';
import { SpentMarkers } from '../store/counters.js';
import type { Db } from '../store/db.js';
import { type BatchEntry, type BatchResult, getEntities, writeEntities } from '../store/entities.js';
import { unstorableReason } from '../store/limits.js';
import { type Absence, absentRecords, brokenReferences, describeBroken } from '../store/references.js';
import { newSyncRunReport, RUN_LEASE_MS, type SyncRunReport, saveSyncRun } from '../store/sync-runs.js';
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

/** A record on its way to the table, with the line it came from. */
type Entry = BatchEntry & { line: number };

/**
 * The one sync pipeline: source → parse → validate → check references → idempotent upsert →
 * run report. The scheduled Lambda, the CLI, `npm start`'s seeding and the editors' batch
 * mutation all call it. Records that fail validation, do not fit the table, or refer to a
 * record that neither the table nor the run holds are refused with their line; the rest land.
 * References between records of one run work in any order: a record whose reference is not
 * there yet waits for the end of the run. A record equal to what is stored costs no write, so
 * a re-run is a no-op and an interrupted run, re-run, converges. A record an editor deleted
 * stays deleted (`skipped`); one from an older snapshot than the stored one is not written
 * (`stale`). The report is stored as a SyncRun (newest first in `syncRuns`).
 * @returns the final report; status FAILED when the source could not be read to the end.
 */
export async function runSync(db: Db, source: Source, options: SyncOptions = {}): Promise<SyncRunReport> {
  const report = newSyncRunReport(source.name, options.format ?? 'detecting', new Date().toISOString(), options.startedBy);
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
  // Counter markers of finished batches, removed by the next batch's updates of the same counters.
  const spent = new SpentMarkers();
  const write = options.dryRun
    ? (entries: Entry[]) => predict(db, entries)
    : (entries: Entry[]) => writeEntities(db, entries, options.actor ?? `sync:${source.name}`, options.concurrency ?? 16, spent);
  const references = new ReferenceCheck(db);
  let dealsChanged = false;
  const land = async (entries: Entry[]): Promise<Entry[]> => {
    const waiting = await references.writeInWaves(entries, write, (entry, result) => {
      if ('error' in result) {
        if (result.error instanceof UnavailableError) throw result.error;
        reject(
          entry.line,
          ownWords(result.error, db, report, options.log, 'could not be written because of an unexpected error; it has been logged'),
        );
      } else {
        const counter = COUNTED[result.outcome];
        report[counter] = (report[counter] ?? 0) + 1;
        if (!options.dryRun && (result.outcome === 'created' || result.outcome === 'updated') && entry.record.type === 'deal')
          dealsChanged = true;
      }
    });
    options.onProgress?.({ ...report });
    return waiting;
  };
  await save();
  const batchSize = options.batchSize ?? 500;
  let batch: Entry[] = [];
  let deferred: Entry[] = [];
  try {
    const { format, records } = await parseDetected(await source.open(), options.format);
    report.format = format;
    for await (const parsed of records) {
      report.read += 1;
      if (!parsed.ok) reject(parsed.line, parsed.reason);
      else {
        const unstorable = unstorableReason(parsed.record);
        if (unstorable) reject(parsed.line, unstorable);
        else batch.push(entryOf(parsed));
      }
      if (batch.length >= batchSize) {
        deferred.push(...(await land(batch)));
        batch = [];
        await save();
      }
    }
    deferred.push(...(await land(batch)));
    // Records that referred to what the run had not written yet: again, until no more land.
    for (let before = Number.POSITIVE_INFINITY; deferred.length > 0 && deferred.length < before; ) {
      before = deferred.length;
      const again: Entry[] = [];
      for (let i = 0; i < deferred.length; i += batchSize) again.push(...(await land(deferred.slice(i, i + batchSize))));
      deferred = again;
    }
    for (const entry of deferred) reject(entry.line, references.describe(entry));
    // Deals of one source may describe deals of another: link them (docs/deal-matching.md).
    if (dealsChanged) await linkDeals(db, options.actor ?? `sync:${source.name}`);
    await spent.flush(db);
    report.status = 'SUCCEEDED';
  } catch (error) {
    report.status = 'FAILED';
    report.error = ownWords(error, db, report, options.log, 'stopped by an unexpected error; it has been logged');
    // The finished batches' markers, removed if the table still answers (left, they are inert).
    await spent.flush(db).catch((flushError: unknown) => options.log?.('sync: counter markers left in place', flushError));
  }
  report.finishedAt = new Date().toISOString();
  // A run stopped at its deadline still says so: its last report goes out without the deadline's signal.
  await save(db.signal?.aborted ? db.forRequest() : db);
  return report;
}

/** The report counter of each outcome. */
const COUNTED = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  deleted: 'updated',
  skipped: 'skipped',
  stale: 'stale',
} as const;

function entryOf(parsed: { record: BatchEntry['record']; mode: BatchEntry['mode']; snapshot?: string; line: number }): Entry {
  return {
    record: parsed.record,
    mode: parsed.mode,
    line: parsed.line,
    ...(parsed.snapshot !== undefined ? { snapshot: parsed.snapshot } : {}),
    // Links between deals of different sources are made here, never sent by a source.
    ...(parsed.record.type === 'deal' ? { keep: ['sameAs'] } : {}),
  };
}

/**
 * What the run knows of referenced records: ids found live in the table or written by the
 * run, and ids found absent. Each round asks the table once (one BatchGetItem per 100 ids)
 * about the references it does not know yet.
 */
class ReferenceCheck {
  private readonly live = new Set<string>();
  private readonly absent = new Map<string, Absence>();

  constructor(private readonly db: Db) {}

  /**
   * Writes the entries whose references all resolve, then those that referred to the ones
   * just written, and so on (a meeting before its leader in the same round).
   * @returns the entries still waiting for a reference.
   */
  async writeInWaves(
    entries: Entry[],
    write: (entries: Entry[]) => Promise<BatchResult[]>,
    done: (entry: Entry, result: BatchResult) => void,
  ): Promise<Entry[]> {
    const own = new Set(entries.map((e) => e.record.id));
    const unknown = new Set(entries.flatMap((e) => referencedIds(e.record)).filter((id) => !this.live.has(id) && !own.has(id)));
    const absent = await absentRecords(this.db, unknown);
    for (const id of unknown) {
      const why = absent.get(id);
      if (why) this.absent.set(id, why);
      else this.markLive(id);
    }
    let waiting = entries;
    for (;;) {
      const ready = waiting.filter((e) => brokenReferences(e.record, (id) => this.live.has(id)).length === 0);
      if (ready.length === 0) return waiting;
      waiting = waiting.filter((e) => !ready.includes(e));
      const results = await write(ready);
      ready.forEach((entry, i) => {
        const result = results[i] as BatchResult;
        if (!('error' in result)) {
          if (result.outcome === 'skipped') this.absent.set(entry.record.id, 'deleted');
          else this.markLive(entry.record.id);
        }
        done(entry, result);
      });
    }
  }

  /** Why an entry that never became ready is refused: its references that do not resolve. */
  describe(entry: Entry): string {
    const broken = brokenReferences(entry.record, (id) => this.live.has(id));
    return describeBroken(broken, (id) => this.absent.get(id));
  }

  private markLive(id: string): void {
    this.live.add(id);
    this.absent.delete(id);
  }
}

/** A dry run's outcomes: what the write would do, from the stored hashes. */
async function predict(db: Db, entries: Entry[]): Promise<BatchResult[]> {
  const stored = await getEntities(
    db,
    entries.map((e) => e.record.id),
  );
  return entries.map(({ record, mode, snapshot }): BatchResult => {
    const current = stored.get(record.id);
    if (!current) return { outcome: 'created' };
    if (current.deleted) return { outcome: 'skipped' };
    if (mode === 'ensure') return { outcome: 'unchanged' };
    if (snapshot !== undefined && current.snapshot !== undefined && current.snapshot > snapshot) return { outcome: 'stale' };
    if (current.hash === contentHash(record)) return { outcome: 'unchanged' };
    return { outcome: 'updated' };
  });
}
