import type { Stage } from '../config.js';
import { RequestBudget } from '../store/budget.js';
import type { Lane } from '../store/call-scheduler.js';
import type { Db } from '../store/db.js';
import type { StatsAnswer } from '../store/stats.js';
import { type Caller, isEditor } from './auth.js';
import { budgetFor } from './budgets.js';
import type { ErrorLog } from './errors.js';
import { InstanceCache } from './instance-cache.js';
import { createLoaders, type ItemCache, type Loaders } from './loaders.js';
import { MissingReferences } from './missing-references.js';

/** `armsTransferStats` answers (the counters' sums, before sorting and paging) an instance keeps. */
export type StatsCache = InstanceCache<StatsAnswer>;

const NO_STATS_CACHE: StatsCache = new InstanceCache(0, 0);

/** Statistics answers an instance keeps at most (a few KB each: a group's totals per group). */
const MAX_STATS_ANSWERS = 200;
/** Items an instance keeps at most (an entity is about 1 KB; the largest stored are a few KB). */
const MAX_ITEMS = 5_000;

/**
 * What one instance keeps for the requests it serves (`createContext`'s scope), for as long as
 * its stage says (`StageSettings`).
 */
export function instanceCaches(settings: {
  statsCacheSeconds: number;
  itemCacheSeconds: number;
}): Required<Pick<RequestScope, 'statsCache' | 'itemCache'>> {
  return {
    statsCache: new InstanceCache(settings.statsCacheSeconds, MAX_STATS_ANSWERS),
    itemCache: new InstanceCache(settings.itemCacheSeconds, MAX_ITEMS),
  };
}

/** What every resolver of one request shares. */
export interface Context {
  /** The table, with this request's call counters and budget. */
  db: Db;
  loaders: Loaders;
  caller: Caller;
  stage: Stage;
  /** Where what callers must not see goes (the cause of an unexpected failure). */
  log: ErrorLog;
  /** When the request is cut short (epoch ms), if it has a deadline. */
  deadline?: number;
  /** References left out of the answer because they did not resolve. */
  missing: MissingReferences;
  /** `armsTransferStats` answers this instance keeps for a while (none when the stage keeps none). */
  statsCache: StatsCache;
}

/** What a request brings beyond its caller: its deadline (a signal, and when it fires), a log, and its turn at DynamoDB. */
export interface RequestScope {
  signal?: AbortSignal;
  /** Epoch ms at which `signal` fires. */
  at?: number;
  log?: ErrorLog;
  /** The request's lane of the process' CallScheduler; a lane of its own when absent. */
  lane?: Lane;
  /** The instance's statistics answers kept for a while; none kept when absent. */
  statsCache?: StatsCache;
  /** The instance's items kept for a while, read from for callers without an editor's key; none kept when absent. */
  itemCache?: ItemCache;
}

/** A fresh context for one request: new counters, new loader caches, the caller's budget of reads, and the request's deadline. */
export function createContext(db: Db, caller: Caller, stage: Stage, scope: RequestScope = {}): Context {
  const requestDb = db.forRequest(scope.signal, new RequestBudget(budgetFor(caller), scope.lane));
  return {
    db: requestDb,
    // Editors read the table: what they edit against is the version stored.
    loaders: createLoaders(requestDb, scope.itemCache, !isEditor(caller)),
    caller,
    stage,
    log: scope.log ?? (() => undefined),
    missing: new MissingReferences(),
    statsCache: scope.statsCache ?? NO_STATS_CACHE,
    ...(scope.at === undefined ? {} : { deadline: scope.at }),
  };
}
