import { describe, expect, it } from 'vitest';
import { roleSpan } from '../../src/domain/roles.js';

describe('Domain: role spans', () => {
  it('runs from a start to an end, or on from a start with no end (still held)', () => {
    expect(roleSpan({ title: 'T', start: '2024-07', end: '2025' })).toEqual({ start: '2024-07-01', end: '2025-12-31' });
    expect(roleSpan({ title: 'T', start: '2024-07' })).toEqual({ start: '2024-07-01', end: '9999-12-31' });
  });

  it('runs from the first to the last date the source shows it held, when it gives no start', () => {
    expect(roleSpan({ title: 'T', heldOn: ['2024-10-11', '2023-10-23'] })).toEqual({ start: '2023-10-23', end: '2024-10-11' });
    expect(roleSpan({ title: 'T', heldOn: ['2023-11'] })).toEqual({ start: '2023-11-01', end: '2023-11-30' });
  });

  it('holds a role with only an end on that end alone', () => {
    expect(roleSpan({ title: 'T', end: '2024-09-27' })).toEqual({ start: '2024-09-27', end: '2024-09-27' });
  });

  it('gives no span to a role nothing dates, so it matches no date', () => {
    expect(roleSpan({ title: 'T' })).toBeNull();
  });
});
