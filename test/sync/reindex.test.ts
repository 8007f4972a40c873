import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { reindexTable } from '../../src/dev/reindex.js';
import { batchWrite } from '../../src/store/batch.js';
import { allItems, tableChecksum } from '../support/checksum.js';
import { createTestGateway } from '../support/gateway.js';

describe('Maintenance: reindexTable', () => {
  it('writes the reference lists and counters (of lists and statistics) a table lacks and removes entries of records never committed, leaving the table as a fresh load makes it', async () => {
    // Prepare: the article's data as loaded, then as a table written before REFS# and counters existed, with an orphan entry.
    const { db } = await createTestGateway();
    const loaded = await tableChecksum(db);
    const refs = (await allItems(db)).filter((item) => String(item.pk).startsWith('REFS#'));
    const counters = (await allItems(db)).filter((item) => String(item.pk).startsWith('COUNT#') || String(item.pk).startsWith('STATS#'));
    await batchWrite(
      db,
      [...refs, ...counters].map((item) => ({ delete: { pk: item.pk as string, sk: item.sk as string } })),
    );
    // And one counter off by one, as a lost update would leave it.
    const [kept] = counters;
    await db.send(new PutCommand({ TableName: db.tableName, Item: { ...kept, n: (kept?.n as number) + 1 } }));
    await db.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { pk: 'PAIR#IR#RU', sk: '2030-01-01#meeting:never-committed', ref: 'meeting:never-committed', t: 'meeting', e: '2030-01-01' },
      }),
    );

    // Act
    const dry = await reindexTable(db, true);
    const report = await reindexTable(db);
    const again = await reindexTable(db);

    // Assess
    expect(refs.length).toBeGreaterThan(100);
    expect(counters.length).toBeGreaterThan(50);
    expect(counters.filter((item) => String(item.pk).startsWith('STATS#')).length).toBeGreaterThan(7);
    expect(dry).toMatchObject({ written: refs.length, removed: 1, counters: counters.length });
    expect(report).toMatchObject({ finished: 0, written: refs.length, removed: 1, counters: counters.length });
    expect(again).toMatchObject({ written: 0, removed: 0, counters: 0 });
    expect(await tableChecksum(db)).toEqual(loaded);
  });
});
