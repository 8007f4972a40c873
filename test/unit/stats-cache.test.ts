import { describe, expect, it } from 'vitest';
import { StatsCache } from '../../src/graphql/stats-cache.js';
import type { StatsAnswer } from '../../src/store/stats.js';

const answer = (deals: number): StatsAnswer => ({
  groups: [],
  totals: { deals, tivOrdered: 0, tivDelivered: 0, numberOrdered: 0, numberDelivered: 0 },
  sources: {},
});

describe('GraphQL: statistics answers kept by an instance', () => {
  it('reads once per period and key, then again once the period is over', async () => {
    let now = 1_000_000;
    const cache = new StatsCache(60, () => now);
    let reads = 0;
    const read = async () => answer(++reads);
    expect((await cache.get('a', read)).totals.deals).toBe(1);
    now += 59_999;
    expect((await cache.get('a', read)).totals.deals).toBe(1);
    expect((await cache.get('b', read)).totals.deals).toBe(2);
    now += 1;
    expect((await cache.get('a', read)).totals.deals).toBe(3);
    expect(reads).toBe(3);
  });

  it('keeps nothing with 0 seconds, and at most 200 answers, the oldest going first', async () => {
    let reads = 0;
    const none = new StatsCache(0);
    await none.get('a', async () => answer(++reads));
    await none.get('a', async () => answer(++reads));
    expect(reads).toBe(2);
    const cache = new StatsCache(60);
    for (let i = 0; i <= 200; i++) await cache.get(`k${i}`, async () => answer(i));
    expect((await cache.get('k200', async () => answer(-1))).totals.deals).toBe(200);
    expect((await cache.get('k0', async () => answer(-1))).totals.deals).toBe(-1);
  });
});
