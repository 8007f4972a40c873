import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { entityKey, LIST } from './keys.js';

/** One sync run's report, as stored and as `syncRuns` shows it. */
export interface SyncRunReport {
  id: string;
  source: string;
  format: string;
  startedAt: string;
  finishedAt?: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Records an editor had deleted, left deleted (runs stored before this was counted lack it). */
  skipped: number;
  /** Records from an older snapshot than the stored ones, not written (likewise). */
  stale: number;
  rejected: number;
  /** The first rejects only: a run over a broken file must not outgrow an item. */
  rejects: { line: number; message: string }[];
  error?: string;
}

const SYNC_RUN_ID = /^syncrun:\d{8}T\d{9}Z-[0-9a-f]{8}$/;

/** Whether `id` has the shape of a sync run's id. */
export function isSyncRunId(id: string): boolean {
  return SYNC_RUN_ID.test(id);
}

/** A new run's id: its start time (so ids sort by time) and a random tail. */
export function newSyncRunId(startedAt: string): string {
  return `syncrun:${startedAt.replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
}

/** Stores a run's report (again, as it progresses), and its entry in the list of runs. */
export async function saveSyncRun(db: Db, run: SyncRunReport): Promise<void> {
  await db.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...entityKey(run.id),
        t: 'syncrun',
        v: 1,
        h: '',
        d: { type: 'syncrun', ...run },
        at: run.finishedAt ?? run.startedAt,
        by: 'sync',
      },
    }),
  );
  await db.send(
    new PutCommand({ TableName: db.tableName, Item: { pk: LIST.syncRuns(), sk: `${run.startedAt}#${run.id}`, ref: run.id, t: 'syncrun' } }),
  );
}
