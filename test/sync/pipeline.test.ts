import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DealRecord } from '../../src/domain/records.js';
import { createApiKey } from '../../src/store/api-keys.js';
import type { Db } from '../../src/store/db.js';
import { getEntities, getEntity, unfinished, writeEntity } from '../../src/store/entities.js';
import { LISTS } from '../../src/store/list-model.js';
import { queryList } from '../../src/store/lists.js';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { allItems, isSyncRunItem, tableChecksum } from '../support/checksum.js';
import { ARTICLE_FEED, createTestGateway } from '../support/gateway.js';
import { createTestTable } from '../support/table.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/sipri/${name}`, import.meta.url));
const SAMPLE = fixture('trade-register-2026-05-sample.csv');
const MULTILINE = fixture('trade-register-2025-10-multiline-excerpt.csv');
const PER_DELIVERY = fixture('per-delivery-excerpt.csv');
const PER_DELIVERY_2000 = fixture('per-delivery-2000-2001-excerpt.csv');
const ARTICLE_SOURCE = 'source:article-putin-pezeshkian-ashgabat-2024-10-11';
/** Attributes that record when and by whom, which differ between two tables with the same facts. */
const WRITE_STAMPS = ['at', 'by', 'replacedAt', 'replacedBy'];

function writes(db: Db): number {
  const ops = db.stats.operations;
  return (ops.BatchWriteItem ?? 0) + (ops.UpdateItem ?? 0) + (ops.PutItem ?? 0) + (ops.DeleteItem ?? 0);
}

function tempFeed(lines: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'feed-'));
  const path = join(dir, 'feed.ndjson');
  writeFileSync(path, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  return path;
}

describe('Sync: SIPRI exports', () => {
  it('imports the 26-row sample and answers GraphQL queries about it', async () => {
    // Prepare
    const gateway = await createTestGateway({ seed: false });
    // Act
    const report = await runSync(gateway.db, resolveSource(SAMPLE));
    const answer = await gateway.query<{
      militaryDeals: {
        edges: {
          node: {
            supplier: { code: string };
            items: { designation: string; delivered: number | null; quantity: number | null }[];
            tiv: { total: number | null } | null;
            value: unknown;
            citations: { source: { title: string; publishedOn: string } }[];
          };
        }[];
      };
    }>(
      `{ militaryDeals(filter: {supplier: "IR", recipient: "RU"}, first: 50) { edges { node {
          supplier { ... on Country { code } } items { designation quantity delivered } tiv { total } value { amount }
          citations { source { title publishedOn } } } } } }`,
    );
    // Assess
    expect(report.status).toBe('SUCCEEDED');
    expect(report.rejected).toBe(0);
    const deals = answer.data?.militaryDeals.edges.map((e) => e.node) ?? [];
    const shahed = deals.find((d) => d.items[0]?.designation === 'Shahed-136');
    expect(shahed?.items[0]).toEqual({ designation: 'Shahed-136', quantity: null, delivered: 6600 });
    expect(deals.every((d) => d.value === null)).toBe(true);
    expect(
      deals.every((d) =>
        d.citations.some((c) => c.source.title === 'SIPRI Arms Transfers Database' && c.source.publishedOn === '2026-05-18'),
      ),
    ).toBe(true);
    expect(report.created + report.updated + report.unchanged + report.rejected).toBe(report.read);
  });

  it('writes nothing when the same export is synced again', async () => {
    // Prepare
    const { db } = await createTestTable();
    await runSync(db, resolveSource(SAMPLE));
    const before = await tableChecksum(db, { skip: isSyncRunItem });
    const rerun = db.forRequest();
    // Act
    const report = await runSync(rerun, resolveSource(SAMPLE));
    // Assess: the only writes are the run's own report (two saves, two items each).
    expect(report.unchanged).toBe(report.read);
    expect(rerun.stats.operations.BatchWriteItem ?? 0).toBe(0);
    expect(rerun.stats.operations.UpdateItem ?? 0).toBe(0);
    expect(writes(rerun)).toBe(4);
    expect(await tableChecksum(db, { skip: isSyncRunItem })).toEqual(before);
  });

  it('joins records broken across lines and groups per-delivery rows into deals', async () => {
    const { db } = await createTestTable();
    const broken = await runSync(db, resolveSource(MULTILINE));
    const perDelivery = await runSync(db, resolveSource(PER_DELIVERY));
    expect(broken.rejected).toBe(0);
    expect(perDelivery.rejected).toBe(0);
    expect(perDelivery.format).toBe('sipri');
    // The first deal of the file (SIPRI AT 65442: Australia to Ukraine, UFH 155mm, 2022), found by its parties.
    const text = readFileSync(PER_DELIVERY, 'latin1').split('\n');
    expect(text.find((l) => /^\d+,/.test(l))).toMatch(/^65442,Australia,Ukraine,UFH 155mm,/);
    const page = await queryList(db, { lists: [LISTS.dealsBetween('country:AU', 'country:UA')], descending: true }, { first: 10 });
    const deals = await getEntities(
      db,
      page.entries.map((e) => e.ref),
    );
    const designations = [...deals.values()].map((d) => (d.record.type === 'deal' ? d.record.items[0]?.designation : null));
    expect(designations).toContain('UFH 155mm');
  });

  it('refuses damaged rows with their line numbers and lands the good ones', async () => {
    const lines = readFileSync(SAMPLE, 'latin1').split('\n');
    lines[12] = 'Afghanistan,Czechia,2007,,6'; // a row cut short
    lines[13] = (lines[13] as string).replace(',2007,', ',twenty,');
    const dir = mkdtempSync(join(tmpdir(), 'sipri-'));
    const path = join(dir, 'damaged.csv');
    writeFileSync(path, Buffer.from(lines.join('\n'), 'latin1'));
    const { db } = await createTestTable();
    const report = await runSync(db, resolveSource(path));
    expect(report.rejects.map((r) => r.line)).toEqual([13, 14]);
    expect(report.rejects[0]?.message).toMatch(/column/);
    expect(report.created).toBeGreaterThan(20);
    expect(report.created + report.updated + report.unchanged + report.rejected).toBe(report.read);
  });
});

