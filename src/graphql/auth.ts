import { ForbiddenError } from '../errors.js';
import { type ApiKey, findApiKey } from '../store/api-keys.js';
import type { Db } from '../store/db.js';

/** Who is calling: anonymous, or the holder of a key with its role. */
export type Caller = { kind: 'anonymous' } | { kind: 'key'; key: ApiKey };

/** How long a key lookup is reused; a revoked key stops working within this time. */
export const KEY_CACHE_MS = 60_000;

const KEY_SHAPE = /^geo_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/;

/**
 * Finds the caller from `authorization: Bearer <key>` or `x-api-key`, with lookups cached
 * per process for KEY_CACHE_MS. A malformed or unknown key is treated as no key at all.
 */
export function createKeyResolver(db: Db, now: () => number = Date.now) {
  const cache = new Map<string, { at: number; key: ApiKey | null }>();
  return async (headers: Record<string, string | undefined>): Promise<Caller> => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    const presented = bearer ?? headers['x-api-key'];
    if (!presented || !KEY_SHAPE.test(presented)) return { kind: 'anonymous' };
    const hit = cache.get(presented);
    let key = hit && now() - hit.at < KEY_CACHE_MS ? hit.key : undefined;
    if (key === undefined) {
      key = await findApiKey(db.forRequest(), presented);
      if (cache.size > 10_000) cache.clear();
      cache.set(presented, { at: now(), key });
    }
    return key ? { kind: 'key', key } : { kind: 'anonymous' };
  };
}

/**
 * Lets only editors through.
 * @throws ForbiddenError (UNAUTHENTICATED without a key, FORBIDDEN with a reader's key).
 */
export function requireEditor(caller: Caller): ApiKey {
  if (caller.kind === 'anonymous') throw new ForbiddenError('this change needs an editor API key: send authorization: Bearer <key>', false);
  if (caller.key.role !== 'editor') throw new ForbiddenError('this API key may read but not change data', true);
  return caller.key;
}

/** Whether the caller holds an editor's key: who changed what is shown to editors only. */
export function isEditor(caller: Caller): boolean {
  return caller.kind === 'key' && caller.key.role === 'editor';
}
