import type { QueryCommandInput, QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { EntityRecord } from '../domain/records.js';
import { type Reference, referencesOf } from '../domain/references.js';
import type { Db } from './db.js';
import { getEntities } from './entities.js';
import { LISTS } from './list-model.js';

/** Why a referenced id cannot be referred to. */
export type Absence = 'missing' | 'deleted';

/**
 * Which of `ids` are not live records (missing, or deleted), read with one strongly
 * consistent BatchGetItem per 100 ids.
 */
export async function absentRecords(db: Db, ids: Iterable<string>): Promise<Map<string, Absence>> {
  const wanted = [...new Set(ids)];
  const absent = new Map<string, Absence>();
  if (wanted.length === 0) return absent;
  const found = await getEntities(db, wanted, true);
  for (const id of wanted) {
    const entity = found.get(id);
    if (!entity) absent.set(id, 'missing');
    else if (entity.deleted) absent.set(id, 'deleted');
  }
  return absent;
}

/** The references of `record` that `isLive` says do not resolve. */
export function brokenReferences(record: EntityRecord, isLive: (id: string) => boolean): Reference[] {
  return referencesOf(record).filter((ref) => !isLive(ref.id));
}

/** "participants[1]: leader:nobody is not in the knowledge base; supplier: country:XX was deleted". */
export function describeBroken(broken: readonly Reference[], absence: (id: string) => Absence | undefined, prefix = ''): string {
  const shown = broken.slice(0, 3).map((ref) => {
    const why = absence(ref.id) === 'deleted' ? 'was deleted' : 'is not in the knowledge base';
    return `${prefix}${ref.field}: ${ref.id} ${why}`;
  });
  const more = broken.length > shown.length ? ` (and ${broken.length - shown.length} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/** How many records refer to a record, and the ids of the first few. */
export interface Referrers {
  count: number;
  some: string[];
}

/**
 * Who refers to `id`, from its referrers list (`LISTS.referrersOf`): a Query of the first few ids, then, when
 * there are more, Select COUNT pages for the total (a count page reads up to 1 MB of keys).
 */
export async function referrers(db: Db, id: string, few = 5): Promise<Referrers> {
  const query = (extra: Omit<QueryCommandInput, 'TableName'>) =>
    db.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': LISTS.referrersOf(id).pk },
      ConsistentRead: true,
      ...extra,
    });
  const first = await query({ Limit: few, ProjectionExpression: '#ref', ExpressionAttributeNames: { '#ref': 'ref' } });
  const some = (first.Items ?? []).map((item) => item.ref as string);
  if (!first.LastEvaluatedKey) return { count: some.length, some };
  let count = some.length;
  let start: Record<string, unknown> | undefined = first.LastEvaluatedKey;
  while (start) {
    const page: QueryCommandOutput = await query({ Select: 'COUNT', ExclusiveStartKey: start });
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  }
  return { count, some };
}
