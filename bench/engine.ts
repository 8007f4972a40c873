import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureTable, startEngine } from '../src/dev/engine.js';
import { type Db, openTable } from '../src/store/db.js';

/** A DynamoDB engine for a benchmark: its endpoint, and how to stop it. */
export interface BenchEngine {
  endpoint: string;
  /** CPU time the engine's own process has used, in seconds (engines in a child process only). */
  cpuSeconds?: () => Promise<number>;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./engine-child.ts', import.meta.url));

/**
 * Starts dynalite in a child process, so its CPU (on a 2-core machine, a whole core under
 * load) is not charged to the process being measured.
 */
export async function startEngineProcess(): Promise<BenchEngine> {
  const child: ChildProcess = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { endpoint: string }).endpoint));
    child.once('exit', (code) => reject(new Error(`the engine process exited with ${code} before it was ready`)));
  });
  return {
    endpoint,
    cpuSeconds: () =>
      new Promise<number>((resolve) => {
        const onMessage = (message: unknown) => {
          if (!message || typeof message !== 'object' || !('cpuSeconds' in message)) return;
          child.off('message', onMessage);
          resolve((message as { cpuSeconds: number }).cpuSeconds);
        };
        child.on('message', onMessage);
        child.send('cpu');
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/** Starts dynalite in this process, as the tests and `npm start` run it. */
export async function startEngineInProcess(): Promise<BenchEngine> {
  return startEngine();
}

let tables = 0;

/** A new, empty table at `endpoint`, and a `Db` on it. */
export async function freshTable(endpoint: string, label: string): Promise<Db> {
  tables += 1;
  const tableName = `bench-${label}-${process.pid}-${tables}`;
  await ensureTable(endpoint, tableName);
  return openTable({ tableName, region: 'us-east-1', dynamodbEndpoint: endpoint });
}
