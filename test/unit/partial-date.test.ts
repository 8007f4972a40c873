import { describe, expect, it } from 'vitest';
import { dateRange, isPartialDate, overlaps, spanRange, yearBefore } from '../../src/domain/partial-date.js';

describe('Domain: PartialDate', () => {
  it('accepts year, month and day precision and nothing else', () => {
    expect(['2022', '2022-07', '2024-10-11', '2024-02-29'].every(isPartialDate)).toBe(true);
    expect(['22', '2022-7', '2022-13', '2023-02-29', '2022-06-31', '0000', '2022-07-01T00:00', ' 2022', ''].some(isPartialDate)).toBe(
      false,
    );
  });

  it('stands for the whole range it covers', () => {
    expect(dateRange('2022')).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(dateRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(dateRange('2023-02')).toEqual({ start: '2023-02-01', end: '2023-02-28' });
    expect(dateRange('2024-10-11')).toEqual({ start: '2024-10-11', end: '2024-10-11' });
    expect(spanRange('2024-10-23', '2024-10-24')).toEqual({ start: '2024-10-23', end: '2024-10-24' });
  });

  it('compares as ranges: a year overlaps each of its months and days', () => {
    expect(overlaps(dateRange('2022'), dateRange('2022-07'))).toBe(true);
    expect(overlaps(dateRange('2022-07'), dateRange('2022-07-31'))).toBe(true);
    expect(overlaps(dateRange('2022-07'), dateRange('2022-08-01'))).toBe(false);
    expect(overlaps(dateRange('2021'), dateRange('2022-01'))).toBe(false);
  });

  it('names the field in its error', () => {
    expect(() => dateRange('yesterday', 'from')).toThrow('from "yesterday" is not a date like 2022, 2022-07 or 2024-10-11');
  });

  it('steps back a year for key ranges', () => {
    expect(yearBefore('2022-07-01')).toBe('2021-07-01');
  });
});
