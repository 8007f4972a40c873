import { fileURLToPath } from 'node:url';

/** The article's dataset, loaded through the sync pipeline at every start (a no-op once loaded). */
export const SEED_FILE = fileURLToPath(new URL('../../data/article.ndjson', import.meta.url));
/** Where the embedded engine keeps its data between runs (git-ignored). */
export const DATA_DIR = fileURLToPath(new URL('../../.data/dynalite', import.meta.url));
/** Table name used locally when TABLE_NAME is not set. */
export const LOCAL_TABLE = 'geo-knowledge-local';
/** Where the local tools find the engine of `npm start` when DYNAMODB_ENDPOINT is not set. */
export const LOCAL_ENDPOINT = 'http://127.0.0.1:8000';
