import { readdirSync, readFileSync } from 'node:fs';
import { getIntrospectionQuery, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../src/graphql/limits.js';
import { countListedRecords, MAX_LISTED_RECORDS } from '../../src/graphql/list-limit.js';
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
const LIMIT_MESSAGE = /limit of \d+ exceeded|may list \d+ records|more that \d+ tokens/;

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
  const hops = ['meetings', 'edges', 'node', 'participants'];
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

  it(`listed records: ${MAX_LISTED_RECORDS} pass, more are refused, with page sizes taken from the variables`, async () => {
    const nested = 'query ($a: Int, $b: Int) { leaders(first: $a) { edges { node { meetings(first: $b) { edges { node { id } } } } } } }';

    await passes(nested, { a: 20, b: 99 });
    const { codes, messages } = await refused(nested, { a: 20, b: 100 });

    expect(codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages[0]).toBe(`The operation may list 2020 records, more than the ${MAX_LISTED_RECORDS} allowed: ask for smaller pages.`);
  });

  it(`cost: nested pages of 100 written into the query cost more than ${QUERY_LIMITS.cost}`, async () => {
    const { codes, messages } = await refused(
      '{ leaders(first: 100) { edges { node { meetings(first: 100) { edges { node { id } } } } } } }',
    );

    expect(codes).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(messages.join(' ')).toContain(`Cost limit of ${QUERY_LIMITS.cost} exceeded`);
  });
});

describe('Query limits: counting listed records', () => {
  const count = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
    const fragments = new Map(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [])));
    if (operation?.kind !== 'OperationDefinition') throw new Error('no operation');
    return countListedRecords(operation.selectionSet, fragments, variables);
  };

  it('counts a connection without `first` at its default page of 20, and other fields not at all', () => {
    expect(count('{ leader(id: "x") { name roles { title } meetings { edges { node { id } } } } }')).toBe(20);
  });

  it('multiplies nested lists and adds lists side by side', () => {
    expect(
      count(
        '{ a: leaders(first: 10) { edges { node { meetings(first: 5) { edges { cursor } } } } } search(text: "x", first: 7) { __typename } }',
      ),
    ).toBe(10 + 50 + 7);
  });

  it('counts a fragment once per use, and the time to count does not grow with its reuse', () => {
    const chain = Array.from({ length: 40 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ');
    const started = performance.now();

    const listed = count(`query { ...F40 } fragment F0 on Query { leaders(first: 1) { edges { cursor } } } ${chain}`);

    expect(listed).toBe(2 ** 40);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('takes a negative page size as empty, so it cannot offset another list', () => {
    expect(
      count('query ($n: Int) { a: leaders(first: $n) { edges { cursor } } b: leaders(first: 100) { edges { cursor } } }', { n: -1_000 }),
    ).toBe(100);
  });
});
