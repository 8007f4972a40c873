import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../../src/config.js';
import { ensureTable } from '../../src/dev/engine.js';
import { type Db, type OpenTableOptions, openTable } from '../../src/store/db.js';

/** A fresh table in the test engine, with a config and a `Db` pointing at it. */
export interface TestTable {
  config: Config;
  db: Db;
  endpoint: string;
  /** The same table through a client of its own (other retries or timeouts, a fault-injecting endpoint, middleware). */
  reopen(options?: OpenTableOptions): Db;
}

/**
 * Makes a new, empty table in the embedded engine started by the global setup. Refuses any
 * endpoint that is not on this machine, so a test can never touch a real account.
 */
export async function createTestTable(env: Record<string, string> = {}): Promise<TestTable> {
  const endpoint = inject('dynamodbEndpoint');
  const host = new URL(endpoint).hostname;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error(`refusing to test against ${endpoint}`);
  const tableName = `test-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  const config = loadConfig({ TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, STAGE: 'dev', ...env });
  const db = openTable(config);
  return { config, db, endpoint, reopen: (options = {}) => openTable(config, options) };
}
