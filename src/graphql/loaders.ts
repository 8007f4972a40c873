import DataLoader from 'dataloader';
import { batchGet } from '../store/batch.js';
import type { Db } from '../store/db.js';
import { entityFromItem } from '../store/entities.js';
import { ENTITY_SK } from '../store/keys.js';
import type { InstanceCache } from './instance-cache.js';
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

/** Items at `sk = "#"` (entities, list counters) by `pk`: what an instance may keep. */
export type ItemCache = InstanceCache<Record<string, unknown>>;

/**
 * Whether an instance may keep an item. Not a sync run's report, which changes while the run
 * goes on and is answered `no-store`; nor the absence of an item, which a write may end at once.
 */
const keepable = (item: Record<string, unknown> | undefined): item is Record<string, unknown> => item !== undefined && item.t !== 'syncrun';

/**
 * New loaders for one request; their cache lives as long as the request. With `shared` (the
 * instance's items, see `StageSettings.itemCacheSeconds`), every item read is kept there, and,
 * unless `fromShared` is false (an editor's request), an item it still holds costs no read. A
 * change announced through `clear` is forgotten there too, so this instance's next readers
 * see it at once.
 */
export function createLoaders(db: Db, shared?: ItemCache, fromShared = true): Loaders {
  // Items at `sk = "#"`: entities, and list counters.
  const items = new DataLoader<string, Record<string, unknown> | null>(
    async (pks) => {
      const found = await batchGet(
        db,
        pks.map((pk) => ({ pk, sk: ENTITY_SK })),
      );
      const byPk = new Map(found.map((item) => [item.pk as string, item]));
      for (const item of found) if (keepable(item)) shared?.keep(item.pk as string, item);
      return pks.map((pk) => byPk.get(pk) ?? null);
    },
    { batchScheduleFn: (dispatch) => db.whenIdle(dispatch) },
  );
  // A kept item answers at once: it does not wait for the request's batch to go out.
  const item = (pk: string) => {
    const kept = fromShared ? shared?.fresh(pk) : undefined;
    return kept ? Promise.resolve(kept.value) : items.load(pk);
  };
  const load = async (id: string) => {
    const found = await item(id);
    return found ? toModel(entityFromItem(found)) : null;
  };
  return {
    entity: {
      load,
      loadMany: (ids) => Promise.all(ids.map((id) => load(id).catch((error: Error) => error))),
      clear: (id) => {
        items.clear(id);
        shared?.forget(id);
      },
      clearAll: () => {
        items.clearAll();
        shared?.forget();
      },
    },
    counter: async (key, field) => {
      if (key.sk !== ENTITY_SK) throw new Error(`counter items live at sk = ${ENTITY_SK}`);
      const found = await item(key.pk);
      return Number(found?.[field] ?? 0);
    },
  };
}
