import type { Stage } from '../config.js';
import { RequestBudget } from '../store/budget.js';
import type { CallScheduler } from '../store/call-scheduler.js';
import type { Db } from '../store/db.js';
import type { Caller } from './auth.js';
import { budgetFor } from './budgets.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver of one request shares. */
export interface Context {
  /** The table, with this request's call counters and budget. */
  db: Db;
  loaders: Loaders;
  caller: Caller;
  stage: Stage;
}

/**
 * A fresh context for one request: new counters, new loader caches, the caller's budget with a
 * lane of the process' `scheduler`, and the request's deadline signal.
 */
export function createContext(db: Db, caller: Caller, stage: Stage, scheduler: CallScheduler, signal?: AbortSignal): Context {
  const requestDb = db.forRequest(signal, new RequestBudget(budgetFor(caller), scheduler.lane()));
  return { db: requestDb, loaders: createLoaders(requestDb), caller, stage };
}
