import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DealRecord } from '../../src/domain/records.js';
import { createApiKey } from '../../src/store/api-keys.js';
import { getEntity, writeEntity } from '../../src/store/entities.js';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { startFaultyEngine } from '../support/faulty-dynamodb.js';
import { countCalls, createTestGateway, type TestGateway } from '../support/gateway.js';
import { type CsvDeal, readSipriCsv } from '../support/sipri-csv.js';

const SAMPLE = fileURLToPath(new URL('../fixtures/sipri/trade-register-2026-05-sample.csv', import.meta.url));
const PER_DELIVERY = fileURLToPath(new URL('../fixtures/sipri/per-delivery-2000-2001-excerpt.csv', import.meta.url));

/** SIPRI's names in the sample and the parties they stand for, written out from the file. */
const PARTY: Record<string, string> = {
  Afghanistan: 'country:AF',
  'African Union**': 'organization:african-union',
  Algeria: 'country:DZ',
  Argentina: 'country:AR',
  Australia: 'country:AU',
  Brazil: 'country:BR',
  'Hezbollah (Lebanon)*': 'organization:hezbollah',
  'Houthi rebels (Yemen)*': 'organization:houthis',
  Iran: 'country:IR',
  Russia: 'country:RU',
  Ukraine: 'country:UA',
  'United Nations**': 'organization:united-nations',
  China: 'country:CN',
  Czechia: 'country:CZ',
  Finland: 'country:FI',
  France: 'country:FR',
  Israel: 'country:IL',
  Italy: 'country:IT',
  Norway: 'country:NO',
  'Soviet Union': 'country:SU',
  'United States': 'country:US',
  'unknown supplier(s)': 'organization:unknown-supplier',
};

interface Totals {
  deals: number;
  tivOrdered: number;
  tivDelivered: number;
  numberOrdered: number;
  numberDelivered: number;
}
type Grouping = 'SUPPLIER' | 'RECIPIENT' | 'ORDER_YEAR';

/** The totals of the CSV's deals, grouped (by `keyOf` when given), TIV back in millions. */
function expected(deals: CsvDeal[], groupBy: Grouping, keyOf?: (d: CsvDeal) => string): Map<string, Totals> {
  const groups = new Map<string, Totals & { h: [number, number] }>();
  for (const d of deals) {
    const key =
      keyOf?.(d) ?? (groupBy === 'ORDER_YEAR' ? String(d.year) : (PARTY[groupBy === 'SUPPLIER' ? d.supplier : d.recipient] as string));
    const g = groups.get(key) ?? { deals: 0, tivOrdered: 0, tivDelivered: 0, numberOrdered: 0, numberDelivered: 0, h: [0, 0] };
    g.deals += 1;
    g.h[0] += d.tivOrdered;
    g.h[1] += d.tivDelivered;
    g.numberOrdered += d.ordered;
    g.numberDelivered += d.delivered;
    groups.set(key, g);
  }
  return new Map([...groups].map(([k, { h, ...t }]) => [k, { ...t, tivOrdered: h[0] / 100, tivDelivered: h[1] / 100 }]));
}

