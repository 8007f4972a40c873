import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestBudget } from '../../src/store/budget.js';
import { CallScheduler } from '../../src/store/call-scheduler.js';
import { Db } from '../../src/store/db.js';
import { getEntities } from '../../src/store/entities.js';
import { createTestGateway, type GraphqlResponse, startLocalServer, type TestGateway } from '../support/gateway.js';
import { ARTICLE_SOURCE, bearer, createKeys, PUTIN } from './helpers.js';

/** The issue's query: 15 aliases of nested meetings and participants; with {n: 6, z: 0} it made 1,547 DynamoDB calls. */
const NESTED =
  'meetings(first: $n) { edges { node { participants { meetings(first: $n) { edges { node { participants { revisions(first: $z) { __typename } meetings(first: $z) { __typename } statements(first: $z) { __typename } } } } } } } } }';
const ISSUE_QUERY = `query ($n: Int, $z: Int) { ${Array.from({ length: 15 }, (_, i) => `a${i}: ${NESTED}`).join(' ')} }`;

/** A meeting of 60 leaders, written by the data sync: longer than the 10 entries the cost model assumes of a list. */
const CROWD = 60;
const CROWD_MEETING = 'meeting:2024-01-01-crowd';
const crowdLines = () => {
  const cite = [{ source: ARTICLE_SOURCE, excerpt: 'as the article says' }];
  const leaders = Array.from({ length: CROWD }, (_, i) =>
    JSON.stringify({ type: 'leader', id: `leader:delegate-${i}`, name: `Delegate ${i}`, country: 'RU', citations: cite }),
  );
  const meeting = JSON.stringify({
    type: 'meeting',
    id: CROWD_MEETING,
    date: '2024-01-01',
    status: 'HELD',
    participants: Array.from({ length: CROWD }, (_, i) => `leader:delegate-${i}`),
    countries: ['RU'],
    citations: cite,
  });
  return [...leaders, meeting];
};
/** Estimated at 24 calls (participants counted as 10), it makes two Queries per participant: 122 calls for 60. */
const CROWD_QUERY = `{ meeting(id: "${CROWD_MEETING}") { participants { meetings(first: 1) { edges { cursor } } statements(first: 1) { edges { cursor } } } } }`;

type Answer = GraphqlResponse & { raw: string };

