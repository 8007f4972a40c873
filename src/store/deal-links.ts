import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch.js';
import type { Db } from './db.js';
import { dealLinkDecisionKey } from './keys.js';

/** Whether an editor said a register record describes a curated deal (`linked`) or not (`unlinked`). */
export type LinkDecision = 'linked' | 'unlinked';

/**
 * The editors' decisions on pairs of (register record, curated deal), in BatchGetItem calls of
 * 100 keys; pairs nobody decided are absent from the map (keyed `<register>|<curated>`).
 */
export async function getLinkDecisions(
  db: Db,
  pairs: readonly { register: string; curated: string }[],
): Promise<Map<string, LinkDecision>> {
  const items = await batchGet(
    db,
    pairs.map((p) => dealLinkDecisionKey(p.register, p.curated)),
    true,
  );
  return new Map(
    items.map((item) => [`${(item.pk as string).slice('DEALLINK#'.length)}|${item.sk as string}`, item.state as LinkDecision]),
  );
}

/** Stores an editor's decision on a pair; the newer decision replaces the older one. */
export async function putLinkDecision(db: Db, register: string, curated: string, state: LinkDecision, by: string): Promise<void> {
  await db.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...dealLinkDecisionKey(register, curated), t: 'deallink', state, by, at: new Date().toISOString() },
    }),
  );
}
