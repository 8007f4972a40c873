import type { SyncConfig } from '../config.js';
import { createDocumentClient, Db } from '../store/db.js';
import { newSyncRunId, type SyncRunReport, saveSyncRun } from '../store/sync-runs.js';
import { runSync } from '../sync/run.js';
import { resolveSource, SourceNotFoundError, type SourceOptions } from '../sync/sources/index.js';

/** What the schedule may send: nothing, or feeds to read instead of the configured ones. */
export interface SyncEvent {
  feeds?: string[];
}

/** Where a run's reports go. */
export type ReportLog = (report: SyncRunReport) => void;

/** A feed that could not be read to the end; the invocation fails so the DLQ and alarm see it. */
export class FeedFailedError extends Error {
  override readonly name = 'FeedFailedError';
}

/** The `format` of a run that found no feed object: nothing was read, so there is none. */
export const NOTHING_TO_SYNC_FORMAT = 'none';

/**
 * Records a run over a configured S3 feed whose object is not there yet: a fresh stack's
 * schedule fires before anyone uploaded a feed, and that is not a failure to page about.
 */
async function nothingToSync(db: Db, source: string): Promise<SyncRunReport> {
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
  };
  await saveSyncRun(db, report);
  return report;
}

/**
 * Applies one feed. A configured S3 feed whose object does not exist yet is "nothing to
 * sync" (a succeeded run that read nothing, format `none`); any other failure to open it,
 * an object that exists but cannot be read included, is the pipeline's FAILED run.
 */
async function syncFeed(db: Db, feed: string, configured: boolean, sources: SourceOptions): Promise<SyncRunReport> {
  const source = resolveSource(feed, sources);
  let body: AsyncIterable<Uint8Array>;
  try {
    body = await source.open();
  } catch (error) {
    if (configured && error instanceof SourceNotFoundError) return nothingToSync(db, source.name);
    return runSync(db, { name: source.name, open: () => Promise.reject(error) }, { actor: `sync:${feed}` });
  }
  return runSync(db, { name: source.name, open: async () => body }, { actor: `sync:${feed}` });
}

/**
 * Builds the scheduled sync handler: it applies each feed in order through the sync
 * pipeline, logs each report, and fails the invocation when any feed could not be read.
 * Feeds named in the event must exist; configured ones may not exist yet (see `syncFeed`).
 */
export function createSyncHandler(config: SyncConfig, log: ReportLog, options: { db?: Db; sources?: SourceOptions } = {}) {
  const db =
    options.db ??
    new Db(
      createDocumentClient({ region: config.region, ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}) }),
      config.tableName,
    );
  return async (
    event: SyncEvent | undefined,
  ): Promise<{ runs: Pick<SyncRunReport, 'id' | 'source' | 'status' | 'read' | 'created' | 'updated' | 'unchanged' | 'rejected'>[] }> => {
    const named = Array.isArray(event?.feeds) && event.feeds.every((f) => typeof f === 'string') ? event.feeds : undefined;
    const reports: SyncRunReport[] = [];
    for (const feed of named ?? config.feeds) {
      const report = await syncFeed(db.forRequest(), feed, named === undefined, { region: config.region, ...options.sources });
      log(report);
      reports.push(report);
    }
    const failed = reports.filter((r) => r.status === 'FAILED');
    if (failed.length > 0) throw new FeedFailedError(`could not read ${failed.map((r) => `${r.source} (${r.error})`).join(', ')}`);
    return {
      runs: reports.map(({ id, source, status, read, created, updated, unchanged, rejected }) => ({
        id,
        source,
        status,
        read,
        created,
        updated,
        unchanged,
        rejected,
      })),
    };
  };
}
