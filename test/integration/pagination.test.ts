import { beforeAll, describe, expect, it } from 'vitest';
import { checkRecord, type EntityRecord } from '../../src/domain/records.js';
import { batchWrite } from '../../src/store/batch.js';
import { writeEntity } from '../../src/store/entities.js';
import { indexItemsOf } from '../../src/store/index-items.js';
import { createTestGateway, type GraphqlResponse, type TestGateway } from '../support/gateway.js';
import { connection, dataOf, errorOf, idsOf, type Page, walk } from './helpers.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway();
});

const PAGE = 'edges { cursor node { id } } pageInfo { hasNextPage endCursor }';
const TIMELINE_PAGE = 'edges { cursor node { ... on Node { id } } } pageInfo { hasNextPage endCursor }';

/** A connection read with `first`/`after`, by a top-level query or through a parent. */
interface Walked {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Where the connection is in the answer's data. */
  path: string[];
  /** The least number of entries the list has on the article's data. */
  atLeast: number;
}

const CONNECTIONS: Walked[] = [
  {
    name: 'leaders',
    query: `query ($first: Int, $after: String) { leaders(first: $first, after: $after) { ${PAGE} } }`,
    path: ['leaders'],
    atLeast: 12,
  },
  {
    name: 'leaders of a country',
    query: `query ($first: Int, $after: String) { leaders(filter: { country: "IR" }, first: $first, after: $after) { ${PAGE} } }`,
    path: ['leaders'],
    atLeast: 5,
  },
  {
    // Lavrov, Putin, Pezeshkian, and Nasrallah and Nilforoushan on the day they were killed.
    name: 'leaders active on a date',
    query: `query ($first: Int, $after: String) { leaders(filter: { activeOn: "2024-09-27" }, first: $first, after: $after) { ${PAGE} } }`,
    path: ['leaders'],
    atLeast: 5,
  },
  {
    // Putin's name and both his aliases start with "v"; Lavrov's three names with "s".
    name: 'leaders by name prefix',
    query: `query ($first: Int, $after: String) { leaders(filter: { nameStartsWith: "v" }, first: $first, after: $after) { ${PAGE} } }`,
    path: ['leaders'],
    atLeast: 1,
  },
  {
    name: 'meetings',
    query: `query ($first: Int, $after: String) { meetings(first: $first, after: $after) { ${PAGE} } }`,
    path: ['meetings'],
    atLeast: 6,
  },
  {
    name: "a leader's meetings",
    query: `query ($first: Int, $after: String) { leader(id: "leader:vladimir-putin") { meetings(first: $first, after: $after) { ${PAGE} } } }`,
    path: ['leader', 'meetings'],
    atLeast: 3,
  },
  {
    name: 'meetings in a date range',
    query: `query ($first: Int, $after: String) { meetings(filter: { from: "2023", to: "2024-10" }, first: $first, after: $after) { ${PAGE} } }`,
    path: ['meetings'],
    atLeast: 5,
  },
  {
    name: 'militaryDeals',
    query: `query ($first: Int, $after: String) { militaryDeals(first: $first, after: $after) { ${PAGE} } }`,
    path: ['militaryDeals'],
    atLeast: 4,
  },
  {
    name: 'relations',
    query: `query ($first: Int, $after: String) { relations(countries: ["IR", "RU"], first: $first, after: $after) { ${TIMELINE_PAGE} } }`,
    path: ['relations'],
    atLeast: 20,
  },
  {
    name: 'events',
    query: `query ($first: Int, $after: String) { events(first: $first, after: $after) { ${PAGE} } }`,
    path: ['events'],
    atLeast: 11,
  },
  {
    name: 'events of an actor',
    query: `query ($first: Int, $after: String) { events(filter: { actor: "country:IR" }, first: $first, after: $after) { ${PAGE} } }`,
    path: ['events'],
    atLeast: 6,
  },
  {
    name: 'statements',
    query: `query ($first: Int, $after: String) { statements(first: $first, after: $after) { ${PAGE} } }`,
    path: ['statements'],
    atLeast: 9,
  },
  {
    name: "a country's leaders active on a date",
    // Raisi, Amir-Abdollahian (both 2023-10-23) and Farahi (2023-11).
    query: `query ($first: Int, $after: String) { country(code: "IR") { leaders(activeOn: "2023", first: $first, after: $after) { ${PAGE} } } }`,
    path: ['country', 'leaders'],
    atLeast: 3,
  },
];

async function read(c: Walked, first: number, after: string | null): Promise<Page> {
  const response = await gateway.query<Record<string, unknown>>(c.query, { ...c.variables, first, after });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  let value: unknown = response.data;
  for (const key of c.path) value = (value as Record<string, unknown>)[key];
  return value as Page;
}

