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

/** Creates the table at `endpoint` unless it exists; returns whether it was created. */
export async function ensureTable(endpoint: string, tableName: string, region = 'us-east-1'): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    return true;
  } finally {
    client.destroy();
  }
}
