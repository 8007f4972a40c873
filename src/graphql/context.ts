import type { Stage } from '../config.js';
import type { Db } from '../store/db.js';
import type { Caller } from './auth.js';
import type { ErrorLog } from './errors.js';
import { createLoaders, type Loaders } from './loaders.js';
import { MissingReferences } from './missing-references.js';

/** What every resolver of one request shares. */
export interface Context {
  /** The table, with this request's call counters. */
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
}

/** What a request brings beyond its caller: its deadline (a signal, and when it fires) and a log. */
export interface RequestScope {
  signal?: AbortSignal;
  /** Epoch ms at which `signal` fires. */
  at?: number;
  log?: ErrorLog;
}

/** A fresh context for one request: new counters, new loader caches, and the request's deadline. */
export function createContext(db: Db, caller: Caller, stage: Stage, scope: RequestScope = {}): Context {
  const requestDb = db.forRequest(scope.signal);
  return {
    db: requestDb,
    loaders: createLoaders(requestDb),
    caller,
    stage,
    log: scope.log ?? (() => undefined),
    missing: new MissingReferences(),
    ...(scope.at === undefined ? {} : { deadline: scope.at }),
  };
}
