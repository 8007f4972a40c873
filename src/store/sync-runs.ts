import { randomBytes } from 'node:crypto';
import type { Db } from './db.js';
import { entityKey } from './keys.js';
import { LISTS } from './list-model.js';

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
  skipped?: number;
  /** Records from an older snapshot than the stored ones, not written (likewise). */
  stale?: number;
  rejected: number;
  /** The first rejects only: a run over a broken file must not outgrow an item. */
  rejects: { line: number; message: string }[];
  error?: string;
  /**
   * When the run must have ended by: a run still RUNNING after it was cut short (a deadline,
   * a crash) and reads as FAILED. Pushed forward at every save of a run without a time limit.
   */
  deadlineAt?: string;
  /** Who started it: an editor (`editor:<key name>`), the schedule (`sync`) or a local tool. */
  startedBy?: string;
}

/**
 * How long a run without a deadline of its own (a local tool) counts as alive after its last
 * save; it saves after every round of 500 records, which takes seconds.
 */
export const RUN_LEASE_MS = 5 * 60_000;

/** The deadline of runs stored before runs had one: the longest a sync function may run. */
const LEGACY_RUN_MS = 15 * 60_000;

/**
 * What DynamoDB, dynalite and the SDK say in their own words. Reports are written in the
 * gateway's words; ones stored before that was so may hold these, and are read without them.
 */
const ENGINE_TEXT =
  /Aggregated size|NumberValue|@aws-sdk|MAX_SAFE_INTEGER|ValidationException|One or more parameter values|Item size has exceeded|key element|ConditionalCheckFailed|ProvisionedThroughput|TimeoutError|ECONNREFUSED|socket hang up/i;

const WITHHELD = 'could not be written because of an unexpected error (its details are kept out of reports)';

const ownWords = (message: string) => (ENGINE_TEXT.test(message) ? WITHHELD : message);

/**
 * A stored report as it stands at `now`: a run still RUNNING past its deadline was cut short
 * (the function timed out, the process died) before it could say so, and reads as FAILED.
 * Engine text that reports stored before reports were worded by the gateway is left out.
 */
export function reportAsOf(stored: SyncRunReport, now: number): SyncRunReport {
  const run: SyncRunReport = {
    ...stored,
    rejects: stored.rejects.map((r) => ({ line: r.line, message: ownWords(r.message) })),
    ...(stored.error === undefined ? {} : { error: ownWords(stored.error) }),
  };
  if (run.status !== 'RUNNING') return run;
  const deadline = run.deadlineAt ?? new Date(Date.parse(run.startedAt) + LEGACY_RUN_MS).toISOString();
  if (now <= Date.parse(deadline)) return run;
  return {
    ...run,
    deadlineAt: deadline,
    status: 'FAILED',
    error: `interrupted: the run stopped without finishing by its deadline (${deadline}), after ${run.read} records; run it again to complete it`,
  };
}

const SYNC_RUN_ID = /^syncrun:\d{8}T\d{9}Z-[0-9a-f]{8}$/;

/** Whether `id` has the shape of a sync run's id. */
export function isSyncRunId(id: string): boolean {
  return SYNC_RUN_ID.test(id);
}

/** A run's report before it has read anything: RUNNING, every count at 0. */
export function newSyncRunReport(source: string, format: string, startedAt: string, startedBy?: string): SyncRunReport {
  return {
    id: newSyncRunId(startedAt),
    source,
    format,
    startedAt,
    status: 'RUNNING',
    read: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    stale: 0,
    rejected: 0,
    rejects: [],
    ...(startedBy ? { startedBy } : {}),
  };
}

/** A new run's id: its start time (so ids sort by time) and a random tail. */
export function newSyncRunId(startedAt: string): string {
  return `syncrun:${startedAt.replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
}

/** Stores a run's report (again, as it progresses), and its entry in the list of runs. */
export async function saveSyncRun(db: Db, run: SyncRunReport): Promise<void> {
  await db.put({
    Item: {
      ...entityKey(run.id),
      t: 'syncrun',
      v: 1,
      h: '',
      d: { type: 'syncrun', ...run },
      at: run.finishedAt ?? run.startedAt,
      by: 'sync',
    },
  });
  await db.put({ Item: { pk: LISTS.syncRuns().pk, sk: `${run.startedAt}#${run.id}`, ref: run.id, t: 'syncrun' } });
}
