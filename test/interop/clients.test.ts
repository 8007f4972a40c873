import {
  ApolloClient,
  gql,
  HttpLink,
  InMemoryCache,
  type ObservableQuery,
  type OperationVariables,
  type TypedDocumentNode,
} from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { Client, fetchExchange } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, startLocalServer } from '../support/gateway.js';

type LocalServer = Awaited<ReturnType<typeof startLocalServer>>;

interface Page {
  edges: { cursor: string; node: { __typename: string; id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The cache a front-end would configure: each connection's pages merged, keyed by what selects the list. */
function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          militaryDeals: relayStylePagination(['filter']),
          relations: relayStylePagination(['countries', 'from', 'to', 'orderBy']),
        },
      },
    },
  });
}

const createApolloClient = (server: LocalServer) =>
  new ApolloClient({ link: new HttpLink({ uri: server.url, fetch }), cache: createCache() });

const DEALS: TypedDocumentNode<{ militaryDeals: Page }, { filter?: Record<string, string>; first: number; after?: string | null }> = gql`
  query Deals($filter: MilitaryDealFilter, $first: Int, $after: String) {
    militaryDeals(filter: $filter, first: $first, after: $after) {
      edges { cursor node { id summary } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const RELATIONS: TypedDocumentNode<{ relations: Page }, { countries: string[]; from?: string; first: number; after?: string | null }> = gql`
  query Relations($countries: [String!]!, $from: PartialDate, $first: Int, $after: String) {
    relations(countries: $countries, from: $from, first: $first, after: $after) {
      edges {
        cursor
        node {
          ... on Meeting { id date }
          ... on MilitaryDeal { id agreedOn }
          ... on Event { id date }
          ... on Statement { id saidOn: date }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/**
 * Reads a whole connection the way a "load more" button does: the first page through
 * `watchQuery`, then `fetchMore` from each page's `endCursor` while `hasNextPage`.
 * @returns the ids the cache holds for the connection afterwards, and how many pages were read.
 */
async function readAllPages<TData, TVars extends OperationVariables & { first: number; after?: string | null }>(
  client: ApolloClient,
  query: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  connection: (data: TData) => Page,
): Promise<{ ids: string[]; pages: number }> {
  const watch: ObservableQuery<TData, TVars> = client.watchQuery({ query, variables });
  // Subscribed, as a mounted component would be: the query runs, and each page fetchMore brings is merged into it.
  let subscription: { unsubscribe(): void } | undefined;
  const first = await new Promise<TData>((resolve, reject) => {
    subscription = watch.subscribe({
      next: (result) => {
        if (result.loading) return;
        if (result.data) resolve(result.data as TData);
        else reject(result.error ?? new Error('no data'));
      },
      error: reject,
    });
  });
  let pageInfo = connection(first).pageInfo;
  let pages = 1;
  try {
    while (pageInfo.hasNextPage) {
      const more = await watch.fetchMore({ variables: { after: pageInfo.endCursor } as Partial<TVars> });
      if (!more.data) throw new Error('fetchMore returned no data');
      pageInfo = connection(more.data as TData).pageInfo;
      pages += 1;
    }
  } finally {
    subscription?.unsubscribe();
  }
  const merged = client.readQuery({ query, variables });
  if (!merged) throw new Error('the connection is not in the cache');
  return { ids: connection(merged as TData).edges.map((e) => e.node.id), pages };
}

/** The same connection in one page of 100, straight from the API. */
async function onePage<TData, TVars extends OperationVariables>(
  server: LocalServer,
  query: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  connection: (data: TData) => Page,
) {
  const { data } = await createApolloClient(server).query({ query, variables: { ...variables, first: 100 } as TVars });
  if (!data) throw new Error('no data');
  return connection(data as TData).edges.map((e) => e.node.id);
}

const RELATIONS_BACKWARD: TypedDocumentNode<
  { relations: Page & { totalCount: number; pageInfo: { hasPreviousPage: boolean; startCursor: string | null } } },
  { countries: string[]; last: number; before?: string | null }
> = gql`
  query RelationsBackward($countries: [String!]!, $last: Int, $before: String) {
    relations(countries: $countries, last: $last, before: $before) {
      totalCount
      edges {
        cursor
        node {
          ... on Meeting { id }
          ... on MilitaryDeal { id }
          ... on Event { id }
          ... on Statement { id }
        }
      }
      pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
    }
  }
`;

describe('Apollo Client', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocalServer(await createTestGateway());
  });
  afterAll(() => server?.close());

  it('pages through all deals one at a time with fetchMore: no duplicates, the same deals as one big page', async () => {
    const { ids, pages } = await readAllPages(createApolloClient(server), DEALS, { first: 1 }, (d) => d.militaryDeals);
    const all = await onePage(server, DEALS, { first: 1 }, (d) => d.militaryDeals);
    expect(all.length).toBeGreaterThan(1);
    expect(pages).toBe(all.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(all);
  });

  it('keeps a filtered deal list apart from the unfiltered one (filter is a key argument)', async () => {
    const client = createApolloClient(server);
    const all = await readAllPages(client, DEALS, { first: 2 }, (d) => d.militaryDeals);
    const fromIran = await readAllPages(client, DEALS, { filter: { supplier: 'IR' }, first: 1 }, (d) => d.militaryDeals);
    expect(fromIran.ids.length).toBeGreaterThan(0);
    expect(fromIran.ids.length).toBeLessThan(all.ids.length);
    expect(client.readQuery({ query: DEALS, variables: { first: 2 } })?.militaryDeals.edges.map((e) => e.node.id)).toEqual(all.ids);
  });

  it('pages through the Iran–Russia timeline three at a time: no duplicates, the same items as one big page', async () => {
    const variables = { countries: ['IR', 'RU'], first: 3 };
    const { ids, pages } = await readAllPages(createApolloClient(server), RELATIONS, variables, (d) => d.relations);
    const all = await onePage(server, RELATIONS, variables, (d) => d.relations);
    expect(all.length).toBeGreaterThan(6);
    expect(pages).toBe(Math.ceil(all.length / 3));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(all);
  });

  it('pages backwards through the Iran–Russia timeline with last/before: relayStylePagination merges it whole, no duplicates', async () => {
    const client = createApolloClient(server);
    const variables = { countries: ['IR', 'RU'], last: 4 };
    const watch = client.watchQuery({ query: RELATIONS_BACKWARD, variables });
    let subscription: { unsubscribe(): void } | undefined;
    const first = await new Promise<{ relations: { pageInfo: { hasPreviousPage: boolean; startCursor: string | null } } }>(
      (resolve, reject) => {
        subscription = watch.subscribe({
          next: (result) => {
            if (result.loading) return;
            if (result.data) resolve(result.data as never);
            else reject(result.error ?? new Error('no data'));
          },
          error: reject,
        });
      },
    );
    let pageInfo = first.relations.pageInfo;
    let pages = 1;
    try {
      while (pageInfo.hasPreviousPage) {
        const more = await watch.fetchMore({ variables: { before: pageInfo.startCursor } });
        if (!more.data) throw new Error('fetchMore returned no data');
        pageInfo = more.data.relations.pageInfo;
        pages += 1;
      }
    } finally {
      subscription?.unsubscribe();
    }
    const merged = client.readQuery({ query: RELATIONS_BACKWARD, variables });
    const ids = merged?.relations.edges.map((e) => e.node.id) ?? [];
    const all = await onePage(server, RELATIONS, { countries: ['IR', 'RU'], first: 100 }, (d) => d.relations);
    expect(pages).toBe(Math.ceil(all.length / 4));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(all);
    expect(merged?.relations.totalCount).toBe(all.length);
  });

  it('normalises a leader read by leader(id) and refetched by node(id) into one cache entry', async () => {
    const client = createApolloClient(server);
    const id = 'leader:vladimir-putin';
    await client.query({ query: gql`query L($id: ID!) { leader(id: $id) { id name version } }`, variables: { id } });
    const refetched = await client.query({
      query: gql`query N($id: ID!) { node(id: $id) { id ... on Leader { aliases } } }`,
      variables: { id },
      fetchPolicy: 'network-only',
    });
    expect(refetched.data).toMatchObject({ node: { __typename: 'Leader', id } });
    const cacheId = client.cache.identify({ __typename: 'Leader', id });
    expect(cacheId).toBe(`Leader:${id}`);
    const entries = client.cache.extract() as Record<string, Record<string, unknown>>;
    expect(Object.keys(entries).filter((key) => key.startsWith('Leader:'))).toEqual([cacheId]);
    expect(entries.ROOT_QUERY?.[`node({"id":"${id}"})`]).toEqual({ __ref: cacheId });
    expect(entries.ROOT_QUERY?.[`leader({"id":"${id}"})`]).toEqual({ __ref: cacheId });
    const leader = client.readFragment<{ name: string; version: number; aliases: string[] }>({
      id: cacheId,
      fragment: gql`fragment Known on Leader { name version aliases }`,
    });
    expect(leader).toMatchObject({ name: 'Vladimir Putin', version: 1 });
    expect(leader?.aliases).toContain('President Putin');
  });
});

describe('urql', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocalServer(await createTestGateway());
  });
  afterAll(() => server?.close());

  /** urql sends queries as GET without a content-type; Apollo's CSRF prevention wants this header on those. */
  const createUrqlClient = (headers: Record<string, string> = { 'apollo-require-preflight': 'true' }) =>
    new Client({ url: server.url, exchanges: [fetchExchange], fetch, fetchOptions: { headers } });

  it('runs a query', async () => {
    const result = await createUrqlClient().query('{ country(code: "IR") { name aliases } }', {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ country: { name: 'Iran', aliases: ['Islamic Republic of Iran'] } });
  });

  it('runs a query with variables', async () => {
    const query =
      'query Leaders($country: String!, $date: PartialDate!) { leaders(filter: { country: $country, activeOn: $date }) { edges { node { name } } } }';
    const result = await createUrqlClient().query(query, { country: 'IR', date: '2023-10-23' }).toPromise();
    expect(result.error).toBeUndefined();
    const names = (result.data as { leaders: { edges: { node: { name: string } }[] } }).leaders.edges.map((e) => e.node.name);
    expect(names).toEqual(expect.arrayContaining(['Ebrahim Raisi', 'Hossein Amir-Abdollahian']));
    expect(names).not.toContain('Masoud Pezeshkian');
  });

  it("is refused as a possible CSRF when its GET carries none of Apollo's preflight headers", async () => {
    const result = await createUrqlClient({}).query('{ country(code: "IR") { name } }', {}).toPromise();
    expect(result.data).toBeUndefined();
    expect(result.error?.message).toMatch(/Cross-Site Request Forgery/);
  });

  it('needs no extra header when it POSTs', async () => {
    const client = new Client({ url: server.url, exchanges: [fetchExchange], fetch, preferGetMethod: false });
    const result = await client.query('{ country(code: "RU") { name } }', {}).toPromise();
    expect(result.data).toEqual({ country: { name: 'Russia' } });
  });
});