describe.each(['dev', 'prod'] as const)('Cost over HTTP, %s', (stage) => {
  let gateway: TestGateway;
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let keys: Awaited<ReturnType<typeof createKeys>>;

  const post = async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    });
    const raw = await response.text();
    return { status: response.status, headers: Object.fromEntries(response.headers), raw, ...JSON.parse(raw) };
  };

  beforeAll(async () => {
    gateway = await createTestGateway({ env: { STAGE: stage } });
    server = await startLocalServer(gateway);
    keys = await createKeys(gateway.db);
    const sync = await post(
      'mutation ($l: [String!]!) { syncRecords(lines: $l) { status created rejected } }',
      { l: crowdLines() },
      bearer(keys.editor),
    );
    expect(sync.data).toEqual({ syncRecords: { status: 'SUCCEEDED', created: CROWD + 1, rejected: 0 } });
  });

  afterAll(async () => {
    await server.close();
  });

  it("refuses the issue's 1,547-call query before reading anything", async () => {
    const response = await post(ISSUE_QUERY, { n: 6, z: 0 });

    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      {
        message:
          'The operation may make about 163545 DynamoDB calls, more than the 100 a request may make: ask for smaller pages or fewer nested lists.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: { estimate: 163_545, limit: 100 } },
      },
    ]);
    if (stage === 'dev') expect(response.extensions?.dynamodb?.calls).toBe(0);
  });

  it('refuses 1,650 aliases of __typename', async () => {
    const response = await post(`{ ${Array.from({ length: 1_650 }, (_, i) => `t${i}: __typename`).join(' ')} }`);

    expect(response.status).toBe(400);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0]?.message).toContain('Aliases limit of 15 exceeded, found 1650');
  });

  it('counts a connection with first: 0 as the Query it makes', async () => {
    const response = await post(`{ leader(id: "${PUTIN}") { meetings(first: 0) { edges { cursor } } } }`);

    expect(response.errors).toBeUndefined();
    if (stage === 'dev') {
      expect(response.extensions?.cost).toEqual({ estimate: 2, limit: 100, readUnitLimit: 1_000 });
      expect(response.extensions?.dynamodb?.operations).toEqual({ BatchGetItem: 1, Query: 1 });
    } else {
      expect(response.extensions).toBeUndefined();
    }
  });

  it('stops an anonymous request at 100 reads when the data is larger than the estimate, with BUDGET_EXCEEDED', async () => {
    const response = await post(CROWD_QUERY);

    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      {
        message: expect.stringMatching(
          /^The request used its budget of 100 DynamoDB reads and 1000 read units \(100 reads, [\d.]+ units spent\)/,
        ),
        extensions: {
          code: 'BUDGET_EXCEEDED',
          budget: { calls: 100, readUnits: 1_000 },
          used: { calls: 100, readUnits: expect.any(Number) },
        },
      },
    ]);
    if (stage === 'dev') {
      expect(response.extensions?.cost).toMatchObject({ estimate: 1 + 1 + 10 + 1 + 10 + 1 });
      expect(response.extensions?.dynamodb?.calls).toBe(100);
    }
    expect(gateway.logged).toEqual([]);
  });

  it("gives a reader's key the same budget, and an editor's key a larger one", async () => {
    const reader = await post(CROWD_QUERY, undefined, bearer(keys.reader));
    const editor = await post(CROWD_QUERY, undefined, bearer(keys.editor));

    expect(reader.errors?.map((e) => e.extensions?.code)).toEqual(['BUDGET_EXCEEDED']);
    expect(editor.errors).toBeUndefined();
    expect((editor.data as { meeting: { participants: unknown[] } }).meeting.participants).toHaveLength(CROWD);
    if (stage === 'dev') expect(editor.extensions?.dynamodb?.calls).toBe(1 + 1 + 2 * CROWD);
  });

  it('still answers a cheap query at once after a stopped one', async () => {
    const response = await post(`{ leader(id: "${PUTIN}") { name } }`);

    expect(response.data).toEqual({ leader: { name: 'Vladimir Putin' } });
  });
});

describe('RequestBudget on the engine', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await createTestGateway();
  });

  it('refuses reads once the read units are spent, and lets writes through', async () => {
    const budget = new RequestBudget({ calls: 1_000, readUnits: 2 });
    const db = new Db(gateway.db.client, gateway.db.tableName, undefined, undefined, budget);
    const ids = [PUTIN, 'leader:masoud-pezeshkian', 'country:RU', 'country:IR'];

    // Each read of four small items consumes 2 units (0.5 each, eventually consistent): the second is refused.
    await getEntities(db, ids);
    const refused = await getEntities(db, ids).catch((error: unknown) => error);

    expect(budget.used).toEqual({ calls: 1, readUnits: 2 });
    expect(refused).toMatchObject({
      name: 'BudgetExceededError',
      used: { calls: 1, readUnits: 2 },
      limits: { calls: 1_000, readUnits: 2 },
    });
    expect(db.stats.calls).toBe(1);
  });

  it('sends at most the allowed number of commands of one request at once', async () => {
    const budget = new RequestBudget({ calls: 1_000, readUnits: 1_000 }, new CallScheduler(3, 2).lane());
    let inFlight = 0;
    let most = 0;
    const client = gateway.db.client;
    const counting = {
      send: async (...args: Parameters<typeof client.send>) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          return await client.send(...args);
        } finally {
          inFlight -= 1;
        }
      },
    } as unknown as typeof client;
    const db = new Db(counting, gateway.db.tableName, undefined, undefined, budget);

    await Promise.all(Array.from({ length: 20 }, () => getEntities(db, [PUTIN])));

    expect(most).toBe(3);
    expect(db.stats.calls).toBe(20);
  });
});
