/**
 * Every key format of the table, in one place.
 *
 * - An entity lives at `pk = <id>`, `sk = "#"`; its revisions beside it at `sk = "REV#<version>"`.
 * - Every list an entity appears in is an index item in the same table, and most lists have a
 *   counter item (`COUNT#<list>`): both are declared in `list-model.ts`.
 */
export const ENTITY_SK = '#';
export const REVISION_PREFIX = 'REV#';

/** The key of an entity's item. */
export function entityKey(id: string): { pk: string; sk: string } {
  return { pk: id, sk: ENTITY_SK };
}

/** The key of the revision that kept `version` of an entity when it was replaced. */
export function revisionKey(id: string, version: number): { pk: string; sk: string } {
  return { pk: id, sk: `${REVISION_PREFIX}${String(version).padStart(10, '0')}` };
}

/**
 * An editor's decision that a register record does (or does not) describe a curated deal,
 * beside the register record's own partition: deal matching at later syncs keeps to it.
 */
export function dealLinkDecisionKey(registerDealId: string, curatedDealId: string): { pk: string; sk: string } {
  return { pk: `DEALLINK#${registerDealId}`, sk: curatedDealId };
}

/**
 * The item saying that a batch's committed changes were all finished (revisions, index items,
 * counters): a change committed in that batch is no longer pending, though its entity keeps the
 * mark. Never removed while an entity may name the batch.
 */
export function finishedBatchKey(batch: string): { pk: string; sk: string } {
  return { pk: `BATCH#${batch}`, sk: '#' };
}
