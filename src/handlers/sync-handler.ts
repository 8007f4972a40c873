import type { SyncConfig } from '../config.js';
import { createDocumentClient, Db } from '../store/db.js';
import type { SyncRunReport } from '../store/sync-runs.js';
import { runSync } from '../sync/run.js';
import { resolveSource, type SourceOptions } from '../sync/sources/index.js';

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

/**
 * Builds the scheduled sync handler: it applies each feed in order through the sync
 * pipeline, logs each report, and fails the invocation when any feed could not be read.
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
  ): Promise<{
    runs: Pick<
      SyncRunReport,
      'id' | 'source' | 'status' | 'read' | 'created' | 'updated' | 'unchanged' | 'skipped' | 'stale' | 'rejected'
    >[];
  }> => {
    const feeds = Array.isArray(event?.feeds) && event.feeds.every((f) => typeof f === 'string') ? event.feeds : config.feeds;
    const reports: SyncRunReport[] = [];
    for (const feed of feeds) {
      const report = await runSync(db.forRequest(), resolveSource(feed, { region: config.region, ...options.sources }), {
        actor: `sync:${feed}`,
      });
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
