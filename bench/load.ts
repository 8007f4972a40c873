import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startEngineProcess } from './engine.js';
import { type Answer, benchOperations, expectData, type Send } from './operations.js';
import { round } from './stats.js';

/** The local server under autocannon. */
export interface LoadResult {
  engine: string;
  connections: number;
  durationSeconds: number;
  operations: string[];
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Answers with a status other than 2xx. */
  non2xx: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssGrowthMb: number;
  /** V8 heap in use after a full collection: what a leak would grow. */
  heapUsedBeforeMb: number;
  heapUsedAfterMb: number;
}

const SERVER = fileURLToPath(new URL('./load-server.ts', import.meta.url));
const MB = 1024 * 1024;

function message<T>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (m && typeof m === 'object' && key in m) {
        child.off('message', onMessage);
        resolve((m as Record<string, T>)[key] as T);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

/** The server's resident set size and heap in use, after a full collection. */
async function memoryOf(server: ChildProcess): Promise<{ rss: number; heapUsed: number }> {
  const memory = message<{ rss: number; heapUsed: number }>(server, 'memory');
  server.send('memory');
  return memory;
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * The local server (`createHttpAdapter` over the Lambda handler, in a process of its own)
 * under autocannon in this process: `connections` connections for `durationSeconds`, each
 * cycling through the warm operations as POST bodies, after a short warm-up. dynalite runs in a
 * third process. Every operation is checked to answer with data and no error before the run.
 */
export async function benchLoad(options: { connections: number; durationSeconds: number; warmupSeconds: number }): Promise<LoadResult> {
  const engine = await startEngineProcess();
  const server = fork(SERVER, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, DYNAMODB_ENDPOINT: engine.endpoint },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const url = await message<string>(server, 'url');
    const send: Send = async (query, variables) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as Answer;
    };
    const operations = await benchOperations(send);
    for (const operation of operations) expectData(await send(operation.query, operation.variables), operation.name);
    const requests = operations.map((o) => ({
      method: 'POST' as const,
      path: new URL(url).pathname,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: o.query, variables: o.variables }),
    }));
    await run({ url, connections: 10, duration: options.warmupSeconds, requests });
    const before = await memoryOf(server);
    const result = await run({ url, connections: options.connections, duration: options.durationSeconds, requests });
    const after = await memoryOf(server);
    return {
      engine: 'the server, dynalite and autocannon each in a process of their own',
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      operations: operations.map((o) => o.name),
      requests: result.requests.total,
      requestsPerSecond: round(result.requests.average, 1),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      rssBeforeMb: round(before.rss / MB, 1),
      rssAfterMb: round(after.rss / MB, 1),
      rssGrowthMb: round((after.rss - before.rss) / MB, 1),
      heapUsedBeforeMb: round(before.heapUsed / MB, 1),
      heapUsedAfterMb: round(after.heapUsed / MB, 1),
    };
  } finally {
    server.disconnect();
    await engine.close();
  }
}
