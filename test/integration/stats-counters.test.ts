import { describe, expect, it } from 'vitest';
import type { DealRecord } from '../../src/domain/records.js';
import { applyCounters, readStats, settleCounters } from '../../src/store/stats.js';
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
    const a = { id: 'deal:a', version: 1, before: null, after: deal('deal:a', 10.5) };
    const b = { id: 'deal:b', version: 1, before: null, after: deal('deal:b', 0.25) };
    await applyCounters(db, [a], 4);
    // Act
    await applyCounters(db, [a, b], 4);
    await applyCounters(db, [a, b], 4);
    await settleCounters(db, [a, b], 4);
    // Assess
    const answer = await readStats(db, { groupBy: 'SUPPLIER' });
    expect(answer.groups).toEqual([
      { key: 'country:RU', totals: { deals: 2, tivOrdered: 200_500_000, tivDelivered: 10_750_000, numberOrdered: 20, numberDelivered: 8 } },
    ]);
    expect(answer.sources).toEqual({ 'source:s': 2 });
  });

  it('moves a group by the difference when a deal changes sides or years', async () => {
    const { db } = await createTestTable();
    const created = { id: 'deal:a', version: 1, before: null, after: deal('deal:a', 10.5) };
    await applyCounters(db, [created], 4);
    const moved = {
      id: 'deal:a',
      version: 2,
      before: created.after,
      after: { ...created.after, recipient: 'country:SY', agreedOn: '2023' },
    };
    await applyCounters(db, [moved], 4);
    const byRecipient = await readStats(db, { groupBy: 'RECIPIENT', supplier: 'country:RU' });
    expect(byRecipient.groups.map((g) => [g.key, g.totals.deals])).toEqual([['country:SY', 1]]);
    const byYear = await readStats(db, { groupBy: 'ORDER_YEAR', fromYear: 2021, toYear: 2022 });
    expect(byYear.groups).toEqual([]);
  });
});
