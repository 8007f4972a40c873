import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/store/api-keys.js';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { createTestGateway, type TestGateway } from '../support/gateway.js';
import { dataOf, errorOf, type Page } from './helpers.js';

const SAMPLE = fileURLToPath(new URL('../fixtures/sipri/trade-register-2026-05-sample.csv', import.meta.url));
const DRONES = 'deal:2022-iran-russia-drones';
const MISSILES = 'deal:2024-iran-russia-short-range-ballistic-missiles';

let gateway: TestGateway;
let editor: Record<string, string>;

// Pages of 40: a Query of source records per deal keeps 100 within no anonymous budget (docs/security.md, "Cost model and budget").
const RECORDS = `query { militaryDeals(filter: { supplier: "IR", recipient: "RU" }, first: 40) { edges { cursor node { id items { designation } sameAs { id } sourceRecords { id items { designation } } } } pageInfo { hasNextPage endCursor } } }`;
type Node = { id: string; items: { designation: string | null }[]; sameAs: { id: string } | null; sourceRecords: Node[] };
const shown = async () => dataOf(await gateway.query<{ militaryDeals: Page<Node> }>(RECORDS)).militaryDeals.edges.map((e) => e.node);
const LINK = `mutation ($deal: ID!, $record: ID!) { linkDeals(deal: $deal, sourceRecord: $record) { id sourceRecords { id } } }`;
const UNLINK = `mutation ($deal: ID!, $record: ID!) { unlinkDeals(deal: $deal, sourceRecord: $record) { id sourceRecords { id } } }`;

async function importSample(): Promise<void> {
  const report = await runSync(gateway.db, resolveSource(SAMPLE), { actor: 'test' });
  expect(report).toMatchObject({ status: 'SUCCEEDED', rejected: 0 });
}

/** The SIPRI record of the drone deal with this designation ("Russia,Iran,2022,,20,?,Mohajer-6,armed drone,…"). */
async function sipriRecord(designation: string): Promise<string> {
  const drones = (await shown()).find((d) => d.id === DRONES);
  const record = drones?.sourceRecords.find((r) => r.items[0]?.designation === designation);
  if (!record) throw new Error(`no ${designation} under the drone deal`);
  return record.id;
}

beforeAll(async () => {
  gateway = await createTestGateway();
  await importSample();
  editor = { authorization: `Bearer ${(await createApiKey(gateway.db, 'test editor', 'editor')).key}` };
});

describe('Mutation: unlinkDeals and linkDeals', () => {
  it('unlinks a register record an editor judges another transfer, lists it on its own, and keeps it apart at the next sync', async () => {
    // Prepare: the rule links SIPRI's Mohajer-6 (20 armed drones) to the article's "hundreds of drones".
    const mohajer = await sipriRecord('Mohajer-6');

    // Act
    const unlinked = dataOf(await gateway.query<{ unlinkDeals: Node }>(UNLINK, { deal: DRONES, record: mohajer }, editor)).unlinkDeals;
    await importSample();

    // Assess
    expect(unlinked.sourceRecords.map((r) => r.id)).not.toContain(mohajer);
    const after = await shown();
    // Both agreed in 2022: the same date orders by id, newest first.
    expect(after.map((d) => d.id)).toEqual([mohajer, DRONES, MISSILES]);
    expect(after.find((d) => d.id === mohajer)?.sameAs).toBeNull();
    expect(
      after
        .find((d) => d.id === DRONES)
        ?.sourceRecords.map((r) => r.items[0]?.designation)
        .sort(),
    ).toEqual(['Shahed-131', 'Shahed-136']);
  });

  it('links it again on an editor’s word, which the next sync keeps too', async () => {
    // Prepare
    const all = dataOf(
      await gateway.query<{ militaryDeals: Page<Node> }>(
        `{ militaryDeals(filter: { supplier: "IR", recipient: "RU", includeSourceRecords: true }, first: 40) { edges { cursor node { id items { designation } sameAs { id } sourceRecords { id items { designation } } } } pageInfo { hasNextPage endCursor } } }`,
      ),
    ).militaryDeals.edges.map((e) => e.node);
    const mohajer = all.find((d) => d.items[0]?.designation === 'Mohajer-6')?.id as string;

    // Act
    const linked = dataOf(await gateway.query<{ linkDeals: Node }>(LINK, { deal: DRONES, record: mohajer }, editor)).linkDeals;
    await importSample();

    // Assess
    expect(linked.sourceRecords.map((r) => r.id)).toContain(mohajer);
    expect((await shown()).map((d) => d.id)).toEqual([DRONES, MISSILES]);
  });

  it('refuses anonymous callers, unknown deals and pairs the wrong way round, and changes nothing', async () => {
    // Prepare
    const shahed = await sipriRecord('Shahed-136');
    const before = await shown();

    // Act
    const anonymous = errorOf(await gateway.query(UNLINK, { deal: DRONES, record: shahed }));
    const unknown = errorOf(await gateway.query(LINK, { deal: 'deal:nothing', record: shahed }, editor));
    const reversed = errorOf(await gateway.query(LINK, { deal: shahed, record: DRONES }, editor));
    const notADeal = errorOf(await gateway.query(LINK, { deal: 'leader:vladimir-putin', record: shahed }, editor));

    // Assess
    expect([anonymous.code, unknown.code, reversed.code, notADeal.code]).toEqual([
      'UNAUTHENTICATED',
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    expect(await shown()).toEqual(before);
  });

  it('lists the SIPRI records on their own again when the deal they described is deleted', async () => {
    // Act
    const deleted = dataOf(
      await gateway.query<{ deleteMilitaryDeal: { changed: boolean } }>(
        `mutation { deleteMilitaryDeal(id: "${MISSILES}") { changed } }`,
        {},
        editor,
      ),
    );

    // Assess: SIPRI's "Russia,Iran,2023,,200,?,Fath-360,surface-to-surface missile,…" stands alone.
    expect(deleted.deleteMilitaryDeal.changed).toBe(true);
    const after = await shown();
    expect(after.map((d) => d.id)).not.toContain(MISSILES);
    expect(after.find((d) => d.items[0]?.designation === 'Fath-360')?.sameAs).toBeNull();
  });
});
