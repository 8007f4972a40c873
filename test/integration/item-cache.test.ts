import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/store/api-keys.js';
import { newSyncRunReport, type SyncRunReport, saveSyncRun } from '../../src/store/sync-runs.js';
import { countCalls, createTestGateway, type TestGateway } from '../support/gateway.js';

const PUTIN = 'leader:vladimir-putin';
const READ = `query ($id: ID!) { leader(id: $id) { id version name country { name } meetings(first: 1) { totalCount } } }`;
const UPSERT = `mutation ($input: LeaderInput!, $expectedVersion: Int) { upsertLeader(input: $input, expectedVersion: $expectedVersion) { id version name } }`;

interface Read {
  leader: { id: string; version: number; name: string; country: { name: string }; meetings: { totalCount: number } };
}

/** Counts the BatchGetItem calls (entities and list counters) the gateway's client sends. */
const countBatchGets = (gateway: TestGateway) => countCalls(gateway, 'BatchGetItemCommand');

describe('GraphQL: items kept by a prod instance', () => {
  it('in prod, answers a reader from the items the instance read; in dev, from the table', async () => {
    // Prepare
    const prod = await createTestGateway({ env: { STAGE: 'prod' } });
    const dev = await createTestGateway();
    const prodCount = countBatchGets(prod);
    const devCount = countBatchGets(dev);
    // Act
    const first = await prod.query<Read>(READ, { id: PUTIN });
    const again = await prod.query<Read>(READ, { id: PUTIN });
    await dev.query<Read>(READ, { id: PUTIN });
    await dev.query<Read>(READ, { id: PUTIN });
    // Assess: the leader, its country and its meetings' counter are read once in prod
    expect(first.errors).toBeUndefined();
    expect(first.data?.leader).toMatchObject({ name: 'Vladimir Putin', country: { name: 'Russia' } });
    expect(first.data?.leader.meetings.totalCount).toBeGreaterThan(0);
    expect(again.data).toEqual(first.data);
    expect(prodCount.calls).toBeGreaterThan(0);
    const firstCalls = prodCount.calls;
    await prod.query<Read>(READ, { id: PUTIN });
    expect(prodCount.calls).toBe(firstCalls);
    expect(devCount.calls).toBe(2 * firstCalls);
  });

  it("reads the table for an editor, and an editor's change is seen at once by the instance's readers", async () => {
    // Prepare: a reader's answer kept by the instance
    const prod = await createTestGateway({ env: { STAGE: 'prod' } });
    const editor = { authorization: `Bearer ${(await createApiKey(prod.db, 'test editor', 'editor')).key}` };
    const count = countBatchGets(prod);
    const before = (await prod.query<Read>(READ, { id: PUTIN })).data?.leader;
    const readerCalls = count.calls;
    // Act: the editor reads, then renames the leader
    const seen = await prod.query<Read>(READ, { id: PUTIN }, editor);
    const editorCalls = count.calls - readerCalls;
    const changed = await prod.query(
      UPSERT,
      { input: { id: PUTIN, name: 'V. Putin', country: 'RU' }, expectedVersion: before?.version },
      editor,
    );
    const after = await prod.query<Read>(READ, { id: PUTIN });
    // Assess
    expect(editorCalls).toBe(readerCalls);
    expect(seen.data?.leader.version).toBe(before?.version);
    expect(changed.errors).toBeUndefined();
    expect(after.data?.leader).toMatchObject({ name: 'V. Putin', version: (before?.version ?? 0) + 1 });
  });

  it("never keeps a sync run's report, which changes while the run goes on", async () => {
    // Prepare: a running sync's report, read once
    const prod = await createTestGateway({ seed: false, env: { STAGE: 'prod' } });
    const run: SyncRunReport = {
      ...newSyncRunReport('feed.ndjson', 'ndjson', new Date().toISOString()),
      read: 10,
      created: 10,
      deadlineAt: new Date(Date.now() + 60_000).toISOString(),
    };
    await saveSyncRun(prod.db, run);
    const POLL = `query ($id: ID!) { node(id: $id) { ... on SyncRun { status read } } }`;
    const before = await prod.query<{ node: { status: string; read: number } }>(POLL, { id: run.id });
    // Act: the run goes on and ends
    await saveSyncRun(prod.db, { ...run, read: 20, created: 20, status: 'SUCCEEDED', finishedAt: new Date().toISOString() });
    const after = await prod.query<{ node: { status: string; read: number } }>(POLL, { id: run.id });
    // Assess
    expect(before.data?.node).toEqual({ status: 'RUNNING', read: 10 });
    expect(after.data?.node).toEqual({ status: 'SUCCEEDED', read: 20 });
  });
});
