import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { createGraphqlHandler } from '../handlers/graphql-handler.js';
import { OriginsError, parseOrigins, stageSettings } from '../stages.js';
import { openTable } from '../store/db.js';
import { runSync } from '../sync/run.js';
import { resolveSource } from '../sync/sources/index.js';
import { type Engine, ensureTable, startEngine } from './engine.js';
import { createHttpAdapter, GRAPHQL_PATH } from './http-adapter.js';
import { DATA_DIR, LOCAL_TABLE, SEED_FILE } from './local.js';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new ConfigError(`${name} must be a port number, got "${raw}"`);
  return value;
}

const time = () => new Date().toTimeString().slice(0, 8);

/**
 * `npm start`: the GraphQL Lambda handler behind a node:http adapter, on the embedded engine
 * (or on DYNAMODB_ENDPOINT), with the article's data loaded.
 */
async function main(): Promise<void> {
  // Local tools run on the developer's Node (20 here); the deployed functions run on 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({ options: { memory: { type: 'boolean', default: false } } });
  const gqlPort = port('PORT', 4000);
  let engine: Engine | null = null;
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) {
    engine = await startEngine({ port: port('DYNAMODB_PORT', 8000), ...(values.memory ? {} : { path: DATA_DIR }) });
    endpoint = engine.endpoint;
    console.log(`${time()} embedded DynamoDB (dynalite) at ${endpoint}, ${values.memory ? 'in memory' : `data in ${DATA_DIR}`}`);
  }
  const config = loadConfig({ ...process.env, TABLE_NAME: process.env.TABLE_NAME ?? LOCAL_TABLE, DYNAMODB_ENDPOINT: endpoint });
  if (await ensureTable(endpoint, config.tableName, config.region)) console.log(`${time()} created table ${config.tableName}`);
  const db = openTable(config);
  const seed = await runSync(db, resolveSource(SEED_FILE), {
    actor: 'seed',
    startedBy: 'seed',
    log: (message, error) => console.error(`${time()} ${message}:`, error),
  });
  console.log(
    `${time()} loaded ${seed.source}: ${seed.read} records, ${seed.created} created, ${seed.updated} updated, ${seed.unchanged} unchanged, ${seed.rejected} refused`,
  );
  const handler = createGraphqlHandler(config, (message, error) => console.error(`${time()} ${message}:`, error), db, {
    observe: (r) => {
      const ops = Object.entries(r.dynamodb.operations)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ');
      const errors = r.errorCodes.length > 0 ? `, errors: ${r.errorCodes.join(', ')}` : '';
      console.log(
        `${time()}   ${r.operationType} ${r.operationName}: ${r.durationMs.toFixed(0)} ms, ${r.dynamodb.calls} DynamoDB calls${ops ? ` (${ops})` : ''}${errors}`,
      );
    },
  });
  // CORS_ORIGINS adds the frontends' origins, as it does for a deployment (infra/README.md).
  const settings = stageSettings(config.stage, parseOrigins(process.env.CORS_ORIGINS));
  const server = createHttpAdapter(handler, settings, ({ method, path, status, ms }) =>
    console.log(`${time()} ${method} ${path} ${status} ${ms.toFixed(0)} ms`),
  );
  await new Promise<void>((resolve) => server.listen(gqlPort, resolve));
  console.log(`${time()} GraphQL (${config.stage}) at http://localhost:${gqlPort}${GRAPHQL_PATH}`);
  const stop = async (signal: string) => {
    console.log(`${time()} ${signal}: shutting down`);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await engine?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof OriginsError ? `configuration: ${error.message}` : error);
  process.exit(1);
});
