import { describe, expect, it } from 'vitest';
import { InstanceCache } from '../../src/graphql/instance-cache.js';

describe('GraphQL: what an instance keeps for a while', () => {
  it('reads once per period and key, then again once the period is over', async () => {
    let now = 1_000_000;
    const cache = new InstanceCache<number>(60, 10, () => now);
    let reads = 0;
    const read = async () => ++reads;
    expect(await cache.get('a', read)).toBe(1);
    now += 59_999;
    expect(await cache.get('a', read)).toBe(1);
    expect(await cache.get('b', read)).toBe(2);
    now += 1;
    expect(await cache.get('a', read)).toBe(3);
    expect(reads).toBe(3);
  });

  it('keeps nothing with 0 seconds, and at most its bound, the oldest going first', async () => {
    let reads = 0;
    const none = new InstanceCache<number>(0, 10);
    await none.get('a', async () => ++reads);
    await none.get('a', async () => ++reads);
    expect(reads).toBe(2);
    expect(none.enabled).toBe(false);
    const cache = new InstanceCache<number>(60, 200);
    for (let i = 0; i <= 200; i++) await cache.get(`k${i}`, async () => i);
    expect(await cache.get('k200', async () => -1)).toBe(200);
    expect(await cache.get('k0', async () => -1)).toBe(-1);
  });

  it('tells a kept null from nothing kept, and forgets a key or everything', () => {
    const cache = new InstanceCache<string | null>(60, 10);
    expect(cache.fresh('absent')).toBeUndefined();
    cache.keep('absent', null);
    cache.keep('a', 'A');
    cache.keep('b', 'B');
    expect(cache.fresh('absent')).toEqual({ value: null });
    cache.forget('a');
    expect(cache.fresh('a')).toBeUndefined();
    expect(cache.fresh('b')).toEqual({ value: 'B' });
    cache.forget();
    expect(cache.fresh('b')).toBeUndefined();
  });
});
