import { dealsMatch } from '../domain/deal-matching.js';
import type { DealRecord } from '../domain/records.js';
import type { Db } from '../store/db.js';
import { getLinkDecisions } from '../store/deal-links.js';
import { type BatchEntry, getEntities, writeEntities } from '../store/entities.js';
import { isRegisterDeal } from '../store/index-items.js';
import { LISTS, type ListRef } from '../store/list-model.js';
import { queryList } from '../store/lists.js';

/** What a linking pass changed. */
export interface LinkReport {
  /** Register records that now point at a curated deal. */
  linked: number;
  /** Register records that no longer do. */
  unlinked: number;
}

/** Every entry of a list, page by page. */
async function allRefs(db: Db, list: ListRef): Promise<string[]> {
  const refs: string[] = [];
  let after: string | null = null;
  do {
    const page = await queryList(db, { lists: [list], descending: false }, { first: 100, after });
    refs.push(...page.entries.map((e) => e.ref));
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
  return refs;
}

async function liveDeals(db: Db, ids: readonly string[]): Promise<DealRecord[]> {
  const stored = await getEntities(db, ids, true);
  return ids.flatMap((id) => {
    const entity = stored.get(id);
    return entity && !entity.deleted && entity.record.type === 'deal' ? [entity.record] : [];
  });
}

/**
 * Links register records (SIPRI) to the curated deals (the article's) they describe, by the
 * rule of `dealsMatch`, an editor's decision on a pair overriding the rule. A register record
 * linked to a curated deal carries its id in `sameAs`, which keeps it out of the default lists.
 * Reads: one Query for the curated deals, two per curated deal (the deals between the same
 * parties, the records linked to it); writes only the register records whose link changes, so a second pass writes nothing.
 */
export async function linkDeals(db: Db, actor: string): Promise<LinkReport> {
  const report: LinkReport = { linked: 0, unlinked: 0 };
  const curatedDeals = await liveDeals(db, await allRefs(db, LISTS.curatedDeals()));
  const changes = new Map<string, DealRecord>();
  for (const curated of curatedDeals) {
    // The records between the same parties, and those linked before (the deal's parties may have changed since).
    const refs = [
      ...new Set([
        ...(await allRefs(db, LISTS.dealsBetween(curated.supplier, curated.recipient))),
        ...(await allRefs(db, LISTS.sourceRecordsOf(curated.id))),
      ]),
    ];
    const candidates = (await liveDeals(db, refs)).filter((d) => isRegisterDeal(d.id));
    const decisions = await getLinkDecisions(
      db,
      candidates.map((c) => ({ register: c.id, curated: curated.id })),
    );
    for (const candidate of candidates) {
      const register = changes.get(candidate.id) ?? candidate;
      const decision = decisions.get(`${register.id}|${curated.id}`);
      const wanted = decision ? decision === 'linked' : dealsMatch(curated, register);
      // A record another curated deal holds by the rule stays there; an editor's decision moves it.
      if (wanted && register.sameAs !== curated.id && (register.sameAs === undefined || decision === 'linked')) {
        changes.set(register.id, { ...register, sameAs: curated.id });
      } else if (!wanted && register.sameAs === curated.id) {
        const { sameAs: _, ...rest } = register;
        changes.set(register.id, rest);
      }
    }
  }
  const entries: BatchEntry[] = [...changes.values()].map((record) => ({ record, mode: 'upsert' }));
  const results = await writeEntities(db, entries, actor);
  results.forEach((result, i) => {
    if ('error' in result) throw result.error;
    if (result.outcome === 'unchanged') return;
    if ((entries[i] as BatchEntry).record.type === 'deal' && ((entries[i] as BatchEntry).record as DealRecord).sameAs) report.linked += 1;
    else report.unlinked += 1;
  });
  return report;
}

/**
 * Releases the register records linked to a deal that is gone (deleted), so lists show them
 * again: one Query on the deal's source records, writes only for those still pointing at it.
 */
export async function releaseSourceRecords(db: Db, dealId: string, actor: string): Promise<number> {
  const linked = (await liveDeals(db, await allRefs(db, LISTS.sourceRecordsOf(dealId)))).filter((d) => d.sameAs === dealId);
  const entries: BatchEntry[] = linked.map(({ sameAs: _, ...record }) => ({ record, mode: 'upsert' }));
  const results = await writeEntities(db, entries, actor);
  for (const result of results) if ('error' in result) throw result.error;
  return entries.length;
}
