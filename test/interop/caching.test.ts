import { createHash } from 'node:crypto';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/store/api-keys.js';
import { createTestGateway, startLocalServer, type TestGateway } from '../support/gateway.js';

type LocalServer = Awaited<ReturnType<typeof startLocalServer>>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A GET as a CDN would see it; the header satisfies Apollo's CSRF prevention, as Apollo Client's content-type does. */
function get(server: LocalServer, params: Record<string, unknown>): Promise<Response> {
  const url = new URL(server.url);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  return fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
}

const post = (server: LocalServer, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('automatic persisted queries over GET', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocalServer(await createTestGateway());
  });
  afterAll(() => server?.close());

  const QUERY = 'query CountryByCode($code: String!) { country(code: $code) { name aliases } }';
  const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } };

  it('answers PERSISTED_QUERY_NOT_FOUND to an unknown hash, uncached, then the data once a POST registered it', async () => {
    const before = await get(server, { extensions, variables: { code: 'IR' } });
    expect(before.status).toBe(200);
    expect(before.headers.get('cache-control')).toBe('private, no-cache, must-revalidate');
    expect(((await before.json()) as Body).errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

    const register = await post(server, { query: QUERY, variables: { code: 'IR' }, extensions });
    expect(((await register.json()) as Body).data).toEqual({ country: { name: 'Iran', aliases: ['Islamic Republic of Iran'] } });

    const after = await get(server, { extensions, variables: { code: 'RU' } });
    expect(after.status).toBe(200);
    expect(after.headers.get('cache-control')).toBe('max-age=3600, public');
    expect(((await after.json()) as Body).data).toEqual({ country: { name: 'Russia', aliases: ['Russian Federation'] } });
  });

  it("refuses a query sent under another query's hash, and stores nothing under that hash", async () => {
    const expected = '{ leader(id: "leader:sergey-lavrov") { name } }';
    const hash = { persistedQuery: { version: 1, sha256Hash: sha256(expected) } };
    const res = await post(server, { query: '{ country(code: "IL") { name } }', extensions: hash });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Body).data).toBeUndefined();
    const lookup = (await (await get(server, { extensions: hash })).json()) as Body;
    expect(lookup.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it("works with Apollo Client's persisted query link: once registered, a query is one cacheable GET", async () => {
    const requests: { method: string; status: number; cacheControl: string | null }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      requests.push({ method: init?.method ?? 'GET', status: res.status, cacheControl: res.headers.get('cache-control') });
      return res;
    };
    const createClient = () =>
      new ApolloClient({
        link: new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
          new HttpLink({ uri: server.url, fetch: recordingFetch }),
        ),
        cache: new InMemoryCache(),
      });
    const query = gql`query OrganizationName($id: ID!) { organization(id: $id) { id name } }`;

    const first = await createClient().query({ query, variables: { id: 'organization:irgc' } });
    expect(first.data).toMatchObject({ organization: { name: 'Islamic Revolutionary Guard Corps' } });
    expect(requests.map((r) => r.method)).toEqual(['GET', 'POST']);

    requests.length = 0;
    const second = await createClient().query({ query, variables: { id: 'organization:hezbollah' } });
    expect(second.data).toMatchObject({ organization: { name: 'Hezbollah' } });
    expect(requests).toEqual([{ method: 'GET', status: 200, cacheControl: 'max-age=3600, public' }]);
  });
});

describe('Cache-Control from @cacheControl hints', () => {
  let gateway: TestGateway;
  let server: LocalServer;
  beforeAll(async () => {
    gateway = await createTestGateway();
    server = await startLocalServer(gateway);
  });
  afterAll(() => server?.close());

  it.each([
    { what: 'a country: reference data', expected: 'max-age=3600, public', query: '{ country(code: "IR") { name former } }' },
    {
      what: 'an organisation and its parent',
      expected: 'max-age=3600, public',
      query: '{ organization(id: "organization:quds-force") { name parent { name } country { name } } }',
    },
    {
      what: 'a leader with roles and citations',
      expected: 'max-age=600, public',
      query: '{ leader(id: "leader:vladimir-putin") { name roles { title country { name } } citations { source { title } } } }',
    },
    {
      what: 'a deal with its parties',
      expected: 'max-age=600, public',
      query: '{ militaryDeal(id: "deal:2022-iran-russia-drones") { status supplier { ... on Country { name } } items { description } } }',
    },
    {
      what: "a leader's meetings, a list",
      expected: 'max-age=60, public',
      query: '{ leader(id: "leader:vladimir-putin") { name meetings(first: 2) { edges { node { date } } } } }',
    },
    {
      what: 'a timeline',
      expected: 'max-age=60, public',
      query: '{ relations(countries: ["IR", "RU"], first: 3) { edges { node { __typename } } pageInfo { endCursor } } }',
    },
    { what: 'a search', expected: 'max-age=60, public', query: '{ search(text: "iran") { __typename } }' },
    { what: 'sync runs', expected: 'no-store', query: '{ syncRuns(first: 1) { edges { node { status } } } }' },
    { what: 'a node lookup, which may reach a sync run', expected: 'no-store', query: '{ node(id: "country:IR") { id } }' },
    { what: 'an answer with an error', expected: 'no-store', query: '{ leaders(first: 1000) { edges { cursor } } }' },
  ])('GET of $what: $expected', async ({ query, expected }) => {
    const res = await get(server, { query });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(expected);
  });

  it('marks a mutation no-store, even when it succeeds', async () => {
    const { key } = await createApiKey(gateway.db, 'caching-test', 'editor');
    const res = await post(
      server,
      {
        query: 'mutation Add($input: LeaderInput!) { upsertLeader(input: $input) { id version } }',
        variables: {
          input: {
            name: 'Cache Control Test',
            country: 'IR',
            citations: [{ source: 'source:article-putin-pezeshkian-ashgabat-2024-10-11' }],
          },
        },
      },
      { authorization: `Bearer ${key}` },
    );
    const body = (await res.json()) as Body;
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ upsertLeader: { id: 'leader:cache-control-test', version: 1 } });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a mutation over GET, so no cache ever holds one', async () => {
    const res = await get(server, { query: 'mutation { upsertLeader(input: { name: "Nobody" }) { id } }' });
    expect(res.status).toBe(405);
  });
});
