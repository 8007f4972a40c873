import { beforeAll, describe, expect, it } from 'vitest';
import { checkRecord, type EntityRecord } from '../../src/domain/records.js';
import { writeEntities } from '../../src/store/entities.js';
import { createTestGateway, type GraphqlResponse, type TestGateway } from '../support/gateway.js';
import { dataOf, idsOf, type Page } from './helpers.js';

const LAVROV = 'leader:sergey-lavrov';
const SOURCE = 'source:article-putin-pezeshkian-ashgabat-2024-10-11';

/** The DynamoDB accounting of an answer, which must be there. */
function accountingOf(response: GraphqlResponse<unknown>) {
  const accounting = response.extensions?.dynamodb;
  if (!accounting) throw new Error('no extensions.dynamodb in the answer');
  return accounting;
}

/** Every operation the contract offers, as a client would send them. */
const READS = [
  '{ node(id: "leader:vladimir-putin") { id ... on Leader { name } } }',
  '{ leader(id: "leader:vladimir-putin") { name country { name } roles { title organization { name } } citations { source { title } } } }',
  '{ leaders { edges { node { id } } } }',
  '{ leaders(filter: { country: "IR" }) { edges { node { id } } } }',
  '{ leaders(filter: { nameStartsWith: "puti" }) { edges { node { id } } } }',
  '{ leaders(filter: { country: "IR", activeOn: "2023-10-23" }) { edges { node { id } } } }',
  '{ country(code: "IR") { name leaders(activeOn: "2024-10-11") { edges { node { id } } } } }',
  '{ organization(id: "organization:quds-force") { name parent { name } country { name } } }',
  '{ meeting(id: "meeting:2024-10-11-putin-pezeshkian-ashgabat") { participants { name } statements { quote } countries { name } } }',
  '{ meetings(filter: { participant: "leader:vladimir-putin" }) { edges { node { id } } } }',
  '{ meetings(filter: { country: "IR", status: PLANNED, from: "2024", to: "2024-12" }) { edges { node { id } } } }',
  '{ militaryDeal(id: "deal:2022-iran-russia-drones") { supplier { __typename } recipient { __typename } } }',
  '{ militaryDeals(filter: { supplier: "IR", recipient: "RU", status: AGREED }) { edges { node { id } } } }',
  '{ event(id: "event:2024-10-01-iran-missile-attack-israel") { respondsTo { id } actors { __typename } targets { __typename } } }',
  '{ events(filter: { actor: "country:IR", kind: "MISSILE_ATTACK", from: "2024" }) { edges { node { id } } } }',
  '{ statements(filter: { speaker: "leader:sergey-lavrov", to: "2024" }) { edges { node { id reportedBy } } } }',
  '{ relations(countries: ["IR", "RU"], from: "2023") { edges { node { __typename } } } }',
  '{ search(text: "amir abdollahian") { __typename } }',
  '{ syncRuns { edges { node { id read } } } }',
];

describe('Accounting: extensions.dynamodb in dev', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await createTestGateway();
  });

  it('counts the calls a query made, by operation, with the capacity they consumed', async () => {
    const response = await gateway.query('{ leaders(first: 3) { edges { node { id name } } } }');
    dataOf(response);
    const accounting = accountingOf(response);
    expect(accounting.operations).toEqual({ Query: 1, BatchGetItem: 1 });
    expect(accounting.calls).toBe(2);
    expect(accounting.consumedCapacity).toBeGreaterThan(0);
  });

  it('answers every contract query without a Scan', async () => {
    for (const query of READS) {
      const response = await gateway.query(query);
      dataOf(response);
      const { calls, operations } = accountingOf(response);
      expect(Object.keys(operations), query).not.toContain('Scan');
      expect(
        Object.values(operations).reduce((a, b) => a + b, 0),
        query,
      ).toBe(calls);
      expect(calls, query).toBeGreaterThan(0);
      expect(calls, query).toBeLessThanOrEqual(6);
    }
  });

  it('makes no call for a query refused before it runs', async () => {
    const response = await gateway.query('{ meetings(first: 101) { edges { node { id } } } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(accountingOf(response).calls).toBe(0);
  });

  it('counts each request on its own', async () => {
    const first = accountingOf(await gateway.query('{ leader(id: "leader:vladimir-putin") { name } }'));
    const second = accountingOf(await gateway.query('{ leader(id: "leader:vladimir-putin") { name } }'));
    expect(first).toMatchObject({ calls: 1, operations: { BatchGetItem: 1 } });
    expect(second).toMatchObject({ calls: 1, operations: { BatchGetItem: 1 } });
  });

  it('adds calls for each level of nesting', async () => {
    // Act
    const oneLevel = accountingOf(await gateway.query(`{ leader(id: "${LAVROV}") { meetings { edges { node { id } } } } }`));
    const twoLevels = accountingOf(
      await gateway.query(`{ leader(id: "${LAVROV}") { meetings { edges { node { participants { name } } } } } }`),
    );
    const threeLevels = accountingOf(
      await gateway.query(`{ leader(id: "${LAVROV}") { meetings { edges { node { participants { country { name } } } } } } }`),
    );

    // Assess: leader, its meetings list and their entities; then the participants; then their countries.
    expect(oneLevel).toMatchObject({ calls: 3, operations: { BatchGetItem: 2, Query: 1 } });
    expect(twoLevels.calls).toBe(oneLevel.calls + 1);
    expect(threeLevels.calls).toBe(twoLevels.calls + 1);
  });
});

