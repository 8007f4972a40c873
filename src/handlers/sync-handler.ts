import { isFeedAddress, type SyncConfig } from '../config.js';
import { publicAddress } from '../domain/addresses.js';
import { type Db, openTable } from '../store/db.js';
import { newSyncRunId, type SyncRunReport, saveSyncRun } from '../store/sync-runs.js';
import { runSync, type SyncOptions } from '../sync/run.js';
import { resolveSource, SourceNotFoundError, type SourceOptions } from '../sync/sources/index.js';

/** What the schedule may send: nothing, or feeds to read instead of the configured ones. */
export interface SyncEvent {
  feeds?: unknown;
}

/** What the handler needs of the Lambda context: the time left. */
export interface SyncContext {
  getRemainingTimeInMillis(): number;
}

/** Where a run's reports go. */
export type ReportLog = (report: SyncRunReport) => void;

/** A feed that could not be read to the end; the invocation fails so the DLQ and alarm see it. */
export class FeedFailedError extends Error {
  override readonly name = 'FeedFailedError';
}

/** An event the function refuses before reading anything: feeds it may not read. */
export class InvalidSyncEventError extends Error {
  override readonly name = 'InvalidSyncEventError';
}

/**
 * Time kept back from the invocation's end: the runs stop at the deadline before it, and
 * still have this long to store their reports as FAILED.
 */
export const SYNC_DEADLINE_MARGIN_MS = 10_000;

/**
 * The feeds an event asks for, checked as FEEDS is: only s3:// and https:// addresses.
 * @throws InvalidSyncEventError for anything else (a local path, http://, not a list of strings).
 */
function eventFeeds(event: SyncEvent | undefined): string[] | null {
  if (event?.feeds === undefined || event.feeds === null) return null;
  const { feeds } = event;
  if (!Array.isArray(feeds) || feeds.length === 0) throw new InvalidSyncEventError('event.feeds must be a non-empty list of addresses');
  const bad = feeds.find((feed) => !isFeedAddress(feed));
  if (bad !== undefined) {
    const shown = typeof bad === 'string' ? `"${publicAddress(bad)}"` : typeof bad;
    throw new InvalidSyncEventError(`event.feeds must list s3://bucket/key or https:// sources, got ${shown}`);
  }
  return feeds as string[];
}

/** The `format` of a run that found no feed object: nothing was read, so there is none. */
export const NOTHING_TO_SYNC_FORMAT = 'none';

/**
 * Records a run over a configured S3 feed whose object is not there yet: a fresh stack's
 * schedule fires before anyone uploaded a feed, and that is not a failure to page about.
 */
async function nothingToSync(db: Db, source: string, startedBy: string | undefined): Promise<SyncRunReport> {
  const startedAt = new Date().toISOString();
  const report: SyncRunReport = {
    id: newSyncRunId(startedAt),
    source,
    format: NOTHING_TO_SYNC_FORMAT,
    startedAt,
    finishedAt: startedAt,
    status: 'SUCCEEDED',
    read: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejects: [],
    ...(startedBy ? { startedBy } : {}),
  };
  await saveSyncRun(db, report);
  return report;
}

/**
 * Applies one feed. A configured S3 feed whose object does not exist yet is "nothing to
 * sync" (a succeeded run that read nothing, format `none`); any other failure to open it,
 * an object that exists but cannot be read included, is the pipeline's FAILED run.
 */
async function syncFeed(db: Db, feed: string, configured: boolean, sources: SourceOptions, options: SyncOptions): Promise<SyncRunReport> {
  const source = resolveSource(feed, sources);
  const run = { ...options, actor: `sync:${source.name}` };
  let body: AsyncIterable<Uint8Array>;
  try {
    body = await source.open();
  } catch (error) {
    if (configured && error instanceof SourceNotFoundError) return nothingToSync(db, source.name, options.startedBy);
    return runSync(db, { name: source.name, open: () => Promise.reject(error) }, run);
  }
  return runSync(db, { name: source.name, open: async () => body }, run);
}

/**
 * Builds the scheduled sync handler: it applies each feed in order through the sync
 * pipeline, logs each report, and fails the invocation when any feed could not be read.
 * Every run carries the invocation's deadline (less SYNC_DEADLINE_MARGIN_MS): it stops there
 * and reports FAILED, and, were it killed first, reads as FAILED once the deadline is past.
 * Feeds named in the event must exist; configured ones may not exist yet (see `syncFeed`).
 */
export function createSyncHandler(
  config: SyncConfig,
  log: ReportLog,
  options: { db?: Db; sources?: SourceOptions; logError?: (message: string, error: unknown) => void } = {},
) {
  const db = options.db ?? openTable(config);
  return async (
    event: SyncEvent | undefined,
    context?: SyncContext,
  ): Promise<{
    runs: Pick<
      SyncRunReport,
      'id' | 'source' | 'status' | 'read' | 'created' | 'updated' | 'unchanged' | 'skipped' | 'stale' | 'rejected'
    >[];
  }> => {
    const named = eventFeeds(event);
    const deadline =
      context && typeof context.getRemainingTimeInMillis === 'function'
        ? Date.now() + Math.max(0, context.getRemainingTimeInMillis() - SYNC_DEADLINE_MARGIN_MS)
        : undefined;
    const signal = deadline === undefined ? undefined : AbortSignal.timeout(Math.max(0, deadline - Date.now()));
    const reports: SyncRunReport[] = [];
    for (const feed of named ?? config.feeds) {
      const report = await syncFeed(
        db.forRequest(signal),
        feed,
        named === null,
        { region: config.region, ...options.sources },
        {
          startedBy: 'sync',
          ...(deadline === undefined ? {} : { deadline }),
          ...(options.logError ? { log: options.logError } : {}),
        },
      );
      log(report);
      reports.push(report);
    }
    const failed = reports.filter((r) => r.status === 'FAILED');
    if (failed.length > 0) throw new FeedFailedError(`could not read ${failed.map((r) => `${r.source} (${r.error})`).join(', ')}`);
    return {
      runs: reports.map(({ id, source, status, read, created, updated, unchanged, skipped, stale, rejected }) => ({
        id,
        source,
        status,
        read,
        created,
        updated,
        unchanged,
        skipped,
        stale,
        rejected,
      })),
    };
  };
}
