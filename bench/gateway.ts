import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import { loadConfig } from '../src/config.js';
import { createGraphqlHandler, type GraphqlHandler } from '../src/handlers/graphql-handler.js';
import type { Db } from '../src/store/db.js';
import { runSync } from '../src/sync/run.js';
import { resolveSource } from '../src/sync/sources/index.js';
import { v2Event } from '../test/support/events.js';
import type { Answer, Send } from './operations.js';

/** The article's dataset, as `npm start` loads it. */
export const ARTICLE_FEED = fileURLToPath(new URL('../data/article.ndjson', import.meta.url));

const lambdaContext = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

/**
 * Loads a feed into the table through the sync pipeline.
 * @throws when a record is refused or the run fails
 */
export async function seed(db: Db, feed = ARTICLE_FEED): Promise<void> {
  const report = await runSync(db, resolveSource(feed), { actor: 'seed' });
  if (report.status !== 'SUCCEEDED' || report.rejected > 0)
    throw new Error(`seeding ${feed} failed: ${JSON.stringify(report.rejects.slice(0, 5))}`);
}

/** The GraphQL Lambda handler over `db` (dev stage: answers carry `extensions.dynamodb`). */
export function benchHandler(db: Db, endpoint: string): GraphqlHandler {
  const config = loadConfig({ TABLE_NAME: db.tableName, DYNAMODB_ENDPOINT: endpoint, STAGE: 'dev' });
  return createGraphqlHandler(config, (message, error) => console.error(`gateway: ${message}`, error), db);
}

/** Sends operations to `handler` as API Gateway v2 events, in this process. */
export function sendThrough(handler: GraphqlHandler): Send {
  return async (query, variables) => {
    const result = await handler(
      v2Event({ body: JSON.stringify({ query, variables }), headers: { 'content-type': 'application/json' } }),
      lambdaContext,
    );
    return JSON.parse(result.body ?? '{}') as Answer;
  };
}
