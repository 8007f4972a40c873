import { readdirSync, readFileSync } from 'node:fs';
import { getIntrospectionQuery, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_BUDGETS } from '../../src/graphql/budgets.js';
import { estimateCalls } from '../../src/graphql/cost.js';
import { QUERY_LIMITS } from '../../src/graphql/limits.js';
import { createSchema } from '../../src/graphql/schema.js';
import { createTestGateway, type TestGateway } from '../support/gateway.js';

const ROOT = new URL('../../', import.meta.url);
const README = readFileSync(new URL('README.md', ROOT), 'utf8');
const EXAMPLES = new URL('examples/', ROOT);

/** Every query the README and examples/ offer, with its variables: all must pass every limit. */
const LEGITIMATE: [string, string, Record<string, unknown>][] = [
  ...[...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i): [string, string, Record<string, unknown>] => [
    `README example ${i + 1}`,
    m[1] as string,
    {},
  ]),
  ...readdirSync(EXAMPLES)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file): [string, string, Record<string, unknown>][] => {
      const query = readFileSync(new URL(file, EXAMPLES), 'utf8');
      const variables = JSON.parse(readFileSync(new URL(file.replace(/\.graphql$/, '.variables.json'), EXAMPLES), 'utf8')) as Record<
        string,
        unknown
      >;
      return [
        [`examples/${file}`, query, variables],
        // The largest page anyone may ask for, as a variable and written into the query.
        [`examples/${file} with first: 100`, query, { ...variables, first: 100 }],
        [
          `examples/${file} with first: 100 as a literal`,
          query.replace(/\$first: Int,?\s*/, '').replace(/first: \$first/g, 'first: 100'),
          variables,
        ],
      ];
    }),
];

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway();
});

/** The codes of an answer refused by a limit, checking it was refused before any read. */
async function refused(query: string, variables?: Record<string, unknown>): Promise<{ codes: unknown[]; messages: string[] }> {
  const response = await gateway.query(query, variables);
  expect(response.status).toBe(400);
  expect(response.data).toBeUndefined();
  expect(response.extensions?.dynamodb?.calls).toBe(0);
  return { codes: response.errors?.map((e) => e.extensions?.code) ?? [], messages: response.errors?.map((e) => e.message) ?? [] };
}

async function passes(query: string, variables?: Record<string, unknown>): Promise<void> {
  const response = await gateway.query(query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(response.status).toBe(200);
}

/** Messages of the limits' refusals. */
const LIMIT_MESSAGE = /limit of \d+ exceeded|may make about \d+ DynamoDB calls|more that \d+ tokens/;

describe('Query limits: what the API is meant for passes', () => {
  it('has the README and examples/ to check', () => {
    expect(LEGITIMATE.length).toBeGreaterThanOrEqual(20);
  });

  it.each(LEGITIMATE)('%s is within every limit', async (_, query, variables) => {
    const response = await gateway.query(query, variables);

    expect(response.errors?.filter((e) => LIMIT_MESSAGE.test(e.message)) ?? []).toEqual([]);
  });

  it.each(LEGITIMATE.filter(([name]) => name.startsWith('examples/')))('%s answers without errors', async (_, query, variables) => {
    await passes(query, variables);
  });

  it('the Sandbox introspection query passes in dev', async () => {
    await passes(getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true, inputValueDeprecation: true }));
  });
});

/** A query `levels` deep, leaves included. */
function deepQuery(levels: number): string {
  // leader(1) meetings(2) edges(3) node(4) participants(5) … : four levels per hop, a leaf at the end.
  // Pages of one meeting keep the cost well within the budget: this is about depth alone.
  const hops = ['meetings(first: 1)', 'edges', 'node', 'participants'];
  const path = ['leader(id: "leader:vladimir-putin")', ...Array.from({ length: levels - 2 }, (_, i) => hops[i % hops.length])];
  return `{ ${path.join(' { ')} { __typename }${' }'.repeat(path.length - 1)} }`;
}