describe('Sync: feed format', () => {
  it('refuses bad records with a reason and writes nothing of them', async () => {
    const { db } = await createTestTable();
    const path = tempFeed([
      { format: 'geo-feed', version: 1 },
      { type: 'source', id: 'source:s1', title: 'A source' },
      '{"type":"leader", not json',
      { type: 'leader', id: 'leader:x', name: 'X', citations: [] },
      { type: 'meeting', id: 'meeting:m', date: '2024-02-30', status: 'HELD', citations: [{ source: 'source:s1' }] },
      { type: 'leader', id: 'leader:ok', name: 'Ok Person', citations: [{ source: 'source:s1', excerpt: 'Ok' }] },
    ]);
    const report = await runSync(db, resolveSource(path));
    expect(report.rejects).toEqual([
      { line: 3, message: 'the line is not valid JSON' },
      { line: 4, message: 'citations: every fact cites at least one source' },
      { line: 5, message: expect.stringMatching(/^date: must be a date like/) },
    ]);
    expect(report.created).toBe(2);
    expect(await getEntity(db, 'leader:x')).toBeNull();
    expect(await getEntity(db, 'meeting:m')).toBeNull();
  });

  it('refuses a feed without its header as a whole', async () => {
    const { db } = await createTestTable();
    const report = await runSync(db, resolveSource(tempFeed([{ type: 'source', id: 'source:s1', title: 'A' }])), { format: 'feed' });
    expect(report.rejected).toBe(1);
    expect(report.created).toBe(0);
    expect(report.rejects[0]?.message).toMatch(/header/);
  });

  it('reports an unreadable source as a failed run', async () => {
    const { db } = await createTestTable();
    const report = await runSync(db, resolveSource('/nonexistent/feed.ndjson'));
    expect(report.status).toBe('FAILED');
    expect(report.error).toMatch(/cannot be read \(ENOENT\)/);
  });
});

