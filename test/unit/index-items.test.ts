import { describe, expect, it } from 'vitest';
import type { DealRecord } from '../../src/domain/records.js';
import { indexChanges, indexItemsOf } from '../../src/store/index-items.js';
import { MEETING } from '../support/records.js';

const meeting = MEETING;

describe('Store: index items', () => {
  it('places a meeting in the lists of its participants, its countries and their timeline, and among the referrers of what it names', () => {
    const keys = indexItemsOf(meeting).map((i) => `${i.pk} ${i.sk}`);
    expect(keys).toEqual([
      'ALL#meeting 2024-10-11#meeting:m1',
      'MEETINGS#leader:a 2024-10-11#meeting:m1',
      'MEETINGS#leader:b 2024-10-11#meeting:m1',
      'MEETINGS#country:RU 2024-10-11#meeting:m1',
      'MEETINGS#country:IR 2024-10-11#meeting:m1',
      'PAIR#IR#RU 2024-10-11#meeting:m1',
      'REFS#leader:a meeting:m1',
      'REFS#leader:b meeting:m1',
      'REFS#country:RU meeting:m1',
      'REFS#country:IR meeting:m1',
      'REFS#source:s meeting:m1',
    ]);
  });

  it('orders an undated deal last and keeps the last day of a partial date', () => {
    const deal: DealRecord = {
      type: 'deal',
      id: 'deal:d',
      supplier: 'country:IR',
      recipient: 'organization:hezbollah',
      items: [{ description: 'rockets' }],
      status: 'AGREED',
      confidence: 'REPORTED',
      citations: [{ source: 'source:s' }],
    };
    const dated = indexItemsOf({ ...deal, agreedOn: '2022' }).find((i) => i.pk === 'ALL#deal');
    expect(dated).toMatchObject({ sk: '2022-01-01#deal:d', e: '2022-12-31', st: 'AGREED' });
    expect(indexItemsOf(deal).some((i) => i.pk.startsWith('PAIR#'))).toBe(false);
  });

  it('removes only the lists a change leaves', () => {
    const moved = { ...meeting, participants: ['leader:a', 'leader:c'], countries: ['RU', 'IR'] };
    const { remove, put } = indexChanges(meeting, moved);
    expect(remove).toEqual([
      { pk: 'MEETINGS#leader:b', sk: '2024-10-11#meeting:m1' },
      { pk: 'REFS#leader:b', sk: 'meeting:m1' },
    ]);
    expect(put.map((i) => i.pk)).toContain('MEETINGS#leader:c');
    expect(put.map((i) => i.pk)).toContain('REFS#leader:c');
  });
});
