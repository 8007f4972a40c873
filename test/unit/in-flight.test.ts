import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/store/in-flight.js';

const later = <T>(value: T, ms = 5) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('InFlight', () => {
  it('runs a waiting callback after the current turn when no call is under way', async () => {
    // Prepare
    const inFlight = new InFlight();
    const order: string[] = [];
    // Act
    inFlight.whenIdle(() => order.push('idle'));
    order.push('same turn');
    await new Promise((resolve) => setImmediate(resolve));
    // Assess
    expect(order).toEqual(['same turn', 'idle']);
  });

  it('waits for every call under way, and for what the last one set off', async () => {
    // Prepare
    const inFlight = new InFlight();
    const order: string[] = [];
    // Act
    const slow = inFlight.track(() => later('slow', 20)).then(() => order.push('slow settled'));
    const fast = inFlight.track(() => later('fast', 5)).then(() => order.push('fast settled'));
    inFlight.whenIdle(() => order.push('idle'));
    await Promise.all([slow, fast]);
    await new Promise((resolve) => setImmediate(resolve));
    // Assess
    expect(order).toEqual(['fast settled', 'slow settled', 'idle']);
  });

  it('lets a loader batch ids asked for during a call with those asked for after it', async () => {
    // Prepare: a loader scheduled as src/graphql/loaders.ts schedules the entity loader
    const inFlight = new InFlight();
    const batches: string[][] = [];
    const loader = new DataLoader<string, string>(
      async (ids) => {
        batches.push([...ids]);
        return inFlight.track(() => later([...ids]));
      },
      { batchScheduleFn: (dispatch) => inFlight.whenIdle(dispatch) },
    );
    // Act: one id asked for while a list is read, the others from what the list returned
    const country = loader.load('country:RU');
    const meetings = inFlight.track(() => later(['meeting:a', 'meeting:b'])).then((ids) => loader.loadMany(ids));
    await Promise.all([country, meetings]);
    // Assess
    expect(batches).toEqual([['country:RU', 'meeting:a', 'meeting:b']]);
  });
});
