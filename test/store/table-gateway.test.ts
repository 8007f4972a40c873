import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConflictError, ValidationError } from '../../src/errors.js';
import type { Db } from '../../src/store/db.js';
import { type FaultyEngine, startFaultyEngine } from '../support/faulty-dynamodb.js';
import { createTestTable, type TestTable } from '../support/table.js';

let table: TestTable;
let engine: FaultyEngine;

beforeAll(async () => {
  table = await createTestTable();
  engine = await startFaultyEngine(table.endpoint);
});

afterAll(() => engine.close());

/** The error `work` fails with (the test fails if it succeeds). */
async function failure(work: () => Promise<unknown>): Promise<Error> {
  try {
    await work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('Table gateway: the table name', () => {
  it('is filled in for every command, also one built without it', async () => {
    const db = table.db.forRequest();
    await db.put({ Item: { pk: 'gateway:name', sk: '#', v: 1 } });
    // A raw command sent through the gateway, as the tests' Scan is.
    const out = await db.send<{ Items?: unknown[] }>(new ScanCommand({ Limit: 100 } as never));
    expect(out.Items).toContainEqual({ pk: 'gateway:name', sk: '#', v: 1 });
    expect((await db.get({ Key: { pk: 'gateway:name', sk: '#' } })).Item).toEqual({ pk: 'gateway:name', sk: '#', v: 1 });
    expect(db.stats.operations).toEqual({ PutItem: 1, Scan: 1, GetItem: 1 });
  });
});

describe("Table gateway: a request's deadline", () => {
  it('lets 32 calls in flight listen for it without a warning about a leak', async () => {
    // Prepare: Node warns from the 11th listener of one signal; the SDK adds one per call in flight
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const db = table.db.forRequest(new AbortController().signal);
    try {
      // Act
      await Promise.all(Array.from({ length: 32 }, (_, i) => db.get({ Key: { pk: `gateway:deadline${i}`, sk: '#' } })));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    // Assess
    expect(db.stats.operations).toEqual({ GetItem: 32 });
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});

describe('Table gateway: DynamoDB key and item limits are checked before sending', () => {
  const refusal = async (db: Db, work: () => Promise<unknown>) => {
    const error = await failure(work);
    expect(error).toBeInstanceOf(ValidationError);
    // Nothing was sent: the engine's own words never reach the caller.
    expect(db.stats.calls).toBe(0);
    expect(error.message).not.toMatch(/Aggregated size|range key|hash key|ValidationException/);
    return error.message;
  };

  it('a sort key of 1,024 bytes is written; one of 1,025 bytes is refused with the limit named', async () => {
    const db = table.db.forRequest();
    await db.put({ Item: { pk: 'gateway:sk', sk: 'a'.repeat(1024) } });
    expect(db.stats.calls).toBe(1);

    const over = table.db.forRequest();
    const message = await refusal(over, () => over.put({ Item: { pk: 'gateway:sk', sk: 'a'.repeat(1025) } }));
    expect(message).toBe(
      'a sort key of 1025 bytes (made from a name, date or id) is longer than the 1024 bytes the database allows; shorten the name or id it is made from',
    );
  });

  it('counts bytes, not characters: 342 three-byte characters (1,026 bytes) are refused', async () => {
    const db = table.db.forRequest();
    const message = await refusal(db, () => db.put({ Item: { pk: 'gateway:sk', sk: '€'.repeat(342) } }));
    expect(message).toMatch(/^a sort key of 1026 bytes/);
  });

  it('a partition key of 2,049 bytes is refused, in a GetItem as in a write', async () => {
    const db = table.db.forRequest();
    const message = await refusal(db, () => db.get({ Key: { pk: 'p'.repeat(2049), sk: '#' } }));
    expect(message).toMatch(/^an id or list key of 2049 bytes is longer than the 2048 bytes/);
    await db.put({ Item: { pk: 'p'.repeat(2048), sk: '#' } });
    expect(db.stats.calls).toBe(1);
  });

  it('one oversized key refuses the whole batch before it is sent', async () => {
    const db = table.db.forRequest();
    await refusal(db, () =>
      db.batchWriteOnce([
        { PutRequest: { Item: { pk: 'gateway:batch', sk: 'ok' } } },
        { PutRequest: { Item: { pk: 'gateway:batch', sk: 'x'.repeat(2000) } } },
      ]),
    );
    expect((await table.db.get({ Key: { pk: 'gateway:batch', sk: 'ok' } })).Item).toBeUndefined();
  });

  it('an item over 400 KB is refused', async () => {
    const db = table.db.forRequest();
    const message = await refusal(db, () => db.put({ Item: { pk: 'gateway:big', sk: '#', text: 'x'.repeat(400 * 1024) } }));
    expect(message).toBe(
      'a record of about 401 KB is larger than the 400 KB the database allows for one item; split it or shorten its text',
    );
  });
});

describe('Table gateway: a failed conditional write is a ConflictError carrying the stored item', () => {
  it('asks for ALL_OLD and, where the engine answers with the item (DynamoDB), reads nothing more', async () => {
    // Prepare: the engine answers the conditional put with the stored item, as DynamoDB does.
    engine.reset();
    engine.inject({
      fault: 'condition-failed',
      operation: 'PutItem',
      match: '"ReturnValuesOnConditionCheckFailure":"ALL_OLD"',
      item: { pk: { S: 'gateway:conflict' }, sk: { S: '#' }, v: { N: '7' }, d: { M: { name: { S: 'stored' } } } },
    });
    const db = table.reopen({ endpoint: engine.endpoint });
    // Act
    const error = await failure(() =>
      db.put({ Item: { pk: 'gateway:conflict', sk: '#', v: 2 }, ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': 1 } }),
    );
    // Assess
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).stored).toEqual({ pk: 'gateway:conflict', sk: '#', v: 7, d: { name: 'stored' } });
    expect((error as ConflictError).currentVersion).toBe(7);
    expect(engine.faulted).toEqual({ PutItem: 1 });
    expect(engine.calls).toEqual({ PutItem: 1 });
    expect(db.stats.operations).toEqual({ PutItem: 1 });
  });

  it('reads the item once, consistently, where the engine leaves it out (dynalite); DynamoDB Local returns it, as DynamoDB does', async () => {
    const returnsItem = inject('dynamodbEngine') === 'dynamodb-local';
    const db = table.db.forRequest();
    await db.put({ Item: { pk: 'gateway:conflict2', sk: '#', v: 3 } });

    const error = await failure(() =>
      db.update({
        Key: { pk: 'gateway:conflict2', sk: '#' },
        UpdateExpression: 'SET v = :next',
        ConditionExpression: 'v = :v',
        ExpressionAttributeValues: { ':v': 1, ':next': 2 },
      }),
    );

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).stored).toEqual({ pk: 'gateway:conflict2', sk: '#', v: 3 });
    expect((error as ConflictError).currentVersion).toBe(3);
    expect(db.stats.operations).toEqual(returnsItem ? { PutItem: 1, UpdateItem: 1 } : { PutItem: 1, UpdateItem: 1, GetItem: 1 });
  });

  it('a write that must create reports the item it found, and null when the condition failed on none', async () => {
    const db = table.db.forRequest();
    await db.put({ Item: { pk: 'gateway:create', sk: '#', v: 1 } });

    const taken = await failure(() =>
      db.put({ Item: { pk: 'gateway:create', sk: '#', v: 1 }, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    const missing = await failure(() =>
      db.update({
        Key: { pk: 'gateway:absent', sk: '#' },
        UpdateExpression: 'REMOVE pend',
        ConditionExpression: 'v = :v',
        ExpressionAttributeValues: { ':v': 1 },
      }),
    );

    expect((taken as ConflictError).stored).toEqual({ pk: 'gateway:create', sk: '#', v: 1 });
    expect(missing).toBeInstanceOf(ConflictError);
    expect((missing as ConflictError).stored).toBeNull();
    expect((missing as ConflictError).currentVersion).toBeNull();
  });
});