describe('Accounting: the cost of a list does not grow with its length', () => {
  // A table of its own: these tests add meetings to the article's.
  let gateway: TestGateway;
  const others = [
    'leader:ebrahim-raisi',
    'leader:hossein-amir-abdollahian',
    'leader:masoud-pezeshkian',
    'leader:vladimir-putin',
    'leader:benjamin-netanyahu',
  ];
  const countries = ['IR', 'IL', 'US', 'TM', 'IN'];

  function meeting(n: number): EntityRecord {
    const checked = checkRecord({
      type: 'meeting',
      id: `meeting:2025-01-${String(n).padStart(2, '0')}-lavrov-talks`,
      date: `2025-01-${String(n).padStart(2, '0')}`,
      status: 'HELD',
      location: { city: 'Moscow', country: 'RU' },
      participants: [LAVROV, others[n % others.length]],
      countries: ['RU', countries[n % countries.length]],
      topics: ['Bilateral cooperation'],
      citations: [{ source: SOURCE }],
    });
    if (!checked.ok) throw new Error(checked.reason);
    return checked.record;
  }

  async function addMeetings(numbers: number[]): Promise<void> {
    const results = await writeEntities(
      gateway.db,
      numbers.map((n) => ({ record: meeting(n), mode: 'upsert' as const })),
      'test',
    );
    expect(results.every((r) => 'outcome' in r && r.outcome === 'created')).toBe(true);
  }

  const LAVROV_MEETINGS = `{ leader(id: "${LAVROV}") { meetings { edges { node { id location { city country { name } } participants { name country { name } } countries { code } } } pageInfo { hasNextPage } } } }`;

  async function lavrovMeetings() {
    const response = await gateway.query<{ leader: { meetings: Page } }>(LAVROV_MEETINGS);
    return { count: dataOf(response).leader.meetings.edges.length, accounting: accountingOf(response) };
  }

  beforeAll(async () => {
    gateway = await createTestGateway();
  });

  it("costs the same for a leader's 1, 10 or 20 meetings with their participants", async () => {
    // Prepare + Act: the article's one meeting of Lavrov's, then 9 more, then 10 more
    const one = await lavrovMeetings();
    await addMeetings([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const ten = await lavrovMeetings();
    await addMeetings([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    const twenty = await lavrovMeetings();

    // Assess
    expect([one.count, ten.count, twenty.count]).toEqual([1, 10, 20]);
    expect(ten.accounting.calls).toBe(one.accounting.calls);
    expect(twenty.accounting.calls).toBe(one.accounting.calls);
    expect(twenty.accounting.operations).toEqual(one.accounting.operations);
    expect(one.accounting.operations.Query).toBe(1);
  });

  it('gives 20 meetings by default out of more', async () => {
    // The article's 6 meetings and the 20 added above.
    const response = await gateway.query<{ meetings: Page }>(
      '{ meetings { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
    );
    const page = dataOf(response).meetings;
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(idsOf(page)[0]).toBe('meeting:2025-01-20-lavrov-talks');
    expect(accountingOf(response).calls).toBe(2);
  });
});

describe('Accounting: in prod', () => {
  it('leaves extensions.dynamodb out of the answer', async () => {
    // Prepare
    const prod = await createTestGateway({ env: { STAGE: 'prod' } });

    // Act
    const response = await prod.query<{ leader: { name: string } }>('{ leader(id: "leader:vladimir-putin") { name } }');

    // Assess
    expect(dataOf(response).leader.name).toBe('Vladimir Putin');
    expect(response.extensions?.dynamodb).toBeUndefined();
    const refused = await prod.query('{ meetings(first: 101) { edges { node { id } } } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.extensions?.dynamodb).toBeUndefined();
  });
});
