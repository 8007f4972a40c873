import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEntity } from '../../src/store/entities.js';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { tableChecksum } from '../support/checksum.js';
import { createTestGateway, startLocalServer, type TestGateway } from '../support/gateway.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/sipri/${name}`, import.meta.url));
/** Five rows of the May 2026 export: every row with the key of one of the four records of the October 2025 excerpt. */
const NEWER = fixture('trade-register-2026-05-same-deals-excerpt.csv');
const OLDER = fixture('trade-register-2025-10-multiline-excerpt.csv');
const OLDER_SOURCE = 'source:sipri-arms-transfers-2025-10-23';
/** The counter of the list of sources, which the October 2025 source is added to. */
const SOURCES_COUNTER = 'COUNT#ALL#source';

function tempFeed(lines: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'feed-'));
  const path = join(dir, 'feed.ndjson');
  writeFileSync(path, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return path;
}

const DEALS = `{ militaryDeals(filter: { supplier: "UA", recipient: "TH" }) { edges { node { items { designation quantity } citations { source { id } } } } } }`;
const RUNS = '{ syncRuns(first: 1) { edges { node { read created updated unchanged skipped stale rejected } } } }';

describe.each(['dev', 'prod'] as const)('Sync: an older snapshot never replaces a newer one (%s stage)', (stage) => {
  let gateway: TestGateway;
  let server: Awaited<ReturnType<typeof startLocalServer>>;

  async function post<T>(query: string): Promise<T> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  beforeAll(async () => {
    gateway = await createTestGateway({ seed: false, env: { STAGE: stage } });
    server = await startLocalServer(gateway);
  });

  afterAll(async () => {
    await server.close();
  });

  it('counts the October 2025 export read after the May 2026 one as stale and keeps the May data', async () => {
    const newer = await runSync(gateway.db, resolveSource(NEWER));
    const kept = await tableChecksum(gateway.db, {
      skip: (item) => item.t === 'syncrun' || item.pk === OLDER_SOURCE || item.ref === OLDER_SOURCE || item.pk === SOURCES_COUNTER,
    });

    const older = await runSync(gateway.db, resolveSource(OLDER));

    // May 2026: the source, Thailand, Ukraine, China, the United Nations, South Africa, Israel, and 5 deals.
    expect(newer).toMatchObject({ status: 'SUCCEEDED', read: 12, created: 12, rejected: 0 });
    // October 2025: its own source is new; the six parties are known; its four deals all have the id of a May 2026 deal.
    expect(older).toMatchObject({ status: 'SUCCEEDED', read: 11, created: 1, updated: 0, unchanged: 6, stale: 4, skipped: 0, rejected: 0 });
    expect(
      await tableChecksum(gateway.db, {
        skip: (item) => item.t === 'syncrun' || item.pk === OLDER_SOURCE || item.ref === OLDER_SOURCE || item.pk === SOURCES_COUNTER,
      }),
    ).toEqual(kept);
    const runs = await post<{ syncRuns: { edges: { node: Record<string, number> }[] } }>(RUNS);
    expect(runs.syncRuns.edges[0]?.node).toEqual({ read: 11, created: 1, updated: 0, unchanged: 6, skipped: 0, stale: 4, rejected: 0 });
    const deals = await post<{
      militaryDeals: { edges: { node: { items: { designation: string; quantity: number }[]; citations: { source: { id: string } }[] } }[] };
    }>(DEALS);
    // The May 2026 rows: 27 and 69 BTR-3, 6 BTR-3RK, 1,000 R-2 Baryer are not in the excerpt; the October row (14 BTR-3) is not kept.
    expect(deals.militaryDeals.edges.map((e) => e.node.items[0]?.quantity).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([27, 69]);
    expect(new Set(deals.militaryDeals.edges.map((e) => e.node.citations[0]?.source.id))).toEqual(
      new Set(['source:sipri-arms-transfers-2026-05-18']),
    );
  });

  it('compares the feed header generatedAt the same way, and a feed without one is not compared', async () => {
    const id = `leader:snapshot-${stage}`;
    const record = (name: string) => ({ type: 'leader', id, name, citations: [{ source: 'source:sipri-arms-transfers-2026-05-18' }] });
    const header = (generatedAt?: string) => ({ format: 'geo-feed', version: 1, ...(generatedAt ? { generatedAt } : {}) });

    const first = await runSync(gateway.db, resolveSource(tempFeed([header('2026-06-01T08:00:00Z'), record('Newer Name')])));
    const older = await runSync(gateway.db, resolveSource(tempFeed([header('2026-05-31'), record('Older Name')])));
    const undated = await runSync(gateway.db, resolveSource(tempFeed([header(), record('Undated Name')])));

    expect(first).toMatchObject({ created: 1, rejected: 0 });
    expect(older).toMatchObject({ created: 0, updated: 0, stale: 1, rejected: 0 });
    expect(undated).toMatchObject({ updated: 1, stale: 0 });
    expect(await getEntity(gateway.db, id, true)).toMatchObject({ record: { name: 'Undated Name' }, snapshot: '2026-06-01T08:00:00.000Z' });
  });
});
