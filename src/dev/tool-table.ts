import { type Config, loadConfig } from '../config.js';
import { type Db, openTable } from '../store/db.js';
import { ensureTable } from './engine.js';
import { LOCAL_ENDPOINT, LOCAL_TABLE } from './local.js';

/**
 * The table a command-line tool works on: DYNAMODB_ENDPOINT (by default the engine of
 * `npm start`) and TABLE_NAME (by default the local table), created if missing.
 * @returns null, after saying why, when the engine cannot be reached.
 */
export async function openToolTable(): Promise<{ db: Db; config: Config } | null> {
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? LOCAL_ENDPOINT;
  const config = loadConfig({ ...process.env, TABLE_NAME: process.env.TABLE_NAME ?? LOCAL_TABLE, DYNAMODB_ENDPOINT: endpoint });
  try {
    await ensureTable(endpoint, config.tableName, config.region);
  } catch (error) {
    console.error(`cannot reach DynamoDB at ${endpoint} (${(error as Error).name}): start it with npm start, or set DYNAMODB_ENDPOINT`);
    return null;
  }
  return { db: openTable(config), config };
}
