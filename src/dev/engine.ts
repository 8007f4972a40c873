import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { createTableInput } from '../store/table.js';

/** A running embedded DynamoDB engine. */
export interface Engine {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts dynalite, a DynamoDB implementation in Node, on 127.0.0.1.
 * @param options.path folder for its LevelDB files; in memory when absent.
 * @param options.port port to listen on; 0 picks a free one.
 */
export async function startEngine(options: { path?: string; port?: number } = {}): Promise<Engine> {
  const server: Server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * Creates the table at `endpoint` unless it exists, and returns once it is ACTIVE: the engine
 * answers ResourceNotFoundException to calls on a table still CREATING, which it leaves on a
 * timer that a busy process runs late.
 * @returns whether it was created.
 */
export async function ensureTable(endpoint: string, tableName: string, region = 'us-east-1'): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    let created = false;
    try {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
    } catch (error) {
      if ((error as Error).name !== 'ResourceNotFoundException') throw error;
      await client.send(new CreateTableCommand(createTableInput(tableName)));
      created = true;
    }
    for (let wait = 0; ; wait++) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus === 'ACTIVE') return created;
      if (wait >= ACTIVE_WAITS)
        throw new Error(`table ${tableName} is still ${Table?.TableStatus} after ${ACTIVE_WAITS * ACTIVE_WAIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, ACTIVE_WAIT_MS));
    }
  } finally {
    client.destroy();
  }
}

const ACTIVE_WAIT_MS = 20;
const ACTIVE_WAITS = 500;