describe('Sync: deliveries by year', () => {
  interface Delivery {
    year: number;
    delivered: number | null;
    tiv: number | null;
    estimate: boolean;
  }
  interface DealNode {
    id: string;
    items: { designation: string | null }[];
    tiv: { delivered: number | null } | null;
    deliveries: Delivery[];
  }
  const DEALS = `query ($supplier: String!, $recipient: String!) {
    militaryDeals(filter: { supplier: $supplier, recipient: $recipient }, first: 50) {
      edges { node { id items { designation } tiv { delivered } deliveries { year delivered tiv estimate } } } } }`;
  const DEAL = 'query ($id: ID!) { militaryDeal(id: $id) { deliveries { year delivered tiv estimate } } }';

  async function dealsBetween(gateway: Awaited<ReturnType<typeof createTestGateway>>, supplier: string, recipient: string) {
    const answer = await gateway.query<{ militaryDeals: { edges: { node: DealNode }[] } }>(DEALS, { supplier, recipient });
    expect(answer.errors).toBeUndefined();
    return answer.data?.militaryDeals.edges.map((e) => e.node) ?? [];
  }
  const designated = (deals: DealNode[], designation: string) => deals.find((d) => d.items[0]?.designation === designation);

  it('answers what each year delivered, from the per-delivery and the deal-level layout', async () => {
    // Prepare
    const gateway = await createTestGateway({ seed: false });
    // Act
    const perDelivery = await runSync(gateway.db, resolveSource(PER_DELIVERY_2000));
    const dealLevel = await runSync(gateway.db, resolveSource(SAMPLE));
    // Assess
    expect([perDelivery.rejected, dealLevel.rejected]).toEqual([0, 0]);
    // SIPRI AT 32502 and 37654, China to Algeria: lines 13-16 of the per-delivery excerpt.
    const chinaAlgeria = await dealsBetween(gateway, 'CN', 'DZ');
    expect(designated(chinaAlgeria, 'C-802')).toMatchObject({
      tiv: { delivered: 15.3 },
      deliveries: [
        { year: 2000, delivered: 8, tiv: 7.2, estimate: true },
        { year: 2001, delivered: 9, tiv: 8.1, estimate: true },
      ],
    });
    expect(designated(chinaAlgeria, 'Type-347G')?.deliveries).toEqual([
      { year: 2000, delivered: 1, tiv: 2.5, estimate: true },
      { year: 2001, delivered: 1, tiv: 2.5, estimate: true },
    ]);
    // Deal level: S-300PMU2 Favorit delivered in 2016 alone ("4,,2016,…,220"); Yak-130 over 2023 and 2024.
    const russiaIran = await dealsBetween(gateway, 'RU', 'IR');
    expect(designated(russiaIran, 'S-300PMU2 Favorit')?.deliveries).toEqual([{ year: 2016, delivered: 4, tiv: 220, estimate: false }]);
    expect(designated(russiaIran, 'Yak-130')).toMatchObject({ tiv: { delivered: 63 }, deliveries: [] });
  });

  it("gives null for a year's figure a feed leaves out, keeps the years in order, and refuses a year given twice", async () => {
    // Prepare
    const gateway = await createTestGateway();
    const deal = {
      type: 'deal',
      supplier: 'country:RU',
      recipient: 'country:IR',
      items: [{ description: 'radar' }],
      status: 'DELIVERING',
      confidence: 'REPORTED',
      citations: [{ source: ARTICLE_SOURCE }],
    };
    const path = tempFeed([
      { format: 'geo-feed', version: 1 },
      {
        ...deal,
        id: 'deal:radars-by-year',
        deliveries: [
          { year: 2021, tiv: 3.5 },
          { year: 2020, delivered: 4 },
        ],
      },
      {
        ...deal,
        id: 'deal:radars-twice',
        deliveries: [
          { year: 2020, delivered: 1 },
          { year: 2020, delivered: 2 },
        ],
      },
    ]);
    // Act
    const report = await runSync(gateway.db, resolveSource(path));
    const answer = await gateway.query<{ militaryDeal: { deliveries: Delivery[] } }>(DEAL, { id: 'deal:radars-by-year' });
    // Assess
    expect(report.rejects).toEqual([
      { line: 3, message: "deliveries: 2020 is given twice: one entry per year of delivery, with that year's figures summed" },
    ]);
    expect(await getEntity(gateway.db, 'deal:radars-twice')).toBeNull();
    expect(answer.data?.militaryDeal.deliveries).toEqual([
      { year: 2020, delivered: 4, tiv: null, estimate: false },
      { year: 2021, delivered: null, tiv: 3.5, estimate: false },
    ]);
    // A deal without per-year figures (the article's) answers an empty list.
    const article = await gateway.query<{ militaryDeal: { deliveries: Delivery[] } }>(DEAL, {
      id: 'deal:2022-iran-russia-drones',
    });
    expect(article.data?.militaryDeal.deliveries).toEqual([]);
  });

  it("refuses an editor's deal that gives a year twice with BAD_USER_INPUT, and changes nothing", async () => {
    // Prepare
    const gateway = await createTestGateway();
    const editor = { authorization: `Bearer ${(await createApiKey(gateway.db, 'deliveries test', 'editor')).key}` };
    const upsert = `mutation ($input: MilitaryDealInput!) { upsertMilitaryDeal(input: $input) {
      id deliveries { year delivered tiv estimate } } }`;
    const input = {
      supplier: 'RU',
      recipient: 'IR',
      agreedOn: '2019',
      items: [{ designation: 'Krasukha-4', description: 'jammer' }],
      status: 'DELIVERED',
      citations: [{ source: ARTICLE_SOURCE }],
    };
    const created = await gateway.query<{ upsertMilitaryDeal: { id: string; deliveries: Delivery[] } }>(
      upsert,
      { input: { ...input, deliveries: [{ year: 2021, delivered: 2, tiv: 1.5, estimate: true }] } },
      editor,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data?.upsertMilitaryDeal.id as string;
    const before = await tableChecksum(gateway.db);
    // Act
    const refused = await gateway.query(
      upsert,
      {
        input: {
          id,
          deliveries: [
            { year: 2021, delivered: 2 },
            { year: 2021, delivered: 3 },
          ],
        },
      },
      editor,
    );
    // Assess
    expect(created.data?.upsertMilitaryDeal.deliveries).toEqual([{ year: 2021, delivered: 2, tiv: 1.5, estimate: true }]);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toBe(
      "input: deliveries: 2021 is given twice: one entry per year of delivery, with that year's figures summed",
    );
    expect(await tableChecksum(gateway.db)).toEqual(before);
  });
});

describe('Sync: no loss under faults', () => {
  it('converges to the same table when an interrupted run is run again', async () => {
    // Prepare: a clean import, for reference.
    const clean = await createTestTable();
    await runSync(clean.db, resolveSource(ARTICLE_FEED));
    await runSync(clean.db, resolveSource(SAMPLE));
    const expected = await tableChecksum(clean.db, { skip: isSyncRunItem, ignore: WRITE_STAMPS });
    // Act: the same imports, the second cut off after a few writes, then run again.
    const target = await createTestTable();
    await runSync(target.db, resolveSource(ARTICLE_FEED));
    let budget = 6;
    const cutDb = target.reopen();
    cutDb.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (/BatchWrite|Put|Update/.test(String(context.commandName)) && budget-- <= 0)
          throw Object.assign(new Error('process killed'), { name: 'Interrupted' });
        return next(args);
      },
      { step: 'initialize' },
    );
    const cut = await runSync(cutDb, resolveSource(SAMPLE)).catch((error: Error) => error);
    const afterCut = await tableChecksum(target.db, { skip: isSyncRunItem, ignore: WRITE_STAMPS });
    const resumed = await runSync(target.db, resolveSource(SAMPLE));
    // Assess
    // The cut run ends FAILED, or dies with the error when even its report cannot be saved.
    expect(cut instanceof Error ? cut.message : cut.status).toMatch(/^(FAILED|process killed)$/);
    expect(afterCut).not.toEqual(expected);
    expect(resumed.status).toBe('SUCCEEDED');
    expect(await tableChecksum(target.db, { skip: isSyncRunItem, ignore: WRITE_STAMPS })).toEqual(expected);
  });

  it('finishes a batch of creations with one item, and a batch cut before it is finished by the next writes', async () => {
    // Prepare: a clean import, for reference
    const clean = await createTestTable();
    let markCleared = 0;
    clean.db.client.middlewareStack.add(
      (next, context) => async (args) => {
        const update = (args.input as { UpdateExpression?: string }).UpdateExpression;
        if (context.commandName === 'UpdateItemCommand' && update === 'REMOVE pend') markCleared += 1;
        return next(args);
      },
      { step: 'initialize' },
    );
    const report = await runSync(clean.db, resolveSource(SAMPLE));
    // The creations' pending marks cost no update each: one item per batch stands for them.
    expect(report.created).toBeGreaterThan(26);
    expect(markCleared).toBe(0);
    // The latest of the sample's deals from Russia to Iran
    const page = await queryList(clean.db, { lists: [LISTS.dealsBetween('country:RU', 'country:IR')], descending: true }, { first: 1 });
    const dealId = page.entries[0]?.ref as string;
    const created = [...(await getEntities(clean.db, [dealId], true)).values()];
    expect(created[0]?.pending?.batch).toMatch(/^[0-9a-f-]{36}$/);
    expect(await unfinished(clean.db, created)).toEqual([]);

    // Act: the same import, cut when it writes the item saying its batch of deals is finished
    // (the parties they name land in the batch before)
    const target = await createTestTable();
    const cutDb = target.reopen();
    let batchesLeft = 1;
    cutDb.client.middlewareStack.add(
      (next, context) => async (args) => {
        const item = (args.input as { Item?: { pk?: string } }).Item;
        if (context.commandName === 'PutItemCommand' && item?.pk?.startsWith('BATCH#') && batchesLeft-- <= 0)
          throw Object.assign(new Error('process killed'), { name: 'Interrupted' });
        return next(args);
      },
      { step: 'initialize' },
    );
    const cut = await runSync(cutDb, resolveSource(SAMPLE));
    expect(cut.status).toBe('FAILED');
    const left = await getEntity(target.db, dealId, true);
    expect(await unfinished(target.db, [left])).toHaveLength(1);
    // An editor's write of one of them finishes its change first, then makes its own.
    await writeEntity(target.db, { ...(left?.record as DealRecord), comments: 'Checked.' }, { actor: 'editor' });
    await writeEntity(target.db, left?.record as DealRecord, { actor: 'editor' });
    const resumed = await runSync(target.db, resolveSource(SAMPLE));

    // Assess: every count and list as the clean import left them, nothing added twice (the
    // editor's two writes aside: the deal's version and revisions)
    expect(resumed.status).toBe('SUCCEEDED');
    const sameFacts = {
      skip: (item: Record<string, unknown>) => isSyncRunItem(item) || String(item.sk).startsWith('REV#'),
      ignore: [...WRITE_STAMPS, 'v'],
    };
    const after = await tableChecksum(target.db, sameFacts);
    const cleanWithoutRevisions = await tableChecksum(clean.db, sameFacts);
    expect(after).toEqual(cleanWithoutRevisions);
  });

  it("removes counter markers on the next batch's updates of the same counters, leaving none behind", async () => {
    // Prepare: the sample in one batch, for reference
    const whole = await createTestTable();
    await runSync(whole.db, resolveSource(SAMPLE));
    // Act: the sample in batches of 4, so later batches update the counters earlier ones did
    const small = await createTestTable();
    const updates: string[] = [];
    small.db.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'UpdateItemCommand') updates.push((args.input as { UpdateExpression: string }).UpdateExpression);
        return next(args);
      },
      { step: 'initialize' },
    );
    const report = await runSync(small.db, resolveSource(SAMPLE), { batchSize: 4 });
    // Assess
    expect(report.status).toBe('SUCCEEDED');
    const piggybacked = updates.filter((u) => u.startsWith('SET ') && u.includes(' REMOVE '));
    const alone = updates.filter((u) => u.startsWith('REMOVE #r'));
    expect(piggybacked.length).toBeGreaterThan(10);
    expect(alone.length).toBeGreaterThan(0);
    const markers = (await allItems(small.db)).flatMap((item) => Object.keys(item).filter((name) => name.startsWith('~')));
    expect(markers).toEqual([]);
    const facts = { skip: isSyncRunItem, ignore: WRITE_STAMPS };
    expect(await tableChecksum(small.db, facts)).toEqual(await tableChecksum(whole.db, facts));
  });

  it('slows down but drops nothing when DynamoDB throttles and leaves items unprocessed', async () => {
    const clean = await createTestTable();
    await runSync(clean.db, resolveSource(SAMPLE));
    const expected = await tableChecksum(clean.db, { skip: isSyncRunItem, ignore: WRITE_STAMPS });
    const target = await createTestTable();
    const busy = target.reopen({ maxAttempts: 6 });
    const client = busy.client;
    let throttled = 0;
    let unprocessed = 0;
    let calls = 0;
    // Throttling is thrown inside the SDK's retry loop, as DynamoDB's answer would be.
    client.middlewareStack.add(
      (next) => async (args) => {
        calls += 1;
        if (calls % 5 === 0) {
          throttled += 1;
          throw Object.assign(new Error('Rate exceeded'), {
            name: 'ProvisionedThroughputExceededException',
            $fault: 'client',
            $metadata: { httpStatusCode: 400 },
          });
        }
        return next(args);
      },
      { step: 'deserialize' },
    );
    // Half of every batch comes back unprocessed, as DynamoDB does under load.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { RequestItems?: Record<string, unknown[]> };
        if (context.commandName === 'BatchWriteItemCommand' && input.RequestItems) {
          const [table, requests] = Object.entries(input.RequestItems)[0] as [string, unknown[]];
          if (requests.length > 1) {
            const kept = requests.slice(0, Math.ceil(requests.length / 2));
            const left = requests.slice(kept.length);
            unprocessed += left.length;
            const out = (await next({ ...args, input: { ...input, RequestItems: { [table]: kept } } })) as {
              output: { UnprocessedItems?: Record<string, unknown[]> };
            };
            out.output.UnprocessedItems = { [table]: [...(out.output.UnprocessedItems?.[table] ?? []), ...left] };
            return out as never;
          }
        }
        return next(args);
      },
      { step: 'initialize' },
    );
    const report = await runSync(busy, resolveSource(SAMPLE));
    expect(report.error).toBeUndefined();
    expect(report.status).toBe('SUCCEEDED');
    expect(throttled).toBeGreaterThan(3);
    expect(unprocessed).toBeGreaterThan(10);
    expect(await tableChecksum(target.db, { skip: isSyncRunItem, ignore: WRITE_STAMPS })).toEqual(expected);
    // Its time is the SDK's backoff after every fifth call (about 28 s alone), not work: more than the default.
  }, 120_000);
});

describe('Query: syncRuns', () => {
  it('lists runs newest first with counts that add up', async () => {
    const gateway = await createTestGateway();
    await runSync(gateway.db, resolveSource(SAMPLE));
    const answer = await gateway.query<{
      syncRuns: {
        edges: {
          node: {
            source: string;
            status: string;
            read: number;
            created: number;
            updated: number;
            unchanged: number;
            rejected: number;
            startedAt: string;
          };
        }[];
      };
    }>('{ syncRuns(first: 10) { edges { node { source status read created updated unchanged rejected startedAt } } } }');
    const runs = answer.data?.syncRuns.edges.map((e) => e.node) ?? [];
    expect(runs.map((r) => r.source)).toEqual(['trade-register-2026-05-sample.csv', 'article.ndjson']);
    for (const run of runs) {
      expect(run.status).toBe('SUCCEEDED');
      expect(run.created + run.updated + run.unchanged + run.rejected).toBe(run.read);
    }
  });
});
