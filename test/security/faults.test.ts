import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphqlHandler, type GraphqlHandler } from '../../src/handlers/graphql-handler.js';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { tableChecksum } from '../support/checksum.js';
import { v2Event } from '../support/events.js';
import { type FaultyEngine, startFaultyEngine } from '../support/faulty-dynamodb.js';
import { ARTICLE_FEED } from '../support/gateway.js';
import { createTestTable, type TestTable } from '../support/table.js';
import { bearer, createKeys, dataOf, send } from './helpers.js';

/** Attempts per DynamoDB call, first included, as the gateway's client is set up here. */
const MAX_ATTEMPTS = 3;
const DEADLINE_MS = 600;

let table: TestTable;
let engine: FaultyEngine;
let handler: GraphqlHandler;
/** The same gateway with a short deadline, for a slow engine. */
let hurried: GraphqlHandler;
let keys: Awaited<ReturnType<typeof createKeys>>;
const logged: { message: string; error: unknown }[] = [];

beforeAll(async () => {
  table = await createTestTable();
  await runSync(table.db, resolveSource(ARTICLE_FEED), { actor: 'seed' });
  keys = await createKeys(table.db);
  engine = await startFaultyEngine(table.endpoint);
  const db = table.reopen({ endpoint: engine.endpoint, maxAttempts: MAX_ATTEMPTS, requestTimeoutMs: 150 });
  const log = (message: string, error: unknown) => logged.push({ message, error });
  handler = createGraphqlHandler(table.config, log, db);
  // Its client waits for slow answers (the default attempt timeout), so the deadline is what stops them.
  const patient = table.reopen({ endpoint: engine.endpoint, maxAttempts: MAX_ATTEMPTS });
  hurried = createGraphqlHandler(table.config, log, patient, { deadlineMs: DEADLINE_MS });
});

afterAll(() => engine.close());

beforeEach(() => {
  engine.reset();
  logged.length = 0;
});

const MEETINGS = '{ meetings(first: 2) { edges { node { id } } } }';

/** The gateway answers the same query normally once the engine is healthy again. */
async function expectRecovered(): Promise<void> {
  engine.reset();
  const data = dataOf(await send<{ meetings: { edges: unknown[] } }>(handler, MEETINGS));
  expect(data.meetings.edges).toHaveLength(2);
}