describe('Query limits: each limit refuses one step past it, with a 400 and a code', () => {
  it(`depth: ${QUERY_LIMITS.depth} levels pass, one more is refused`, async () => {
    await passes(deepQuery(QUERY_LIMITS.depth));
    const { codes, messages } = await refused(deepQuery(QUERY_LIMITS.depth + 1));

    expect(codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages[0]).toContain(`depth limit of ${QUERY_LIMITS.depth} exceeded, found ${QUERY_LIMITS.depth + 1}`);
  });

  it(`aliases: ${QUERY_LIMITS.aliases} pass, one more is refused`, async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: country(code: "IR") { name }`).join(' ')} }`;

    await passes(aliased(QUERY_LIMITS.aliases));
    const { codes, messages } = await refused(aliased(QUERY_LIMITS.aliases + 1));

    expect(codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages[0]).toContain(`Aliases limit of ${QUERY_LIMITS.aliases} exceeded`);
  });

  it(`directives: ${QUERY_LIMITS.directives} pass, one more is refused`, async () => {
    const directed = (n: number) => `{ country(code: "IR") { ${Array.from({ length: n }, () => 'name @include(if: true)').join(' ')} } }`;

    await passes(directed(QUERY_LIMITS.directives));
    const { codes, messages } = await refused(directed(QUERY_LIMITS.directives + 1));

    expect(codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages[0]).toContain(`Directives limit of ${QUERY_LIMITS.directives} exceeded`);
  });

  it(`tokens: a document of ${QUERY_LIMITS.tokens} tokens parses, one more is refused by the parser`, async () => {
    // 15 tokens around a list of codes (commas are not tokens); the timeline takes the two distinct ones.
    const tokens = (n: number) =>
      `{ relations(countries: [${Array.from({ length: n - 15 }, (_, i) => (i % 2 ? '"RU"' : '"IR"')).join(', ')}]) { edges { cursor } } }`;

    await passes(tokens(QUERY_LIMITS.tokens));
    const { codes, messages } = await refused(tokens(QUERY_LIMITS.tokens + 1));

    expect(codes).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(messages[0]).toMatch(/more that 5000 tokens/);
  });

  it(`aliases of __typename count: ${QUERY_LIMITS.aliases} pass, one more is refused, and 1,650 are`, async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;

    await passes(aliased(QUERY_LIMITS.aliases));
    const { codes, messages } = await refused(aliased(QUERY_LIMITS.aliases + 1));
    const bomb = await refused(aliased(1_650));

    expect(codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages[0]).toContain(`Aliases limit of ${QUERY_LIMITS.aliases} exceeded, found ${QUERY_LIMITS.aliases + 1}`);
    expect(bomb.messages[0]).toContain(`Aliases limit of ${QUERY_LIMITS.aliases} exceeded, found 1650`);
  });

  it(`validation errors: at most ${QUERY_LIMITS.validationErrors} are reported, then validation stops`, async () => {
    // graphql-cop's directive overloading probe, and a longer one: one error per unknown directive otherwise.
    const ten = await refused('query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }');
    const many = await refused(`{ __typename ${'@aa'.repeat(QUERY_LIMITS.directives)} }`);

    for (const { codes, messages } of [ten, many]) {
      expect(codes).toHaveLength(QUERY_LIMITS.validationErrors + 1);
      expect(messages.at(-1)).toBe('Too many validation errors, error limit reached. Validation aborted.');
    }
  });

  it(`cost: an operation estimated over ${REQUEST_BUDGETS.anonymous.calls} DynamoDB calls is refused, with page sizes taken from the variables`, async () => {
    // 1 Query of leaders, 1 BatchGetItem of its page, one Query of meetings per leader, 1 BatchGetItem per 100 meetings.
    const nested = 'query ($a: Int, $b: Int) { leaders(first: $a) { edges { node { meetings(first: $b) { edges { node { id } } } } } } }';

    await passes(nested, { a: 49, b: 100 });
    const { codes, messages } = await refused(nested, { a: 50, b: 100 });

    expect(codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages[0]).toBe(
      'The operation may make about 102 DynamoDB calls, more than the 100 a request may make: ask for smaller pages or fewer nested lists.',
    );
  });

  it('cost: nested pages of 100 written into the query are refused', async () => {
    const response = await gateway.query('{ leaders(first: 100) { edges { node { meetings(first: 100) { edges { node { id } } } } } } }');

    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      cost: { estimate: 1 + 1 + 100 + 100, limit: 100 },
    });
  });
});

