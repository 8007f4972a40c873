import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../support/gateway.js';
import { connection, errorOf, expectNoInternals, idsOf } from './helpers.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway();
});

// Each test checks that it made the handler log nothing unexpected.
beforeEach(() => {
  gateway.logged.length = 0;
});

const PAGE = 'edges { cursor node { id } } pageInfo { hasNextPage endCursor }';
const MEETINGS = `query ($filter: MeetingFilter, $first: Int, $after: String) { meetings(filter: $filter, first: $first, after: $after) { ${PAGE} } }`;
const LEADERS = `query ($filter: LeaderFilter, $first: Int, $after: String) { leaders(filter: $filter, first: $first, after: $after) { ${PAGE} } }`;

/** Fails unless the answer refuses the cursor as bad input, clearly and without internals. */
async function expectRefused(query: string, variables: Record<string, unknown>): Promise<void> {
  const response = await gateway.query(query, variables);
  const error = errorOf(response);
  expect(error.code, JSON.stringify(variables.after)).toBe('BAD_USER_INPUT');
  expect(error.message).toMatch(/^after: the cursor is (not valid for|outside the range of) this list/);
  expect(response.errors?.[0]?.path).toBeDefined();
  expect(response.data ?? null).toBeNull();
  expectNoInternals(response.errors);
  expect(gateway.logged).toEqual([]);
}

const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('Cursors: forged', () => {
  const forged: [string, string][] = [
    ['random base64', Buffer.from('f0rged-by-hand-4f9c2a').toString('base64')],
    ['random base64url bytes', base64url(String.fromCharCode(...Array.from({ length: 24 }, (_, i) => (i * 37) % 256)))],
    ['a base64 JSON object', base64url({ pk: 'ALL#meeting', sk: '2024-10-11#meeting:x' })],
    ['a base64 JSON array of the wrong length', base64url(['ALL#meeting'])],
    ['a base64 JSON array with an empty sort key', base64url(['ALL#meeting', ''])],
    ['a base64 JSON array with a number', base64url(['ALL#meeting', 20241011])],
    ['padding', 'WyJBTEwjbWVldGluZyJd=='],
    ['an equals sign in the middle', 'abc=def'],
    ['unicode', 'курсор-✓-🚀'],
    ['spaces', 'not a cursor'],
    ['an empty string', ''],
    ['a very long string', 'A'.repeat(5000)],
    ['JSON text', '["ALL#meeting","2024-10-11#meeting:x"]'],
    ['a null byte', 'abc\u0000def'],
  ];

  for (const [name, after] of forged) {
    it(`refuses ${name} with BAD_USER_INPUT`, async () => {
      await expectRefused(MEETINGS, { first: 2, after });
    });
  }

  it('refuses a well-made cursor whose list is another', async () => {
    // A cursor naming the list of all leaders, handed to the list of all meetings.
    await expectRefused(MEETINGS, { first: 2, after: base64url(['ALL#leader', 'vladimir putin#leader:vladimir-putin']) });
  });
});

