import DataLoader from 'dataloader';
import { batchGet } from '../store/batch.js';
import type { Db } from '../store/db.js';
import { entityFromItem } from '../store/entities.js';
import { ENTITY_SK } from '../store/keys.js';
import { type Model, toModel } from './models.js';

/** Loads entities by id, as DataLoader does (`loadMany` gives an Error in place of a failed one). */
export interface EntityLoader {
  load(id: string): Promise<Model | null>;
  loadMany(ids: readonly string[]): Promise<(Model | null | Error)[]>;
  clear(id: string): void;
  clearAll(): void;
}

/**
 * Per-request loaders: every id asked for while resolving one level goes out in one
 * BatchGetItem, and so do ids asked for while a list of the request is being read, with the
 * list's own entities (a leader's country with its meetings): a batch waits for the request's
 * calls under way rather than going out beside them. List counters (`totalCount`) are items
 * at the same kind of key, so they go out in the same BatchGetItem as the page's entities.
 */
export interface Loaders {
  entity: EntityLoader;
  /** One field of a list's counter item; 0 for a list that has never had an entry. */
  counter(key: { pk: string; sk: string }, field: string): Promise<number>;
}

/** New loaders for one request; their cache lives as long as the request. */
export function createLoaders(db: Db): Loaders {
  // Items at `sk = "#"`: entities, and list counters.
  const items = new DataLoader<string, Record<string, unknown> | null>(
    async (pks) => {
      const found = await batchGet(
        db,
        pks.map((pk) => ({ pk, sk: ENTITY_SK })),
      );
      const byPk = new Map(found.map((item) => [item.pk as string, item]));
      return pks.map((pk) => byPk.get(pk) ?? null);
    },
    { batchScheduleFn: (dispatch) => db.whenIdle(dispatch) },
  );
  const load = async (id: string) => {
    const item = await items.load(id);
    return item ? toModel(entityFromItem(item)) : null;
  };
  return {
    entity: {
      load,
      loadMany: (ids) => Promise.all(ids.map((id) => load(id).catch((error: Error) => error))),
      clear: (id) => void items.clear(id),
      clearAll: () => void items.clearAll(),
    },
    counter: async (key, field) => {
      if (key.sk !== ENTITY_SK) throw new Error(`counter items live at sk = ${ENTITY_SK}`);
      const item = await items.load(key.pk);
      return Number(item?.[field] ?? 0);
    },
  };
}
