import { describe, expect, it } from 'vitest';
import type { DealRecord } from '../../src/domain/records.js';
import { applyCounts, clearCountMarkers, countChange } from '../../src/store/counters.js';
import { readStats } from '../../src/store/stats.js';
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
});
