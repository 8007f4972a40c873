import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSyncConfig } from '../../src/config.js';
import { createSyncHandler, FeedFailedError } from '../../src/handlers/sync-handler.js';
import { getEntity } from '../../src/store/entities.js';
import type { SyncRunReport } from '../../src/store/sync-runs.js';
import { ARTICLE_FEED } from '../support/gateway.js';
import { createTestTable } from '../support/table.js';

const FEED_URL = 'https://feeds.example.org/article.ndjson';

/** Serves the article feed for FEED_URL as a streamed body, and 404 for anything else. */
const fakeFetch = (async (url: string | URL) =>
  String(url) === FEED_URL
    ? new Response(new Blob([readFileSync(ARTICLE_FEED)]).stream(), { status: 200 })
    : new Response('missing', { status: 404 })) as typeof fetch;

describe('Handler: scheduled sync', () => {
  it('applies the configured feeds in order and logs a report for each', async () => {
    // Prepare
    const { db, endpoint, config } = await createTestTable();
    const syncConfig = loadSyncConfig({ TABLE_NAME: config.tableName, DYNAMODB_ENDPOINT: endpoint, FEEDS: FEED_URL });
    const reports: SyncRunReport[] = [];
    const handler = createSyncHandler(syncConfig, (r) => reports.push(r), { db, sources: { fetch: fakeFetch } });
    // Act
    const first = await handler({});
    const second = await handler(undefined);
    // Assess
    expect(first.runs).toEqual([expect.objectContaining({ source: FEED_URL, status: 'SUCCEEDED', created: 71, rejected: 0 })]);
    expect(second.runs[0]).toEqual(expect.objectContaining({ created: 0, updated: 0, unchanged: 71 }));
    expect(reports).toHaveLength(2);
    expect((await getEntity(db, 'leader:vladimir-putin'))?.version).toBe(1);
  });

  it('fails the invocation when a feed cannot be read, after running the others', async () => {
    const { db, endpoint, config } = await createTestTable();
    const syncConfig = loadSyncConfig({
      TABLE_NAME: config.tableName,
      DYNAMODB_ENDPOINT: endpoint,
      FEEDS: `https://feeds.example.org/gone.ndjson,${FEED_URL}`,
    });
    const handler = createSyncHandler(syncConfig, () => undefined, { db, sources: { fetch: fakeFetch } });
    await expect(handler({})).rejects.toThrow(FeedFailedError);
    expect(await getEntity(db, 'leader:vladimir-putin')).not.toBeNull();
  });

  it('refuses feeds that are neither s3:// nor https:// at start-up', () => {
    expect(() => loadSyncConfig({ TABLE_NAME: 'geo', FEEDS: 'http://insecure.example.org/feed' })).toThrow(/FEEDS must list/);
  });
});
