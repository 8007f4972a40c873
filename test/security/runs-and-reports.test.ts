import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSyncConfig } from '../../src/config.js';
import { createHttpAdapter } from '../../src/dev/http-adapter.js';
import { createGraphqlHandler } from '../../src/handlers/graphql-handler.js';
import { createSyncHandler, InvalidSyncEventError, SYNC_DEADLINE_MARGIN_MS } from '../../src/handlers/sync-handler.js';
import { STAGE_SETTINGS } from '../../src/stages.js';
import { getEntity } from '../../src/store/entities.js';
import { newSyncRunId, saveSyncRun } from '../../src/store/sync-runs.js';
import { type FaultyEngine, startFaultyEngine } from '../support/faulty-dynamodb.js';
import { ARTICLE_FEED, createTestGateway, startLocalServer, type TestGateway } from '../support/gateway.js';
import { ARTICLE_SOURCE, bearer, createKeys, PUTIN } from './helpers.js';

/** What DynamoDB, dynalite and the SDK say in their own words: none of it may reach a report. */
const SDK_TEXT = /NumberValue|lib-dynamodb|Aggregated size|range key|hash key|ValidationException|MAX_SAFE_INTEGER|One or more parameter/i;

const SIGNED_FEED = 'https://sync-bot:s3cr3t@feeds.example.org/article.ndjson?X-Amz-Signature=abc123&X-Amz-Credential=AKIAEXAMPLE';
const SHOWN_FEED = 'https://feeds.example.org/article.ndjson';

const RUNS = '{ syncRuns(first: 50) { edges { node { id source startedBy status error deadline finishedAt rejects { line message } } } } }';

type Run = {
  id: string;
  source: string;
  startedBy: string | null;
  status: string;
  error: string | null;
  deadline: string | null;
  finishedAt: string | null;
  rejects: { line: number; message: string }[];
};

/** A GraphQL answer over real HTTP. */
async function post<T>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  const raw = await response.text();
  return {
    status: response.status,
    raw,
    ...(JSON.parse(raw) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] }),
  };
}

const runsOf = async (url: string, headers: Record<string, string> = {}) =>
  ((await post<{ syncRuns: { edges: { node: Run }[] } }>(url, RUNS, undefined, headers)).data?.syncRuns.edges ?? []).map((e) => e.node);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Lambda context with `ms` left in the invocation. */
const invocation = (ms: number) => ({ awsRequestId: 'sync-test', getRemainingTimeInMillis: () => ms }) as unknown as Context;