describe('Pagination: walking a connection', () => {
  for (const c of CONNECTIONS) {
    it(`lists every entry of ${c.name} once, in the order of one big page, whatever the page size`, async () => {
      // Prepare: the whole list in one page
      const whole = await read(c, 100, null);
      const expected = idsOf(whole);
      expect(whole.pageInfo.hasNextPage).toBe(false);
      expect(expected.length).toBeGreaterThanOrEqual(c.atLeast);
      expect(new Set(expected).size).toBe(expected.length);

      for (let size = 1; size <= expected.length; size++) {
        // Act
        const walked = await walk((first, after) => read(c, first, after), size);

        // Assess
        expect(walked, `pages of ${size}`).toEqual(expected);
      }
    });
  }

  it('says there is no next page on the last page and gives its end cursor', async () => {
    const c = CONNECTIONS.find((x) => x.name === 'meetings') as Walked;
    const first = await read(c, 4, null);
    expect(first.edges).toHaveLength(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const last = await read(c, 4, first.pageInfo.endCursor);
    expect(last.edges).toHaveLength(2);
    expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: last.edges[1]?.cursor });
  });

  it('says there is no next page when a page ends exactly at the end of the list', async () => {
    const c = CONNECTIONS.find((x) => x.name === 'meetings') as Walked;
    const first = await read(c, 3, null);
    const second = await read(c, 3, first.pageInfo.endCursor);
    expect(second.edges).toHaveLength(3);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('answers first: 0 with a cursor to go on from', async () => {
    const page = await connection(gateway, `{ meetings(first: 0) { ${PAGE} } }`, {}, 'meetings');
    expect(page.edges).toEqual([]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.pageInfo.endCursor).not.toBeNull();
    // Going on from it gives the list from its first entry, as without a cursor.
    const query = `query ($after: String) { meetings(first: 3, after: $after) { ${PAGE} } }`;
    const next = await connection(gateway, query, { after: page.pageInfo.endCursor }, 'meetings');
    const start = await connection(gateway, query, {}, 'meetings');
    expect(idsOf(next)).toEqual(idsOf(start));
    // first: 0 after a cursor ends at that cursor.
    const middle = await connection(
      gateway,
      `query ($after: String) { meetings(first: 0, after: $after) { ${PAGE} } }`,
      { after: start.pageInfo.endCursor },
      'meetings',
    );
    expect(middle.pageInfo).toEqual({ hasNextPage: true, endCursor: start.pageInfo.endCursor });
    const empty = await connection(gateway, `{ meetings(filter: { country: "UA" }, first: 0) { ${PAGE} } }`, {}, 'meetings');
    expect(empty.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('answers an empty last page for an empty list', async () => {
    const page = await connection(gateway, `{ events(filter: { actor: "country:IN" }) { ${PAGE} } }`, {}, 'events');
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('gives up to 20 entries without first', async () => {
    // The Iran–Russia timeline has 21 entries: the default page holds the first 20 of them and says more follow.
    const page = await connection(gateway, `{ relations(countries: ["IR", "RU"]) { ${TIMELINE_PAGE} } }`, {}, 'relations');
    const big = await connection(gateway, `{ relations(countries: ["IR", "RU"], first: 100) { ${TIMELINE_PAGE} } }`, {}, 'relations');
    expect(big.edges).toHaveLength(21);
    expect(page.edges).toHaveLength(20);
    expect(idsOf(page)).toEqual(idsOf(big).slice(0, 20));
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
});

describe('Pagination: page sizes refused', () => {
  const sizes = [101, 1000, -1, -100];
  const fields = [
    `leaders(first: $first) { ${PAGE} }`,
    `meetings(first: $first) { ${PAGE} }`,
    `relations(countries: ["IR", "RU"], first: $first) { ${TIMELINE_PAGE} }`,
    `leader(id: "leader:vladimir-putin") { meetings(first: $first) { ${PAGE} } }`,
    `syncRuns(first: $first) { ${PAGE} }`,
  ];

  for (const field of fields) {
    it(`refuses first outside 0..100 with BAD_USER_INPUT: ${field.slice(0, field.indexOf('{')).trim()}`, async () => {
      for (const first of sizes) {
        const error = errorOf(await gateway.query(`query ($first: Int) { ${field} }`, { first }));
        expect(error.code, `first: ${first}`).toBe('BAD_USER_INPUT');
        expect(error.message).toContain('first');
      }
    });
  }

  it('refuses a search for more than 100 results or fewer than 0', async () => {
    for (const first of [101, -1]) {
      expect(
        errorOf(await gateway.query('query ($first: Int) { search(text: "a", first: $first) { __typename } }', { first })).code,
        `first: ${first}`,
      ).toBe('BAD_USER_INPUT');
    }
  });
});

describe('Pagination: a filter that skips over many entries', () => {
  it('never ends a list early: a page cut short by the reads allowed says a next page follows', async () => {
    // Prepare: a leader with 1 200 held meetings and, older than all of them, one planned.
    const table = await createTestGateway({ seed: false });
    const meeting = (n: number, status: string): EntityRecord => {
      const checked = checkRecord({
        type: 'meeting',
        id: `meeting:talks-${String(n).padStart(4, '0')}`,
        date: `2020-01-${String(1 + (n % 28)).padStart(2, '0')}`,
        status,
        participants: ['leader:someone'],
        citations: [{ source: 'source:somewhere' }],
      });
      if (!checked.ok) throw new Error(checked.reason);
      return checked.record;
    };
    const planned = checkRecord({ ...meeting(0, 'PLANNED'), date: '2019-12-31' });
    if (!planned.ok) throw new Error(planned.reason);
    await writeEntity(table.db, planned.record, { actor: 'test' });
    // The held meetings are only ever skipped: their list entries are all the reads see of them.
    const held = Array.from({ length: 1_200 }, (_, i) => meeting(i + 1, 'HELD'));
    await batchWrite(
      table.db,
      held.flatMap((record) => indexItemsOf(record).map((item) => ({ put: { ...item } }))),
      8,
    );
    const QUERY = `query ($after: String) { meetings(filter: { participant: "leader:someone", status: PLANNED }, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;

    // Act
    const found: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (; pages < 10; pages++) {
      const response: GraphqlResponse<{ meetings: Page }> = await table.query<{ meetings: Page }>(QUERY, { after });
      const page: Page = dataOf(response).meetings;
      expect(response.extensions?.dynamodb?.calls).toBeLessThanOrEqual(21);
      found.push(...idsOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }

    // Assess
    expect(found).toEqual(['meeting:talks-0000']);
    expect(pages).toBeGreaterThan(0);
  });
});
