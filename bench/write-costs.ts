/**
 * What one item costs each way of writing it, on dynalite and on AWS's DynamoDB Local, which
 * (unlike dynalite) implements the batched conditional writes: TransactWriteItems and
 * PartiQL's BatchExecuteStatement. Not in `npm run bench`; run it alone:
 *
 *   npx tsx bench/write-costs.ts [--items 3000]
 *
 * Each engine runs in a process of its own and is warmed first; the same items (a key and
 * 400 bytes) are written by 16 calls in flight, as the sync pipeline writes.
 */
import {
  BatchExecuteStatementCommand,
  BatchWriteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../src/dev/engine.js';
import { mapLimit } from '../src/store/batch.js';
import { startDynamoDbLocal } from '../test/support/dynamodb-local.js';
import { startEngineProcess } from './engine.js';
import { round } from './stats.js';

const CONCURRENCY = 16;
const PAD = 'x'.repeat(400);

/** `calls` calls of `work`, CONCURRENCY in flight. */
async function pool(calls: number, work: (i: number) => Promise<unknown>): Promise<void> {
  await mapLimit(
    Array.from({ length: calls }, (_, i) => i),
    CONCURRENCY,
    work,
  );
}

/** Per way of writing: milliseconds per item written. */
async function costs(endpoint: string, items: number, batched: boolean): Promise<Record<string, number>> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const table = `write-costs-${Date.now()}`;
  await ensureTable(endpoint, table);
  const item = (key: string) => ({ pk: { S: key }, sk: { S: '#' }, d: { S: PAD } });
  const ways: Record<string, (round: string) => Promise<void>> = {
    'PutItem, conditional (attribute_not_exists)': (r) =>
      pool(items, (i) =>
        client.send(new PutItemCommand({ TableName: table, Item: item(`${r}p${i}`), ConditionExpression: 'attribute_not_exists(pk)' })),
      ),
    'BatchWriteItem, 25 a call': (r) =>
      pool(items / 25, (i) =>
        client.send(
          new BatchWriteItemCommand({
            RequestItems: { [table]: Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: item(`${r}b${i}-${j}`) } })) },
          }),
        ),
      ),
    'UpdateItem, ADD on a marker condition (100 counters)': (r) =>
      pool(items, (i) =>
        client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: { pk: { S: `${r}c${i % 100}` }, sk: { S: '#' } },
            UpdateExpression: 'ADD n :one SET #m = :t',
            ConditionExpression: 'attribute_not_exists(#m)',
            ExpressionAttributeNames: { '#m': `~${r}m${i}` },
            ExpressionAttributeValues: { ':one': { N: '1' }, ':t': { BOOL: true } },
          }),
        ),
      ),
  };
  if (batched) {
    ways['BatchExecuteStatement, 25 INSERTs a call'] = (r) =>
      pool(items / 25, (i) =>
        client.send(
          new BatchExecuteStatementCommand({
            Statements: Array.from({ length: 25 }, (_, j) => ({
              Statement: `INSERT INTO "${table}" VALUE {'pk': ?, 'sk': '#', 'd': ?}`,
              Parameters: [{ S: `${r}x${i}-${j}` }, { S: PAD }],
            })),
          }),
        ),
      );
    ways['TransactWriteItems, 100 conditional puts a call'] = (r) =>
      pool(items / 100, (i) =>
        client.send(
          new TransactWriteItemsCommand({
            TransactItems: Array.from({ length: 100 }, (_, j) => ({
              Put: { TableName: table, Item: item(`${r}t${i}-${j}`), ConditionExpression: 'attribute_not_exists(pk)' },
            })),
          }),
        ),
      );
  }
  const result: Record<string, number> = {};
  try {
    for (const [name, write] of Object.entries(ways)) {
      await write('warm');
      const started = performance.now();
      await write('run');
      result[name] = round((performance.now() - started) / items, 3);
    }
  } finally {
    client.destroy();
  }
  return result;
}

const at = process.argv.indexOf('--items');
const items = at > 0 ? Number(process.argv[at + 1]) : 3000;
const dynalite = await startEngineProcess();
const local = await startDynamoDbLocal();
try {
  const byEngine = { dynalite: await costs(dynalite.endpoint, items, false), 'DynamoDB Local': await costs(local.endpoint, items, true) };
  console.log(`ms per item, ${items} items, ${CONCURRENCY} calls in flight, ${new Date().toISOString()}`);
  console.table(byEngine);
} finally {
  await Promise.all([dynalite.close(), local.close()]);
}