const STATS = `query ($filter: ArmsTransferFilter, $groupBy: ArmsTransferGrouping!, $orderBy: ArmsTransferTotal, $first: Int, $after: String) {
  armsTransferStats(filter: $filter, groupBy: $groupBy, orderBy: $orderBy, first: $first, after: $after) {
    groupCount
    totals { deals tivOrdered tivDelivered numberOrdered numberDelivered }
    sources { deals source { id publishedOn } }
    edges { cursor node { orderYear party { ... on Country { id } ... on Organization { id } ... on Leader { id } }
      totals { deals tivOrdered tivDelivered numberOrdered numberDelivered } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const BY_DELIVERY = `query ($filter: ArmsTransferFilter, $groupBy: ArmsTransferGrouping!) {
  armsTransferStats(filter: $filter, groupBy: $groupBy, first: 100) {
    totals { deals tivOrdered tivDelivered numberOrdered numberDelivered }
    edges { node { deliveryYear orderYear party { ... on Country { id } }
      totals { deals tivOrdered tivDelivered numberOrdered numberDelivered } } }
  }
}`;

interface DeliveryGroup {
  deliveryYear: number | null;
  orderYear: number | null;
  party: { id: string } | null;
  totals: Totals;
}

interface StatsAnswer {
  groupCount: number;
  totals: Totals;
  sources: { deals: number; source: { id: string; publishedOn: string } }[];
  edges: { cursor: string; node: { orderYear: number | null; party: { id: string } | null; totals: Totals } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function stats(gateway: TestGateway, variables: Record<string, unknown>) {
  const answer = await gateway.query<{ armsTransferStats: StatsAnswer }>(STATS, { first: 100, ...variables });
  expect(answer.errors).toBeUndefined();
  const result = answer.data?.armsTransferStats as StatsAnswer;
  const groups = new Map(result.edges.map((e) => [e.node.party?.id ?? String(e.node.orderYear), e.node.totals]));
  return { result, groups, answer };
}

function sum(groups: Map<string, Totals>): Totals {
  const t = { deals: 0, tivOrdered: 0, tivDelivered: 0, numberOrdered: 0, numberDelivered: 0 };
  let h: [number, number] = [0, 0];
  for (const g of groups.values()) {
    t.deals += g.deals;
    h = [h[0] + Math.round(g.tivOrdered * 100), h[1] + Math.round(g.tivDelivered * 100)];
    t.numberOrdered += g.numberOrdered;
    t.numberDelivered += g.numberDelivered;
  }
  return { ...t, tivOrdered: h[0] / 100, tivDelivered: h[1] / 100 };
}

async function loaded(): Promise<TestGateway> {
  const gateway = await createTestGateway({ seed: false });
  const report = await runSync(gateway.db, resolveSource(SAMPLE));
  expect(report.rejected).toBe(0);
  return gateway;
}

describe('Query: armsTransferStats', () => {
  const csv = readSipriCsv(SAMPLE);

  it('totals the SIPRI sample exactly as a reading of the CSV does, for every grouping and filter', async () => {
    // Prepare
    const gateway = await loaded();
    const cases: { filter: Record<string, unknown>; keep: (d: CsvDeal) => boolean }[] = [
      { filter: {}, keep: () => true },
      { filter: { orderedFrom: 2015, orderedTo: 2024 }, keep: (d) => d.year >= 2015 && d.year <= 2024 },
      { filter: { supplier: 'RU' }, keep: (d) => d.supplier === 'Russia' },
      { filter: { recipient: 'IR', orderedFrom: 2010 }, keep: (d) => d.recipient === 'Iran' && d.year >= 2010 },
      {
        filter: { supplier: 'IR', recipient: 'RU', orderedTo: 2022 },
        keep: (d) => d.supplier === 'Iran' && d.recipient === 'Russia' && d.year <= 2022,
      },
      { filter: { recipient: 'organization:houthis' }, keep: (d) => d.recipient === 'Houthi rebels (Yemen)*' },
    ];
    for (const { filter, keep } of cases) {
      for (const groupBy of ['SUPPLIER', 'RECIPIENT', 'ORDER_YEAR'] as const) {
        // Act
        const { result, groups } = await stats(gateway, { filter, groupBy });
        // Assess
        const want = expected(csv.filter(keep), groupBy);
        expect(groups, `${JSON.stringify(filter)} by ${groupBy}`).toEqual(want);
        expect(result.groupCount).toBe(want.size);
        expect(result.totals).toEqual(sum(want));
      }
    }
  });

  it('answers "who supplied Iran, by TIV delivered" with the figures of the file, largest first, in one Query', async () => {
    const gateway = await loaded();
    const { result, answer } = await stats(gateway, { filter: { recipient: 'IR' }, groupBy: 'SUPPLIER', orderBy: 'TIV_DELIVERED' });
    // Iran's rows: Russia 187.5 + 220 + 165 + 63 (and two with nothing delivered); the United States 577.5.
    expect(result.edges.map((e) => [e.node.party?.id, e.node.totals.tivDelivered, e.node.totals.deals])).toEqual([
      ['country:RU', 635.5, 6],
      ['country:US', 577.5, 1],
    ]);
    expect(result.sources).toEqual([{ deals: 7, source: { id: 'source:sipri-arms-transfers-2026-05-18', publishedOn: '2026-05-18' } }]);
    expect(answer.extensions?.dynamodb?.operations).toEqual({ Query: 1, BatchGetItem: 1 });
    // A party in every form militaryDeals takes it gives the same answer.
    for (const recipient of ['ir', 'country:IR', 'country:ir']) {
      const same = await stats(gateway, { filter: { recipient }, groupBy: 'SUPPLIER', orderBy: 'TIV_DELIVERED' });
      expect(same.result, recipient).toEqual(result);
    }
  });

  it('counts each transfer once: a register record describing a curated deal adds its figures, not a deal', async () => {
    // Prepare: the article and the sample; the rule links four SIPRI records from Iran to Russia to two article deals
    const gateway = await createTestGateway();
    expect((await runSync(gateway.db, resolveSource(SAMPLE))).rejected).toBe(0);
    const editor = { authorization: `Bearer ${(await createApiKey(gateway.db, 'test editor', 'editor')).key}` };
    const filter = { supplier: 'IR', recipient: 'RU' };
    const file = sum(
      expected(
        csv.filter((d) => d.supplier === 'Iran' && d.recipient === 'Russia'),
        'SUPPLIER',
      ),
    );
    const LISTED = `query { militaryDeals(filter: { supplier: "IR", recipient: "RU" }, first: 50) { totalCount edges { node { id sourceRecords { id } } } } }`;
    type Listed = { militaryDeals: { totalCount: number; edges: { node: { id: string; sourceRecords: { id: string }[] } }[] } };
    const listed = async () => (await gateway.query<Listed>(LISTED)).data?.militaryDeals;
    const drones = (await listed())?.edges.find((e) => e.node.id === 'deal:2022-iran-russia-drones')?.node;
    const record = drones?.sourceRecords[0]?.id as string;
    // Act
    const linked = (await stats(gateway, { filter, groupBy: 'SUPPLIER' })).result;
    const linkedList = await listed();
    const unlink = await gateway.query(
      `mutation ($deal: ID!, $record: ID!) { unlinkDeals(deal: $deal, sourceRecord: $record) { id } }`,
      { deal: drones?.id, record },
      editor,
    );
    const unlinked = (await stats(gateway, { filter, groupBy: 'SUPPLIER' })).result;
    // Assess: as many deals as the list shows, the file's TIV and numbers, linked or not
    expect(drones?.sourceRecords.length).toBeGreaterThan(0);
    expect(linked.totals.deals).toBe(linkedList?.totalCount);
    expect(linked.totals.deals).toBeLessThan(file.deals);
    expect({ ...linked.totals, deals: file.deals }).toEqual(file);
    expect(unlink.errors).toBeUndefined();
    expect(unlinked.totals).toEqual({ ...linked.totals, deals: linked.totals.deals + 1 });
    expect(unlinked.totals.deals).toBe((await listed())?.totalCount);
    expect(linked.sources.find((s) => s.source.id.startsWith('source:sipri'))?.deals).toBe(file.deals);
  });

  it('groups deliveries by their year: per-delivery rows as they are, a deal-level row when it lists one year', async () => {
    // Prepare: the per-delivery excerpt, read on its own terms: per row its deal, number, year and TIV delivered
    const gateway = await createTestGateway({ seed: false });
    expect((await runSync(gateway.db, resolveSource(PER_DELIVERY))).rejected).toBe(0);
    const rows = readFileSync(PER_DELIVERY, 'latin1')
      .split('\n')
      .filter((line) => /^\d+,/.test(line))
      .map((line) => line.split(','));
    const want = new Map<string, { deals: Set<string>; numberDelivered: number; hundredths: number }>();
    for (const c of rows) {
      const year = want.get(c[10] as string) ?? { deals: new Set<string>(), numberDelivered: 0, hundredths: 0 };
      year.deals.add(c[0] as string);
      year.numberDelivered += Number(c[8]);
      year.hundredths += Math.round(Number(c[15]) * 100);
      want.set(c[10] as string, year);
    }
    // Act
    const answer = await gateway.query<{ armsTransferStats: { totals: Totals; edges: { node: DeliveryGroup }[] } }>(BY_DELIVERY, {
      groupBy: 'DELIVERY_YEAR',
    });
    // Assess
    expect(answer.errors).toBeUndefined();
    const got = answer.data?.armsTransferStats as { totals: Totals; edges: { node: DeliveryGroup }[] };
    expect(new Map(got.edges.map(({ node }) => [String(node.deliveryYear), node.totals]))).toEqual(
      new Map(
        [...want].map(([year, w]) => [
          year,
          { deals: w.deals.size, tivOrdered: 0, tivDelivered: w.hundredths / 100, numberOrdered: 0, numberDelivered: w.numberDelivered },
        ]),
      ),
    );
    expect(got.edges.every(({ node }) => node.orderYear === null && node.party === null)).toBe(true);
    expect(got.totals.deals).toBe(new Set(rows.map((c) => c[0])).size);

    // Act: the deal-level sample: one entry per deal delivering in one listed year, the rest without a year
    const sample = await loaded();
    const byYear = await sample.query<{ armsTransferStats: { edges: { node: DeliveryGroup }[] } }>(BY_DELIVERY, {
      groupBy: 'DELIVERY_YEAR',
      filter: { recipient: 'IR' },
    });
    const expectedByYear = expected(
      csv.filter((d) => d.recipient === 'Iran' && (d.delivered > 0 || d.tivDelivered > 0)),
      'ORDER_YEAR',
      (d) => (d.deliveryYears.length === 1 ? String(d.deliveryYears[0]) : 'null'),
    );
    expect(new Map(byYear.data?.armsTransferStats.edges.map(({ node }) => [String(node.deliveryYear), node.totals]))).toEqual(
      expectedByYear,
    );
    expect(expectedByYear.has('null')).toBe(true);
    expect(expectedByYear.size).toBeGreaterThan(1);
  });

  it('refuses years of order with groupBy DELIVERY_YEAR', async () => {
    const gateway = await createTestGateway({ seed: false });
    const answer = await gateway.query(BY_DELIVERY, { groupBy: 'DELIVERY_YEAR', filter: { orderedFrom: 2015 } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toMatch(/cannot be combined with groupBy: DELIVERY_YEAR/);
  });

  it('sorts by any total and pages through the groups with cursors', async () => {
    const gateway = await loaded();
    const all = (await stats(gateway, { groupBy: 'RECIPIENT', orderBy: 'NUMBER_ORDERED' })).result;
    const ordered = all.edges.map((e) => e.node.totals.numberOrdered);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: StatsAnswer = (await stats(gateway, { groupBy: 'RECIPIENT', orderBy: 'NUMBER_ORDERED', first: 5, after })).result;
      seen.push(...page.edges.map((e) => e.node.party?.id as string));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e) => e.node.party?.id));
    expect(seen).toHaveLength(12);
  });

  it('stays exact through a re-sync, an edit, a deletion and an interrupted write finished later', async () => {
    // Prepare
    const gateway = await loaded();
    const before = (await stats(gateway, { filter: { supplier: 'RU' }, groupBy: 'ORDER_YEAR' })).groups;
    // Act: the same export again moves nothing
    const writesBefore = gateway.db.stats.operations.UpdateItem ?? 0;
    await runSync(gateway.db, resolveSource(SAMPLE));
    expect(gateway.db.stats.operations.UpdateItem ?? 0).toBe(writesBefore);
    expect((await stats(gateway, { filter: { supplier: 'RU' }, groupBy: 'ORDER_YEAR' })).groups).toEqual(before);

    // Act: Iran's 2022 order of 24 Yak-130 from Russia (252 TIV ordered, 6 and 63 TIV delivered) edited to 12 delivered, 126 TIV
    const yak = (
      await gateway.query<{ militaryDeals: { edges: { node: { id: string } }[] } }>(
        `{ militaryDeals(filter: {supplier: "RU", recipient: "IR", from: "2022", to: "2022"}) { edges { node { id } } } }`,
      )
    ).data?.militaryDeals.edges[0]?.node.id as string;
    const stored = (await getEntity(gateway.db, yak))?.record as DealRecord;
    expect(stored.items[0]?.designation).toBe('Yak-130');
    const edited: DealRecord = {
      ...stored,
      items: [{ ...(stored.items[0] as DealRecord['items'][number]), delivered: 12 }],
      tiv: { ...stored.tiv, delivered: 126 },
    };
    await writeEntity(gateway.db, edited, { actor: 'editor' });
    let now = (await stats(gateway, { filter: { supplier: 'RU' }, groupBy: 'ORDER_YEAR' })).groups;
    expect(now.get('2022')).toEqual({ ...before.get('2022'), tivDelivered: 126, numberDelivered: 12 });

    // Act: the edit interrupted after its first counter update, then finished by the next write that reads the deal
    const again: DealRecord = {
      ...edited,
      items: [{ ...(edited.items[0] as DealRecord['items'][number]), delivered: 20 }],
      tiv: { ...edited.tiv, delivered: 210 },
    };
    const faulty = await startFaultyEngine(gateway.endpoint);
    try {
      const broken = gateway.reopen({ endpoint: faulty.endpoint, maxAttempts: 1 });
      faulty.inject({ fault: 'invalid', operation: 'UpdateItem', match: '{"S":"R#202#country:IR"}', times: 2 });
      await expect(writeEntity(broken, again, { actor: 'editor' })).rejects.toThrow();
      expect((await getEntity(gateway.db, yak))?.pending).toBeDefined();
      // Another write of the deal finishes the interrupted one first, and adds nothing twice.
      await writeEntity(gateway.db, again, { actor: 'editor' });
    } finally {
      await faulty.close();
    }
    now = (await stats(gateway, { filter: { supplier: 'RU' }, groupBy: 'ORDER_YEAR' })).groups;
    expect(now.get('2022')).toEqual({ ...before.get('2022'), tivDelivered: 210, numberDelivered: 20 });
    const everyone = (await stats(gateway, { groupBy: 'SUPPLIER' })).groups;
    expect(everyone.get('country:RU')?.tivDelivered).toBe(187.5 + 220 + 165 + 210);

    // Act: deleting the deal takes it out of every total
    await writeEntity(gateway.db, again, { actor: 'editor', delete: true });
    now = (await stats(gateway, { filter: { supplier: 'RU' }, groupBy: 'ORDER_YEAR' })).groups;
    expect(now.get('2022')).toBeUndefined();
    const byRecipient = (await stats(gateway, { groupBy: 'RECIPIENT', filter: { orderedFrom: 2022, orderedTo: 2022 } })).groups;
    expect(byRecipient.get('country:IR')).toBeUndefined();
  });

  it("ends with the file's totals when a sync stopped among its counter updates is run again", async () => {
    // Prepare: the first import fails on one counter update, after the others were made
    const gateway = await createTestGateway({ seed: false });
    const faulty = await startFaultyEngine(gateway.endpoint);
    try {
      const broken = gateway.reopen({ endpoint: faulty.endpoint, maxAttempts: 1 });
      faulty.inject({ fault: 'invalid', operation: 'UpdateItem', match: '{"S":"S#202#country:IR"}', times: 1 });
      const first = await runSync(broken, resolveSource(SAMPLE), { concurrency: 1 });
      expect(first.status).toBe('FAILED');
      expect(faulty.faulted.UpdateItem).toBe(1);
    } finally {
      await faulty.close();
    }
    // Act
    const again = await runSync(gateway.db, resolveSource(SAMPLE));
    // Assess
    expect(again.status).toBe('SUCCEEDED');
    for (const groupBy of ['SUPPLIER', 'RECIPIENT', 'ORDER_YEAR'] as const) {
      expect((await stats(gateway, { groupBy })).groups, groupBy).toEqual(expected(csv, groupBy));
    }
  });

  it('in prod, answers a question asked again within 60 s from what the instance read, in dev from the table', async () => {
    // Prepare: the sample in a prod gateway, its Queries counted at its client
    const prod = await createTestGateway({ seed: false, env: { STAGE: 'prod' } });
    expect((await runSync(prod.db, resolveSource(SAMPLE))).status).toBe('SUCCEEDED');
    const prodCount = countCalls(prod, 'QueryCommand');
    const ask = (gateway: TestGateway, recipient: string) =>
      gateway.query<{ armsTransferStats: { totals: Totals } }>(STATS, { groupBy: 'SUPPLIER', filter: { recipient } });
    // Act
    const first = await ask(prod, 'IR');
    const again = await ask(prod, 'IR');
    const other = await ask(prod, 'RU');
    // Assess: the same totals, one Query per question
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(other.data?.armsTransferStats.totals).not.toEqual(first.data?.armsTransferStats.totals);
    expect(prodCount.calls).toBe(2);
    // In dev (editors checking their edits), every answer reads the counters.
    const dev = await loaded();
    const devCount = countCalls(dev, 'QueryCommand');
    await ask(dev, 'IR');
    await ask(dev, 'IR');
    expect(devCount.calls).toBe(2);
  });

  it('refuses bad arguments with BAD_USER_INPUT', async () => {
    const gateway = await createTestGateway({ seed: false });
    for (const variables of [
      { groupBy: 'SUPPLIER', filter: { supplier: 'Russia' } },
      { groupBy: 'SUPPLIER', filter: { orderedFrom: 2020, orderedTo: 2010 } },
      { groupBy: 'SUPPLIER', filter: { orderedFrom: -5 } },
      { groupBy: 'SUPPLIER', first: 101 },
      { groupBy: 'SUPPLIER', after: 'bm90LWEtY3Vyc29y' },
    ]) {
      const answer = await gateway.query(STATS, variables);
      expect(answer.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });
});