describe('Query limits: estimating DynamoDB calls', () => {
  const schema = createSchema();
  const estimate = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
    const fragments = new Map(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [])));
    if (operation?.kind !== 'OperationDefinition') throw new Error('no operation');
    return estimateCalls(schema, operation, fragments, variables);
  };

  it('counts a reference as one BatchGetItem, and a connection as one Query and a BatchGetItem of its default page of 20', () => {
    expect(estimate('{ leader(id: "x") { name roles { title } meetings { edges { node { id } } } } }')).toBe(1 + 1 + 1);
  });

  it('counts a connection with first: 0 as the Query it still makes', () => {
    expect(estimate('{ leader(id: "x") { meetings(first: 0) { edges { node { id } } } revisions(first: 0) { edges { cursor } } } }')).toBe(
      1 + 1 + 1,
    );
  });

  it('takes page sizes from the variables, or from their defaults', () => {
    const query = 'query ($n: Int = 50) { leaders(first: $n) { edges { node { meetings(first: 1) { edges { cursor } } } } } }';

    expect(estimate(query)).toBe(1 + 1 + 50 + 1);
    expect(estimate(query, { n: 2 })).toBe(1 + 1 + 2 + 1);
  });

  it('counts lists of references at 10 entries, multiplying what is asked of each', () => {
    // The meeting, its participants (10 keys, one batch), a Query of meetings per participant, their pages (10 keys).
    expect(estimate('{ meeting(id: "x") { participants { meetings(first: 1) { edges { cursor } } } } }')).toBe(1 + 1 + 10 + 1);
    // The leader, and the sources of 10 citations in one batch.
    expect(estimate('{ leader(id: "x") { citations { source { title } } } }')).toBe(1 + 1);
  });

  it("counts a meeting's statements as a Query of their own and their entities", () => {
    expect(estimate('{ meeting(id: "x") { statements { speaker { name } } } }')).toBe(1 + 1 + 1 + 1);
  });

  it("counts a deal's source records and disagreements as the one Query they share, and a list of deals as filtered", () => {
    expect(estimate('{ militaryDeal(id: "x") { sourceRecords { id } disagreements { field } } }')).toBe(1 + 1 + 1);
    expect(estimate('{ country(code: "IR") { deals(first: 5) { edges { cursor } } } }')).toBe(1 + 20 + 1);
    expect(estimate('{ country(code: "IR") { deals(first: 5, includeSourceRecords: true) { edges { cursor } } } }')).toBe(1 + 1 + 1);
  });

  it('counts a filtered list at the 20 Queries one page may take', () => {
    expect(estimate('{ leaders(filter: { activeOn: "2024" }, first: 5) { edges { cursor } } }')).toBe(20 + 1);
  });

  it("counts the issue's query of 15 aliases at 163,545 calls", () => {
    const inner =
      'meetings(first: $n) { edges { node { participants { meetings(first: $n) { edges { node { participants { revisions(first: $z) { __typename } meetings(first: $z) { __typename } statements(first: $z) { __typename } } } } } } } } }';
    const query = `query ($n: Int, $z: Int) { ${Array.from({ length: 15 }, (_, i) => `a${i}: ${inner}`).join(' ')} }`;
    // Per alias: meetings 1 + its page 1; 60 participants 1; 60 Queries of meetings + 360 meetings 4;
    // 3,600 participants 36; three Queries for each of them, 10,800.
    expect(estimate(query, { n: 6, z: 0 })).toBe(15 * (1 + 1 + 1 + 60 + 4 + 36 + 10_800));
  });

  it('counts a fragment once per use, and the time to count does not grow with its reuse', () => {
    const chain = Array.from({ length: 40 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ');
    const started = performance.now();

    const calls = estimate(`query { ...F40 } fragment F0 on Query { leaders(first: 1) { edges { cursor } } } ${chain}`);

    expect(calls).toBe(2 ** 40 * 2);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('takes a negative page size as empty, so it cannot offset another list', () => {
    expect(
      estimate('query ($n: Int) { a: leaders(first: $n) { edges { cursor } } b: leaders(first: 100) { edges { cursor } } }', { n: -1_000 }),
    ).toBe(1 + 1 + 1);
  });
});
