import { describe, expect, it } from 'vitest';
import type { MeetingRecord } from '../../src/domain/records.js';
import { countChange } from '../../src/store/counters.js';
import { MEETING } from '../support/records.js';

const meeting = MEETING;

const plain = (deltas: Map<string, Map<string, number>>) =>
  Object.fromEntries([...deltas].map(([pk, fields]) => [pk, Object.fromEntries(fields)]));

describe('Store: list counters', () => {
  it('counts a new meeting once in each list it is in, and by status', () => {
    const change = countChange('meeting:m1@1', null, meeting);
    expect(change.id).toBe('meeting:m1@1');
    const one = { n: 1, u: 1, 'st=HELD': 1 };
    expect(plain(change.deltas)).toEqual({
      'ALL#meeting': one,
      'MEETINGS#leader:a': one,
      'MEETINGS#leader:b': one,
      'MEETINGS#country:RU': one,
      'MEETINGS#country:IR': one,
      'PAIR#IR#RU': one,
    });
  });

  it('moves only what a change moves: a participant replaced, the status changed', () => {
    const moved: MeetingRecord = { ...meeting, participants: ['leader:a', 'leader:c'], status: 'CANCELLED' };
    const shift = { 'st=HELD': -1, 'st=CANCELLED': 1 };
    expect(plain(countChange('meeting:m1@2', meeting, moved).deltas)).toEqual({
      'ALL#meeting': shift,
      'MEETINGS#leader:a': shift,
      'MEETINGS#leader:b': { n: -1, u: -1, 'st=HELD': -1 },
      'MEETINGS#leader:c': { n: 1, u: 1, 'st=CANCELLED': 1 },
      'MEETINGS#country:RU': shift,
      'MEETINGS#country:IR': shift,
      'PAIR#IR#RU': shift,
    });
  });

  it('changes nothing for an edit that leaves the lists and counted values as they were', () => {
    expect(countChange('meeting:m1@3', meeting, { ...meeting, summary: 'Talks.' }).deltas.size).toBe(0);
  });

  it('takes a deleted entity out of every counted list', () => {
    const gone = plain(countChange('meeting:m1@4', meeting, null).deltas);
    expect(Object.keys(gone)).toHaveLength(6);
    expect(gone['ALL#meeting']).toEqual({ n: -1, u: -1, 'st=HELD': -1 });
  });
});
