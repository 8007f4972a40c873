import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError } from '../errors.js';
import type { Db } from './db.js';

/** What a key lets its holder do. */
export type Role = 'reader' | 'editor';

/** A key as stored: never the key itself, only its SHA-256. */
export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt?: string;
}

const KEYS_PARTITION = 'APIKEYS';
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');
const byHash = (hash: string) => ({ pk: `APIKEY#${hash}`, sk: '#' });

/**
 * Creates a key and stores its hash. The key is returned once and cannot be read back.
 * @returns the stored record and the key to hand to its holder.
 */
export async function createApiKey(db: Db, name: string, role: Role): Promise<{ apiKey: ApiKey; key: string }> {
  const id = randomBytes(6).toString('hex');
  const key = `geo_${id}_${randomBytes(24).toString('base64url')}`;
  const hash = hashKey(key);
  const apiKey: ApiKey = { id, name, role, createdAt: new Date().toISOString() };
  await db.put({
    Item: { ...byHash(hash), t: 'apikey', ...apiKey },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
  await db.put({ Item: { pk: KEYS_PARTITION, sk: id, t: 'apikey', hash, ...apiKey } });
  return { apiKey, key };
}

/** The key's record when the key is known and not revoked; null otherwise. */
export async function findApiKey(db: Db, key: string): Promise<ApiKey | null> {
  const out = await db.get({ Key: byHash(hashKey(key)) });
  const item = out.Item as (ApiKey & { pk: string }) | undefined;
  if (!item || item.revokedAt) return null;
  return { id: item.id, name: item.name, role: item.role, createdAt: item.createdAt };
}

/** Every key ever made, revoked ones included (an operator's list, not a request path). */
export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  const keys: ApiKey[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': KEYS_PARTITION },
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    for (const item of (out.Items ?? []) as (ApiKey & { hash: string })[]) {
      keys.push({
        id: item.id,
        name: item.name,
        role: item.role,
        createdAt: item.createdAt,
        ...(item.revokedAt ? { revokedAt: item.revokedAt } : {}),
      });
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return keys;
}

/**
 * Revokes a key by id.
 * @throws NotFoundError when there is no key with that id.
 */
export async function revokeApiKey(db: Db, id: string): Promise<void> {
  const out = await db.get({ Key: { pk: KEYS_PARTITION, sk: id } });
  const item = out.Item as { hash: string } | undefined;
  if (!item) throw new NotFoundError(`no API key with id ${id}`);
  const revokedAt = new Date().toISOString();
  for (const key of [byHash(item.hash), { pk: KEYS_PARTITION, sk: id }]) {
    await db.update({
      Key: key,
      UpdateExpression: 'SET revokedAt = :at',
      ExpressionAttributeValues: { ':at': revokedAt },
    });
  }
}
