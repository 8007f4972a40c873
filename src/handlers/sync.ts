import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { loadSyncConfig } from '../config.js';
import { METRIC, METRIC_NAMESPACE, METRIC_SERVICE } from '../metric-names.js';
import { createSyncHandler, NOTHING_TO_SYNC_FORMAT, type SyncEvent } from './sync-handler.js';

const config = loadSyncConfig();
const logger = new Logger({ serviceName: 'geo-gateway-sync', persistentKeys: { stage: config.stage } });
const metrics = new Metrics({ namespace: METRIC_NAMESPACE, serviceName: METRIC_SERVICE.sync, defaultDimensions: { stage: config.stage } });

const run = createSyncHandler(
  config,
  (report) => {
    const { rejects, ...summary } = report;
    const entry = { ...summary, firstRejects: rejects.slice(0, 10) };
    if (report.status === 'FAILED') logger.error('sync run failed', entry);
    else if (report.format === NOTHING_TO_SYNC_FORMAT) logger.info('nothing to sync: the feed object does not exist yet', entry);
    else logger.info('sync run', entry);
    for (const [name, value] of Object.entries({
      Read: report.read,
      Created: report.created,
      Updated: report.updated,
      Rejected: report.rejected,
    })) {
      metrics.addMetric(`Sync${name}`, MetricUnit.Count, value);
    }
    metrics.addMetric(METRIC.syncFailed, MetricUnit.Count, report.status === 'FAILED' ? 1 : 0);
    metrics.publishStoredMetrics();
  },
  { logError: (message, error) => logger.error(message, error as Error) },
);

/**
 * The sync function's entry point (`dist/sync/index.mjs`), invoked by EventBridge Scheduler:
 * each feed's report is logged with the invocation's request id and counted in EMF metrics.
 */
export async function handler(event: SyncEvent | undefined, context: Context) {
  logger.addContext(context);
  return run(event, context);
}
