import { describe, expect, it } from 'vitest';
import type { DealRecord } from '../../src/domain/records.js';
import { applyCounts, clearCountMarkers, countChange, MAX_SPENT_MARKERS, SpentMarkers } from '../../src/store/counters.js';
import { writeEntities } from '../../src/store/entities.js';
import { readStats, statsPartition } from '../../src/store/stats.js';
import { createTestTable } from '../support/table.js';

const deal = (id: string, delivered: number): DealRecord => ({
  type: 'deal',
  id,
  supplier: 'country:RU',
  recipient: 'country:IR',
  items: [{ description: 'fighter aircraft', quantity: 10, delivered: 4 }],
  tiv: { total: 100.25, delivered },
  agreedOn: '2021',
  status: 'DELIVERING',
  confidence: 'CONFIRMED',
  citations: [{ source: 'source:s' }],
});

describe('Store: statistics counters', () => {
  it('applies each change once when changes already applied are finished again together with new ones', async () => {
    // Prepare: change A reached its counters, then A and B are finished in one batch
    const { db } = await createTestTable();
    const a = countChange('deal:a@1', null, deal('deal:a', 10.5));
    const b = countChange('deal:b@1', null, deal('deal:b', 0.25));
    await applyCounts(db, [a], 4);
    // Act
    await applyCounts(db, [a, b], 4);
    await applyCounts(db, [a, b], 4);
    await clearCountMarkers(db, [a, b], 4);
    // Assess
    const answer = await readStats(db, { groupBy: 'SUPPLIER' });
    expect(answer.groups).toEqual([
      { key: 'country:RU', totals: { deals: 2, tivOrdered: 200_500_000, tivDelivered: 10_750_000, numberOrdered: 20, numberDelivered: 8 } },
    ]);
    expect(answer.sources).toEqual({ 'source:s': 2 });
  });

  it('moves a group by the difference when a deal changes sides or years', async () => {
    const { db } = await createTestTable();
    const created = deal('deal:a', 10.5);
    await applyCounts(db, [countChange('deal:a@1', null, created)], 4);
    await applyCounts(db, [countChange('deal:a@2', created, { ...created, recipient: 'country:SY', agreedOn: '2023' })], 4);
    const byRecipient = await readStats(db, { groupBy: 'RECIPIENT', supplier: 'country:RU' });
    expect(byRecipient.groups.map((g) => [g.key, g.totals.deals])).toEqual([['country:SY', 1]]);
    const byYear = await readStats(db, { groupBy: 'ORDER_YEAR', fromYear: 2021, toYear: 2022 });
    expect(byYear.groups).toEqual([]);
  });

  it("adds hundreds of changes to one counter in few updates, each within DynamoDB's 4 KB per expression", async () => {
    // Prepare: 300 deals from Russia to Iran, ordered over 75 years (the gateway refuses an expression over 4 KB)
    const { db } = await createTestTable();
    const deals = Array.from({ length: 300 }, (_, i) => ({ ...deal(`deal:d${i}`, 1), agreedOn: String(1950 + (i % 75)) }));
    const before = db.stats.operations.UpdateItem ?? 0;
    // Act
    await applyCounts(
      db,
      deals.map((d) => countChange(`${d.id}@1`, null, d)),
      4,
    );
    // Assess: 7 counters moved by 300 changes each, in far fewer than 7 x 300 updates
    const updates = (db.stats.operations.UpdateItem ?? 0) - before;
    expect(updates).toBeGreaterThan(7);
    expect(updates).toBeLessThan(7 * 30);
    const byYear = await readStats(db, { groupBy: 'ORDER_YEAR', fromYear: 1960, toYear: 1961 });
    expect(byYear.groups).toEqual([
      { key: '1960', totals: { deals: 4, tivOrdered: 401_000_000, tivDelivered: 4_000_000, numberOrdered: 40, numberDelivered: 16 } },
      { key: '1961', totals: { deals: 4, tivOrdered: 401_000_000, tivDelivered: 4_000_000, numberOrdered: 40, numberDelivered: 16 } },
    ]);
    const all = await readStats(db, { groupBy: 'SUPPLIER', recipient: 'country:IR' });
    expect(all.totals.deals).toBe(300);
    expect(all.sources).toEqual({ 'source:s': 300 });
  });

  it("answers in one order, whatever order the engine returns an item's fields in: groups by key, sources most cited first", async () => {
    // Prepare: years and sources reach the counters in the opposite order to the answer's
    const { db } = await createTestTable();
    const cited = (id: string, year: string, source: string): DealRecord => ({ ...deal(id, 1), agreedOn: year, citations: [{ source }] });
    const records = [
      cited('deal:a', '2023', 'source:c'),
      cited('deal:b', '2022', 'source:a'),
      cited('deal:c', '2021', 'source:b'),
      cited('deal:d', '2021', 'source:b'),
    ];
    for (const record of records) await applyCounts(db, [countChange(`${record.id}@1`, null, record)], 4);
    // Act
    const answer = await readStats(db, { groupBy: 'ORDER_YEAR', supplier: 'country:RU' });
    // Assess: toEqual would not see the order of an object's keys, so entries are compared
    expect(answer.groups.map((g) => [g.key, g.totals.deals])).toEqual([
      ['2021', 2],
      ['2022', 1],
      ['2023', 1],
    ]);
    expect(Object.entries(answer.sources)).toEqual([
      ['source:b', 2],
      ['source:a', 1],
      ['source:c', 1],
    ]);
  });

  it('counts deals of no known year only when no year bound is given', async () => {
    const { db } = await createTestTable();
    const { agreedOn: _, ...undated } = deal('deal:u', 2);
    await applyCounts(db, [countChange('deal:u@1', null, undated), countChange('deal:a@1', null, deal('deal:a', 3))], 4);
    expect((await readStats(db, { groupBy: 'SUPPLIER' })).groups[0]?.totals.deals).toBe(2);
    expect((await readStats(db, { groupBy: 'SUPPLIER', toYear: 2030 })).groups[0]?.totals.deals).toBe(1);
    expect((await readStats(db, { groupBy: 'ORDER_YEAR' })).groups.map((g) => g.key).sort()).toEqual(['0000', '2021']);
  });

  it('keeps one counter item per group and decade: a pair over two decades is one Query of two items', async () => {
    const { db } = await createTestTable();
    await applyCounts(
      db,
      ['2001', '2011', '2021', '2022'].map((year, i) => countChange(`deal:y${i}@1`, null, { ...deal(`deal:y${i}`, 1), agreedOn: year })),
      4,
    );
    const pair = await db.get({ Key: { pk: statsPartition('country:RU', '*'), sk: 'R#202#country:IR' } });
    expect(pair.Item?.['2021:n']).toBe(1);
    expect(pair.Item?.['2022:n']).toBe(1);
    const before = { ...db.stats.operations };
    const both = await readStats(db, { groupBy: 'ORDER_YEAR', supplier: 'country:RU', recipient: 'country:IR', fromYear: 2010 });
    expect(both.groups.map((g) => g.key).sort()).toEqual(['2011', '2021', '2022']);
    expect(db.stats.operations.Query).toBe((before.Query ?? 0) + 1);
    expect(db.stats.operations.GetItem ?? 0).toBe(before.GetItem ?? 0);
  });

  it('keeps the markers a run leaves on a counter bounded when its updates have no room to remove them', async () => {
    // Prepare: rounds of 400 deals of the 1960s, each citing a source of its own, so every update
    // of the decade's year item is full of fields
    const { db } = await createTestTable();
    const spent = new SpentMarkers();
    const markersOnYearItem = async () => {
      const item = (await db.get({ Key: { pk: statsPartition('*', '*'), sk: 'Y#196' } })).Item ?? {};
      return Object.keys(item).filter((name) => name.startsWith('~')).length;
    };
    // Act and assess: after each round, at most MAX_SPENT_MARKERS are left for later
    for (let round = 0; round < 4; round++) {
      const entries = Array.from({ length: 400 }, (_, i) => ({
        record: { ...deal(`deal:r${round}-${i}`, 1), agreedOn: String(1960 + (i % 10)), citations: [{ source: `source:s${round}-${i}` }] },
        mode: 'upsert' as const,
      }));
      const results = await writeEntities(db, entries, 'sync:test', 16, spent);
      expect(results.every((r) => 'outcome' in r && r.outcome === 'created')).toBe(true);
      expect(await markersOnYearItem()).toBeLessThanOrEqual(MAX_SPENT_MARKERS);
    }
    await spent.flush(db);
    expect(await markersOnYearItem()).toBe(0);
    expect((await readStats(db, { groupBy: 'SUPPLIER' })).totals.deals).toBe(1600);
  });
});
