import type { Stage } from '../config.js';
import type { Db } from '../store/db.js';
import type { Caller } from './auth.js';
import type { ErrorLog } from './errors.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver of one request shares. */
export interface Context {
  /** The table, with this request's call counters. */
  db: Db;
  loaders: Loaders;
  caller: Caller;
  stage: Stage;
  /** Where what callers must not see goes (the cause of an unexpected failure). */
  log: ErrorLog;
}

/** A fresh context for one request: new counters, new loader caches, and the request's deadline signal. */
export function createContext(db: Db, caller: Caller, stage: Stage, signal?: AbortSignal, log: ErrorLog = () => undefined): Context {
  const requestDb = db.forRequest(signal);
  return { db: requestDb, loaders: createLoaders(requestDb), caller, stage, log };
}