describe('Faults: DynamoDB errors are retried, then answered as SERVICE_UNAVAILABLE', () => {
  it('throttling on every attempt: the SDK tries MAX_ATTEMPTS times, the field fails with SERVICE_UNAVAILABLE', async () => {
    engine.inject({ fault: 'throttle', operation: 'Query' });

    const response = await send(handler, MEETINGS);

    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([expect.objectContaining({ path: ['meetings'], extensions: { code: 'SERVICE_UNAVAILABLE' } })]);
    expect(engine.calls.Query).toBe(MAX_ATTEMPTS);
    expect(engine.faulted.Query).toBe(MAX_ATTEMPTS);
    expect(logged.map((l) => l.message)).toEqual(['database unavailable']);
    await expectRecovered();
  });

  it('throttling that passes: the retries absorb it and the caller sees nothing', async () => {
    engine.inject({ fault: 'throttle', operation: 'Query', times: MAX_ATTEMPTS - 1 });

    const data = dataOf(await send<{ meetings: { edges: unknown[] } }>(handler, MEETINGS));

    expect(data.meetings.edges).toHaveLength(2);
    expect(engine.calls.Query).toBe(MAX_ATTEMPTS);
    expect(logged).toEqual([]);
  });

  it('500s on one read: the fields it served are null with SERVICE_UNAVAILABLE, the rest of the answer is there', async () => {
    // The countries are read one level below the leaders, in a call of their own.
    engine.inject({ fault: 'server-error', operation: 'BatchGetItem', match: 'country:IR' });

    const response = await send<{ leaders: { edges: { node: { name: string; country: unknown } }[] } }>(
      handler,
      '{ leaders(first: 2) { edges { node { name country { name } } } } }',
    );

    expect(response.status).toBe(200);
    expect(response.data?.leaders.edges.map((e) => e.node)).toEqual([
      { name: 'Abbas Nilforoushan', country: null },
      { name: 'Antony Blinken', country: null },
    ]);
    expect(response.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['leaders', 'edges', 0, 'node', 'country'], 'SERVICE_UNAVAILABLE'],
      [['leaders', 'edges', 1, 'node', 'country'], 'SERVICE_UNAVAILABLE'],
    ]);
    expect(engine.faulted.BatchGetItem).toBe(MAX_ATTEMPTS);
    await expectRecovered();
  });

  it('attempts that time out are retried, then answered as SERVICE_UNAVAILABLE well before the deadline', async () => {
    engine.inject({ fault: 'timeout', operation: 'BatchGetItem' });
    const started = performance.now();

    const response = await send(handler, '{ leader(id: "leader:vladimir-putin") { name } }');

    // Far from the 8 s deadline: each attempt gave up after 150 ms.
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(response.data).toEqual({ leader: null });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(engine.calls.BatchGetItem).toBe(MAX_ATTEMPTS);
    await expectRecovered();
  });

  it('a throttled write fails as a whole: SERVICE_UNAVAILABLE and nothing written', async () => {
    const before = await tableChecksum(table.db);
    engine.inject({ fault: 'throttle', operation: 'PutItem' });

    const response = await send(
      handler,
      'mutation { upsertLeader(input: { id: "leader:sergey-lavrov", name: "Sergey Lavrov", aliases: ["throttled"] }) { version } }',
      undefined,
      bearer(keys.editor),
    );

    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(engine.faulted.PutItem).toBe(MAX_ATTEMPTS);
    expect(await tableChecksum(table.db)).toEqual(before);
    await expectRecovered();
  });

  it('a key lookup DynamoDB cannot answer is a 503 SERVICE_UNAVAILABLE, not a 500', async () => {
    const fresh = await createKeys(table.db);
    engine.inject({ fault: 'throttle', operation: 'GetItem' });

    const response = await send(handler, MEETINGS, undefined, bearer(fresh.reader));

    expect(response.status).toBe(503);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(engine.calls.GetItem).toBe(MAX_ATTEMPTS);
    expect(response.raw).not.toContain(fresh.reader);
    await expectRecovered();
  });

  it('an error the gateway does not expect is logged with its cause and answered without detail', async () => {
    engine.inject({ fault: 'invalid', operation: 'Query' });

    const response = await send(handler, MEETINGS);

    expect(response.errors).toEqual([
      expect.objectContaining({ message: 'Unexpected error; it has been logged.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ]);
    expect(response.raw).not.toMatch(/ValidationException|internal\/engine|parameter values/);
    expect(engine.calls.Query).toBe(1);
    expect(logged).toEqual([{ message: 'unexpected error', error: expect.objectContaining({ name: 'ValidationException' }) }]);
    await expectRecovered();
  });
});

describe('Faults: the request deadline', () => {
  it('a DynamoDB slower than the deadline gets a 503 TIMEOUT at the deadline, not a hung request', async () => {
    engine.inject({ fault: 'slow', operation: 'BatchGetItem', delayMs: 2_000 });
    const started = performance.now();

    const response = await send(hurried, '{ leader(id: "leader:vladimir-putin") { name } }');

    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
    // Well before the slow answer (2 s) would have come.
    expect(took).toBeLessThan(DEADLINE_MS + 1_000);
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.errors).toEqual([{ message: expect.stringMatching(/took longer than 600 ms/), extensions: { code: 'TIMEOUT' } }]);
    expect(logged.map((l) => l.message)).toContain('request stopped at its deadline');
    await expectRecovered();
  });

  it('the deadline shrinks to what the invocation has left, keeping a second to answer', async () => {
    engine.inject({ fault: 'slow', operation: 'BatchGetItem', delayMs: 2_000 });
    const context = { awsRequestId: 'short', getRemainingTimeInMillis: () => 1_250 } as unknown as Context;

    const result = await hurried(
      v2Event({ body: JSON.stringify({ query: '{ country(code: "RU") { name } }' }), headers: { 'content-type': 'application/json' } }),
      context,
    );

    expect(result.statusCode).toBe(503);
    expect(JSON.parse(result.body ?? '{}').errors[0].message).toMatch(/took longer than 250 ms/);
    await expectRecovered();
  });
});