for (const stage of ['dev', 'prod'] as const) {
  describe(`Runs and reports (${stage})`, () => {
    let gateway: TestGateway;
    let server: Awaited<ReturnType<typeof startLocalServer>>;
    let keys: Awaited<ReturnType<typeof createKeys>>;

    beforeAll(async () => {
      gateway = await createTestGateway({ env: { STAGE: stage } });
      server = await startLocalServer(gateway);
      keys = await createKeys(gateway.db);
    });

    afterAll(() => server.close());

    it('a sync cut short before it can say so reads RUNNING until its deadline, then FAILED (interrupted)', async () => {
      // Prepare: a sync function whose writes die after the run's first report is saved (a crash).
      const table = gateway.reopen();
      let saves = 0;
      table.client.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'PutItemCommand' && saves < 2) saves += 1;
          else if (/Put|BatchWrite|Update/.test(String(context.commandName))) throw new Error('process killed');
          return next(args);
        },
        { step: 'initialize' },
      );
      const config = loadSyncConfig({ TABLE_NAME: gateway.config.tableName, DYNAMODB_ENDPOINT: gateway.endpoint, FEEDS: SHOWN_FEED });
      const fetchFeed = (async () => new Response(new Blob([readFileSync(ARTICLE_FEED)]).stream())) as typeof fetch;
      const handler = createSyncHandler(config, () => undefined, { db: table, sources: { fetch: fetchFeed } });
      // Act: an invocation with 4 s left past the margin, killed mid-run.
      const started = Date.now();
      await expect(handler({}, invocation(SYNC_DEADLINE_MARGIN_MS + 4_000))).rejects.toThrow('process killed');
      const before = (await runsOf(server.url)).filter((run) => run.source === SHOWN_FEED);
      const deadline = Date.parse(before[0]?.deadline ?? '');
      if (!(deadline < Date.now() + 10_000)) throw new Error(`no run with a near deadline: ${JSON.stringify(before)}`);
      await sleep(Math.max(0, deadline - Date.now()) + 50);
      const after = (await runsOf(server.url)).filter((run) => run.source === SHOWN_FEED);
      // Assess
      expect(deadline).toBeGreaterThanOrEqual(started + 4_000);
      expect(deadline).toBeLessThanOrEqual(Date.now());
      expect(before[0]).toMatchObject({ source: SHOWN_FEED, status: 'RUNNING', error: null, finishedAt: null });
      expect(after[0]).toMatchObject({ id: before[0]?.id, status: 'FAILED', finishedAt: null });
      expect(after[0]?.error).toBe(
        `interrupted: the run stopped without finishing by its deadline (${before[0]?.deadline}), after 0 records; run it again to complete it`,
      );
    });

    it('a syncRecords request stopped at its deadline reports FAILED, in its own words, not RUNNING', async () => {
      // Prepare: writes slower than a 600 ms request deadline.
      const engine: FaultyEngine = await startFaultyEngine(gateway.endpoint);
      try {
        engine.inject({ fault: 'slow', operation: 'BatchWriteItem', delayMs: 2_000 });
        const handler = createGraphqlHandler(gateway.config, () => undefined, gateway.reopen({ endpoint: engine.endpoint }), {
          deadlineMs: 600,
        });
        const slow = createHttpAdapter(handler, STAGE_SETTINGS[stage]);
        await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
        const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql`;
        const lines = ['a', 'b', 'c'].map((x) =>
          JSON.stringify({
            type: 'leader',
            id: `leader:deadline-${stage}-${x}`,
            name: `Deadline ${x}`,
            citations: [{ source: ARTICLE_SOURCE }],
          }),
        );
        // Act
        const answer = await post(url, 'mutation ($l: [String!]!) { syncRecords(lines: $l) { id } }', { l: lines }, bearer(keys.editor));
        let run: Run | undefined;
        for (let i = 0; i < 40 && run?.status !== 'FAILED'; i++) {
          await sleep(100);
          run = (await runsOf(server.url)).find((r) => r.source === 'syncRecords');
        }
        await closeServer(slow);
        // Assess
        expect(answer.status).toBe(503);
        expect(answer.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
        expect(run).toMatchObject({
          status: 'FAILED',
          error: 'stopped at its deadline after 3 records; run it again to go on (records already written cost nothing)',
        });
      } finally {
        await engine.close();
      }
    });

    it('rejects and errors hold the gateway’s words, never the SDK’s or the engine’s', async () => {
      // Prepare: a price past DynamoDB's number range, and a name whose folded key is over 1,024 bytes.
      const deal = {
        type: 'deal',
        id: `deal:huge-${stage}`,
        supplier: 'country:IR',
        recipient: 'country:RU',
        items: [{ description: 'drones' }],
        status: 'AGREED',
        confidence: 'REPORTED',
        value: { amount: 1e200, currency: 'USD' },
        citations: [{ source: ARTICLE_SOURCE }],
      };
      const organization = {
        type: 'organization',
        id: `organization:long-${stage}`,
        name: `${'\uFDFA'.repeat(60)} x`,
        kind: 'UNKNOWN',
        citations: [{ source: ARTICLE_SOURCE }],
      };
      const sync = 'mutation ($l: [String!]!) { syncRecords(lines: $l) { status error rejects { line message } } }';
      // Act
      const first = await post<{ syncRecords: Run }>(server.url, sync, { l: [JSON.stringify(deal)] }, bearer(keys.editor));
      const second = await post<{ syncRecords: Run }>(server.url, sync, { l: [JSON.stringify(organization)] }, bearer(keys.editor));
      const listed = await post(server.url, RUNS);
      // Assess: each says what went wrong, in the project's words.
      for (const answer of [first, second]) {
        const run = answer.data?.syncRecords;
        const said = [run?.error, ...(run?.rejects ?? []).map((r) => r.message)].filter(Boolean);
        expect(said.length, answer.raw).toBeGreaterThan(0);
        expect(answer.raw).not.toMatch(SDK_TEXT);
      }
      expect(listed.raw).not.toMatch(SDK_TEXT);
    });

    it('reports stored before these rules read without engine text, and an old RUNNING one as interrupted', async () => {
      // Prepare: two reports as earlier versions stored them (no deadline, the engine's words).
      const startedAt = new Date(Date.now() - 20 * 60_000).toISOString();
      const counts = { read: 3, created: 0, updated: 0, unchanged: 0, rejected: 1 };
      await saveSyncRun(gateway.db, {
        id: newSyncRunId(startedAt),
        source: 'legacy-failed.ndjson',
        format: 'feed',
        startedAt,
        finishedAt: startedAt,
        status: 'FAILED',
        ...counts,
        rejects: [
          { line: 3, message: 'Number 1e+200 is greater than Number.MAX_SAFE_INTEGER. Use NumberValue from @aws-sdk/lib-dynamodb.' },
        ],
        error: 'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes',
      });
      await saveSyncRun(gateway.db, {
        id: newSyncRunId(startedAt),
        source: 'legacy-running.ndjson',
        format: 'feed',
        startedAt,
        status: 'RUNNING',
        ...counts,
        rejects: [],
      });
      // Act
      const runs = await runsOf(server.url);
      // Assess
      const withheld = 'could not be written because of an unexpected error (its details are kept out of reports)';
      expect(runs.find((r) => r.source === 'legacy-failed.ndjson')).toMatchObject({
        status: 'FAILED',
        error: withheld,
        rejects: [{ line: 3, message: withheld }],
      });
      expect(runs.find((r) => r.source === 'legacy-running.ndjson')).toMatchObject({
        status: 'FAILED',
        deadline: new Date(Date.parse(startedAt) + 15 * 60_000).toISOString(),
        error: expect.stringMatching(/^interrupted: the run stopped without finishing by its deadline/),
      });
    });

    it('sources are shown without credentials or query string, in reports, logs and revisions', async () => {
      // Prepare
      const config = loadSyncConfig({ TABLE_NAME: gateway.config.tableName, DYNAMODB_ENDPOINT: gateway.endpoint, FEEDS: SIGNED_FEED });
      const asked: string[] = [];
      const fetchFeed = (async (url: string | URL) => {
        asked.push(String(url));
        return new Response(new Blob([readFileSync(ARTICLE_FEED)]).stream());
      }) as typeof fetch;
      const logged: unknown[] = [];
      const handler = createSyncHandler(config, (report) => logged.push(report), { db: gateway.db, sources: { fetch: fetchFeed } });
      // Act
      const result = await handler({ feeds: [SIGNED_FEED] }, invocation(60_000));
      const anonymous = await post(server.url, RUNS);
      const editor = await post(server.url, RUNS, undefined, bearer(keys.editor));
      // Assess: the feed itself was read with its signature; nothing shown keeps it.
      expect(asked).toEqual([SIGNED_FEED]);
      expect(result.runs[0]?.source).toBe(SHOWN_FEED);
      for (const text of [JSON.stringify(result), JSON.stringify(logged), anonymous.raw, editor.raw]) {
        expect(text).not.toMatch(/s3cr3t|sync-bot|Signature|Credential|AKIA/);
      }
      expect(anonymous.raw).toContain(SHOWN_FEED);
    });

    it('event.feeds is checked like FEEDS: no local path, no http://, nothing but a list of addresses', async () => {
      const config = loadSyncConfig({ TABLE_NAME: gateway.config.tableName, DYNAMODB_ENDPOINT: gateway.endpoint, FEEDS: '' });
      const handler = createSyncHandler(config, () => undefined, { db: gateway.db });
      const runsBefore = (await runsOf(server.url)).length;

      for (const feeds of [
        [ARTICLE_FEED],
        ['/etc/passwd'],
        ['http://feeds.example.org/a.ndjson'],
        [42],
        'https://feeds.example.org/a',
        [],
      ]) {
        await expect(handler({ feeds }, invocation(60_000))).rejects.toThrow(InvalidSyncEventError);
      }
      await expect(handler({ feeds: ['file:///etc/passwd'] }, invocation(60_000))).rejects.toThrow(
        'event.feeds must list s3://bucket/key or https:// sources, got "file:///etc/passwd"',
      );
      expect((await runsOf(server.url)).length).toBe(runsBefore);
    });

    it('who changed what is shown to editor keys only', async () => {
      // Prepare: an editor's change makes a revision of the seeded record.
      const edit = await post(
        server.url,
        'mutation ($i: LeaderInput!) { upsertLeader(input: $i) { version } }',
        { i: { id: PUTIN, name: 'Vladimir Putin', aliases: [`Putin ${stage}`] } },
        bearer(keys.editor),
      );
      expect(edit.errors).toBeUndefined();
      const revisions = `{ leader(id: "${PUTIN}") { revisions(first: 1) { edges { node { version author replacer changedBy replacedBy } } } } }`;
      const syncRecords = 'mutation ($l: [String!]!) { syncRecords(lines: $l) { id } }';
      await post(
        server.url,
        syncRecords,
        { l: [JSON.stringify({ type: 'source', id: `source:who-${stage}`, title: 'Who' })] },
        bearer(keys.editor),
      );
      // Act
      const seen = async (headers: Record<string, string>) => ({
        revision: (await post<{ leader: { revisions: { edges: { node: unknown }[] } } }>(server.url, revisions, undefined, headers)).data
          ?.leader.revisions.edges[0]?.node,
        run: (await runsOf(server.url, headers))[0],
      });
      const anonymous = await seen({});
      const reader = await seen(bearer(keys.reader));
      const editor = await seen(bearer(keys.editor));
      // Assess
      for (const other of [anonymous, reader]) {
        expect(other.revision).toEqual({ version: 1, author: null, replacer: null, changedBy: 'hidden', replacedBy: 'hidden' });
        expect(other.run).toMatchObject({ source: 'syncRecords', startedBy: null });
      }
      expect(editor.revision).toEqual({
        version: 1,
        author: 'seed',
        replacer: 'editor:security tests',
        changedBy: 'seed',
        replacedBy: 'editor:security tests',
      });
      expect(editor.run).toMatchObject({ source: 'syncRecords', startedBy: 'editor:security tests' });
      expect((await getEntity(gateway.db, PUTIN))?.updatedBy).toBe('editor:security tests');
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
