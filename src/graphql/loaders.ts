import DataLoader from 'dataloader';
import type { Db } from '../store/db.js';
import { getEntities } from '../store/entities.js';
import { type Model, toModel } from './models.js';

/**
 * Per-request loaders: every id asked for while resolving one level goes out in one
 * BatchGetItem, and so do ids asked for while a list of the request is being read, with the
 * list's own entities (a leader's country with its meetings): a batch waits for the request's
 * calls under way rather than going out beside them.
 */
export interface Loaders {
  entity: DataLoader<string, Model | null>;
}

/** New loaders for one request; their cache lives as long as the request. */
export function createLoaders(db: Db): Loaders {
  return {
    entity: new DataLoader<string, Model | null>(
      async (ids) => {
        const found = await getEntities(db, ids);
        return ids.map((id) => toModel(found.get(id)));
      },
      { batchScheduleFn: (dispatch) => db.whenIdle(dispatch) },
    ),
  };
}
