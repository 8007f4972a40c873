import { loadSyncConfig } from '../config.js';
import { createSyncHandler } from './sync-handler.js';

/** The sync function's entry point (`dist/sync/index.mjs`), invoked by EventBridge Scheduler. */
export const handler = createSyncHandler(loadSyncConfig(), (report) => {
  const { rejects, ...summary } = report;
  console.log(
    JSON.stringify({
      level: report.status === 'FAILED' ? 'ERROR' : 'INFO',
      message: 'sync run',
      ...summary,
      firstRejects: rejects.slice(0, 10),
    }),
  );
});
