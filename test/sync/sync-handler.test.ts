import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSyncConfig } from '../../src/config.js';
import { createSyncHandler, FeedFailedError, NOTHING_TO_SYNC_FORMAT } from '../../src/handlers/sync-handler.js';
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

/** S3's error body, as it answers a GET it refuses. */
const s3Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>TEST</RequestId></Error>`;

describe('Handler: scheduled sync over S3 feeds', () => {
  // A local stand-in for S3 over HTTP, so the SDK parses real answers: the feed object,
  // NoSuchKey (what S3 answers a caller allowed to list the bucket) and AccessDenied.
  let server: Server;
  let s3: S3Client;
  const feed = readFileSync(ARTICLE_FEED);

  beforeAll(async () => {
    server = createServer((request, response) => {
      const answers: Record<string, [number, string | Buffer]> = {
        '/feeds/present.jsonl': [200, feed],
        '/feeds/locked.jsonl': [403, s3Error('AccessDenied', 'Access Denied')],
      };
      // Path-style addresses: /<bucket>/<key>?x-id=GetObject
      const key = new URL(request.url ?? '/', 'http://s3.local').pathname.replace(/^\/[^/]+/, '');
      const [status, body] = answers[key] ?? [404, s3Error('NoSuchKey', 'The specified key does not exist.')];
      response.writeHead(status, { 'content-type': status === 200 ? 'application/octet-stream' : 'application/xml' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    s3 = new S3Client({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    s3.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  async function handlerFor(feeds: string) {
    const { db, endpoint, config } = await createTestTable();
    const syncConfig = loadSyncConfig({ TABLE_NAME: config.tableName, DYNAMODB_ENDPOINT: endpoint, FEEDS: feeds });
    const reports: SyncRunReport[] = [];
    return { db, reports, handler: createSyncHandler(syncConfig, (r) => reports.push(r), { db, sources: { s3 } }) };
  }

  it('records "nothing to sync" when a configured feed object does not exist yet, as on a fresh stack', async () => {
    // Prepare
    const { db, reports, handler } = await handlerFor('s3://geo-gateway-dev-feeds/feeds/geo-feed.jsonl');
    // Act
    const result = await handler({});
    // Assess
    expect(result.runs).toEqual([
      {
        id: expect.stringMatching(/^syncrun:/),
        source: 's3://geo-gateway-dev-feeds/feeds/geo-feed.jsonl',
        status: 'SUCCEEDED',
        read: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
      },
    ]);
    expect(reports[0]).toMatchObject({ format: 'none', status: 'SUCCEEDED', rejects: [] });
    expect(reports[0]?.error).toBeUndefined();
    expect(NOTHING_TO_SYNC_FORMAT).toBe('none');
    // Stored, so `syncRuns` shows it.
    expect((await getEntity(db, result.runs[0]?.id as string))?.record).toMatchObject({ format: 'none', status: 'SUCCEEDED', read: 0 });
  });

  it('fails loudly when a configured feed object exists but cannot be read', async () => {
    const { reports, handler } = await handlerFor('s3://geo-gateway-dev-feeds/feeds/locked.jsonl');
    await expect(handler({})).rejects.toThrow(FeedFailedError);
    expect(reports[0]).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/AccessDenied/) });
  });

  it('fails when a feed named in the event does not exist: only configured feeds may be absent', async () => {
    const { reports, handler } = await handlerFor('s3://geo-gateway-dev-feeds/feeds/present.jsonl');
    await expect(handler({ feeds: ['s3://geo-gateway-dev-feeds/feeds/typo.jsonl'] })).rejects.toThrow(FeedFailedError);
    expect(reports[0]).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/no such object/) });
  });

  it('reads a configured feed once it is there', async () => {
    const { handler } = await handlerFor('s3://geo-gateway-dev-feeds/feeds/present.jsonl');
    const result = await handler({});
    expect(result.runs[0]).toMatchObject({ status: 'SUCCEEDED', created: 71, rejected: 0 });
  });
});
