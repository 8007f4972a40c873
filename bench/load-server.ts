/**
 * The local server of `npm start` for the load bench, in a process of its own so that its
 * memory is its own: the Lambda handler behind the node:http adapter, over a fresh table at
 * DYNAMODB_ENDPOINT seeded with the article's data, without `npm start`'s line per request.
 * Tells the parent its URL over IPC, answers "memory" with its resident set size and heap in
 * use (after a full garbage collection when run with --expose-gc), and stops when the parent goes.
 */
import type { AddressInfo } from 'node:net';
import { createHttpAdapter, GRAPHQL_PATH } from '../src/dev/http-adapter.js';
import { STAGE_SETTINGS } from '../src/stages.js';
import { freshTable } from './engine.js';
import { benchHandler, seed } from './gateway.js';

const endpoint = process.env.DYNAMODB_ENDPOINT;
if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set');
const db = await freshTable(endpoint, 'load');
await seed(db);
const server = createHttpAdapter(benchHandler(db, endpoint), STAGE_SETTINGS.dev);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${GRAPHQL_PATH}` });
process.on('message', (message) => {
  if (message !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.send?.({ memory: { rss, heapUsed } });
});
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
