import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import { createHttpAdapter } from '../../src/dev/http-adapter.js';
import { createGraphqlHandler, type GraphqlHandler } from '../../src/handlers/graphql-handler.js';
import { stageSettings } from '../../src/stages.js';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { v2Event } from './events.js';
import { createTestTable, type TestTable } from './table.js';

/** The article's dataset, as `npm start` loads it. */
export const ARTICLE_FEED = fileURLToPath(new URL('../../data/article.ndjson', import.meta.url));

/** A GraphQL answer, with the HTTP status it came with. */
export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string>;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: { dynamodb?: { calls: number; operations: Record<string, number>; consumedCapacity: number } } & Record<string, unknown>;
}

/** A table with the handler over it, and a way to send GraphQL operations as v2 events. */
export interface TestGateway extends TestTable {
  handler: GraphqlHandler;
  /** Unexpected errors the handler logged (tests assert it stays empty). */
  logged: { message: string; error: unknown }[];
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<T>>;
}

const lambdaContext = { awsRequestId: 'test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

/**
 * A fresh table (seeded with the article's data unless `seed` is false) and the real Lambda
 * handler over it. `env` overrides configuration such as STAGE.
 */
export async function createTestGateway(options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestGateway> {
  const table = await createTestTable(options.env);
  if (options.seed !== false) {
    const report = await runSync(table.db, resolveSource(ARTICLE_FEED), { actor: 'seed' });
    if (report.status !== 'SUCCEEDED' || report.rejected > 0) throw new Error(`seeding failed: ${JSON.stringify(report.rejects)}`);
  }
  const logged: TestGateway['logged'] = [];
  const handler = createGraphqlHandler(table.config, (message, error) => logged.push({ message, error }), table.db);
  return {
    ...table,
    handler,
    logged,
    async query(query, variables, headers) {
      const result = await handler(
        v2Event({
          body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
          headers: { 'content-type': 'application/json', ...(headers ?? {}) },
        }),
        lambdaContext,
      );
      const body = JSON.parse(result.body ?? '{}');
      return { status: result.statusCode ?? 200, headers: (result.headers ?? {}) as Record<string, string>, ...body };
    },
  };
}

/**
 * The gateway behind the local node:http adapter on a free port, as `npm start` serves it;
 * `origins` are those `CORS_ORIGINS` would add.
 */
export async function startLocalServer(
  gateway: TestGateway,
  origins: string[] = [],
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createHttpAdapter(gateway.handler, stageSettings(gateway.config.stage, origins));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Counts the calls of one command (`QueryCommand`, `BatchGetItemCommand`) the gateway's client sends from now on. */
export function countCalls(gateway: TestGateway, command: string): { calls: number } {
  const count = { calls: 0 };
  gateway.db.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === command) count.calls += 1;
      return next(args);
    },
    { step: 'initialize' },
  );
  return count;
}
