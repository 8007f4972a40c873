import { readFileSync } from 'node:fs';
import { type AuditResult, serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, startLocalServer } from '../support/gateway.js';

/**
 * Recommendations of the GraphQL over HTTP spec the API does not follow, by audit id, each
 * with its reason in docs/frontend.md. A change in either direction fails the test, so the
 * document is kept true.
 */
const UNMET_SHOULDS = ['572B', 'FDE2', '7B9B'];
/** Optional features left out, for the same reason (Apollo's CSRF prevention). */
const UNMET_MAYS = ['5A70', '6A70', 'D6D5'];

const FRONTEND_DOC = readFileSync(new URL('../../docs/frontend.md', import.meta.url), 'utf8');

/** Audit ids the document lists in its tables for a requirement level. */
const documented = (level: 'SHOULD' | 'MAY') =>
  [...FRONTEND_DOC.matchAll(new RegExp(`^\\| ([0-9A-F]{4}) +\\| ${level} `, 'gm'))].map((m) => m[1]).sort();

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  const audits = serverAudits({ url: () => server.url, fetchFn: fetch });
  const results = new Map<string, AuditResult>();

  beforeAll(async () => {
    server = await startLocalServer(await createTestGateway());
    for (const audit of audits) results.set(audit.id, await audit.fn());
  });
  afterAll(() => server?.close());

  const unmet = (level: string) =>
    audits
      .filter((a) => a.name.startsWith(`${level} `) && results.get(a.id)?.status !== 'ok')
      .map((a) => a.id)
      .sort();

  it.each(audits.filter((a) => a.name.startsWith('MUST ')).map((a) => [a.name, a.id] as const))('%s', (_name, id) => {
    const result = results.get(id);
    expect(result?.status, result && 'reason' in result ? result.reason : undefined).toBe('ok');
  });

  it('misses only the SHOULDs docs/frontend.md lists', () => {
    expect(unmet('SHOULD')).toEqual([...UNMET_SHOULDS].sort());
    expect(documented('SHOULD')).toEqual([...UNMET_SHOULDS].sort());
  });

  it('misses only the MAYs docs/frontend.md lists', () => {
    expect(unmet('MAY')).toEqual([...UNMET_MAYS].sort());
    expect(documented('MAY')).toEqual([...UNMET_MAYS].sort());
  });
});