describe('Cursors: from another list', () => {
  it('refuses a leaders cursor given to meetings, and the reverse', async () => {
    const leaders = await connection(gateway, LEADERS, { first: 2 }, 'leaders');
    const meetings = await connection(gateway, MEETINGS, { first: 2 }, 'meetings');
    await expectRefused(MEETINGS, { first: 2, after: leaders.pageInfo.endCursor });
    await expectRefused(LEADERS, { first: 2, after: meetings.pageInfo.endCursor });
  });

  it("refuses one leader's meetings cursor for another leader's meetings", async () => {
    const putin = await connection(gateway, MEETINGS, { filter: { participant: 'leader:vladimir-putin' }, first: 1 }, 'meetings');
    expect(putin.pageInfo.hasNextPage).toBe(true);
    await expectRefused(MEETINGS, { filter: { participant: 'leader:masoud-pezeshkian' }, first: 1, after: putin.pageInfo.endCursor });
    await expectRefused(MEETINGS, { filter: { country: 'RU' }, first: 1, after: putin.pageInfo.endCursor });
  });

  it('refuses a meetings cursor for the Iran–Russia timeline and for deals', async () => {
    const meetings = await connection(gateway, MEETINGS, { first: 1 }, 'meetings');
    await expectRefused(`query ($after: String) { relations(countries: ["IR", "RU"], first: 1, after: $after) { edges { cursor } } }`, {
      after: meetings.pageInfo.endCursor,
    });
    await expectRefused(`query ($after: String) { militaryDeals(first: 1, after: $after) { ${PAGE} } }`, {
      after: meetings.pageInfo.endCursor,
    });
  });

  it('refuses a cursor of leaders by name for leaders active on a date', async () => {
    const byName = await connection(gateway, LEADERS, { filter: { country: 'IR' }, first: 1 }, 'leaders');
    await expectRefused(LEADERS, { filter: { country: 'IR', activeOn: '2024' }, first: 1, after: byName.pageInfo.endCursor });
  });

  it("accepts the Iran–Russia timeline's cursor for the Russia–Iran timeline: it is the same list", async () => {
    const RELATIONS = `query ($countries: [String!]!, $after: String) { relations(countries: $countries, first: 5, after: $after) { edges { cursor node { ... on Node { id } } } pageInfo { hasNextPage endCursor } } }`;
    const first = await connection(gateway, RELATIONS, { countries: ['IR', 'RU'] }, 'relations');
    const forward = await connection(gateway, RELATIONS, { countries: ['IR', 'RU'], after: first.pageInfo.endCursor }, 'relations');
    const backward = await connection(gateway, RELATIONS, { countries: ['RU', 'IR'], after: first.pageInfo.endCursor }, 'relations');
    expect(idsOf(backward)).toEqual(idsOf(forward));
    expect(idsOf(forward)).toHaveLength(5);
  });
});

describe('Cursors: stale', () => {
  it('refuses a cursor of the same list read with a date range it falls outside of', async () => {
    // Prepare: a cursor at a 2024 meeting
    const recent = await connection(gateway, MEETINGS, { filter: { from: '2024' }, first: 1 }, 'meetings');
    expect(recent.pageInfo.hasNextPage).toBe(true);

    // Act + Assess: the same list, but only up to 2023
    await expectRefused(MEETINGS, { filter: { to: '2023' }, first: 1, after: recent.pageInfo.endCursor });
  });

  it('refuses a cursor of an older range for a list that starts later', async () => {
    const old = await connection(gateway, MEETINGS, { filter: { to: '2023' }, first: 1 }, 'meetings');
    expect(idsOf(old)).toEqual(['meeting:2023-10-23-lavrov-raisi-amir-abdollahian-tehran']);
    await expectRefused(MEETINGS, { filter: { from: '2025' }, first: 1, after: old.pageInfo.endCursor });
  });

  it('refuses a cursor of one name prefix for another', async () => {
    const m = await connection(gateway, LEADERS, { filter: { nameStartsWith: 'ma' }, first: 1 }, 'leaders');
    expect(m.pageInfo.hasNextPage).toBe(true);
    await expectRefused(LEADERS, { filter: { nameStartsWith: 'mi' }, first: 1, after: m.pageInfo.endCursor });
  });

  it('goes on from a cursor of the same list read without a range when it falls within the range', async () => {
    // The cursor is a place in the list: a narrower range that holds it reads on from there.
    const all = await connection(gateway, MEETINGS, { first: 1 }, 'meetings');
    const next = await connection(gateway, MEETINGS, { filter: { from: '2024' }, first: 10, after: all.pageInfo.endCursor }, 'meetings');
    expect(idsOf(next)).toEqual([
      'meeting:2024-10-11-putin-pezeshkian-ashgabat',
      'meeting:2024-09-30-mishustin-pezeshkian-tehran',
      'meeting:2024-09-17-putin-aides-tehran',
    ]);
  });
});
