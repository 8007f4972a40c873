import { expect } from 'vitest';
import { dateRange } from '../../src/domain/partial-date.js';
import type { GraphqlResponse, TestGateway } from '../support/gateway.js';

/** A connection as the queries of these tests select it. */
export interface Page<N = { id: string }> {
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The ids of a page's nodes, in order. */
export function idsOf(page: Page | undefined | null): string[] {
  if (!page) throw new Error('no connection in the answer');
  return page.edges.map((edge) => edge.node.id);
}

/** The data of an answer that must have succeeded: fails the test with the errors otherwise. */
export function dataOf<T>(response: GraphqlResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(response.status).toBe(200);
  if (!response.data) throw new Error('no data in the answer');
  return response.data;
}

/** The single error of an answer that must have failed, with its code. */
export function errorOf(response: GraphqlResponse<unknown>): { message: string; code: unknown } {
  expect(response.errors, 'the answer should carry an error').toBeDefined();
  const [error] = response.errors ?? [];
  if (!error) throw new Error('no error in the answer');
  return { message: error.message, code: error.extensions?.code };
}

/** Fails when a body shows anything of the server's insides: stack frames, file paths, parser internals. */
export function expectNoInternals(body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  expect(text).not.toMatch(/\n\s*at |\\n\s*at /);
  expect(text).not.toMatch(/\bat [\w.<>]+ \(/);
  expect(text).not.toMatch(/\/work\/|node_modules|file:\/\/|\.ts:\d+|\.js:\d+|\.mjs/);
  expect(text).not.toMatch(/stacktrace|SyntaxError|Unexpected token|JSON\.parse|in JSON at position/);
}

/** First day a PartialDate covers, for checking "newest first". */
export function firstDay(date: string): string {
  return dateRange(date).start;
}

/** Fails unless the dates come newest first (by the first day each covers). */
export function expectNewestFirst(dates: string[]): void {
  const days = dates.map(firstDay);
  expect(days).toEqual([...days].sort().reverse());
}

/**
 * Reads a whole connection page by page: `read(first, after)` returns the page. Checks on the
 * way that no page is larger than asked, that every page but the last says more follow, and
 * that each endCursor is the cursor of the page's last edge.
 */
export async function walk<N extends { id: string }>(
  read: (first: number, after: string | null) => Promise<Page<N>>,
  size: number,
  limit = 200,
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < limit; pages++) {
    const page: Page<N> = await read(size, after);
    expect(page.edges.length).toBeLessThanOrEqual(size);
    ids.push(...page.edges.map((edge) => edge.node.id));
    const last = page.edges.at(-1);
    if (last) expect(page.pageInfo.endCursor).toBe(last.cursor);
    if (!page.pageInfo.hasNextPage) return ids;
    expect(page.pageInfo.endCursor, 'a page with a next page must end with a cursor').not.toBeNull();
    after = page.pageInfo.endCursor;
  }
  throw new Error(`the connection did not end within ${limit} pages of ${size}`);
}

/** Runs a query that must succeed and returns the connection at `field` of its data. */
export async function connection<N = { id: string }>(
  gateway: TestGateway,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<Page<N>> {
  const data = dataOf(await gateway.query<Record<string, Page<N>>>(query, variables));
  const page = data[field];
  if (!page) throw new Error(`no ${field} in the answer`);
  return page;
}
