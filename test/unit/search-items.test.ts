import { describe, expect, it } from 'vitest';
import type { EntityRecord, StatementRecord } from '../../src/domain/records.js';
import { searchFold, variantsOf } from '../../src/domain/search-text.js';
import { indexChanges, indexItemsOf } from '../../src/store/index-items.js';
import { invertedDate, MAX_SEARCH_KEYS_PER_RECORD } from '../../src/store/search-items.js';

/** A record's entries in the search lists (`LISTS.find`). */
const searchItemsOf = (record: EntityRecord) => indexItemsOf(record).filter((i) => i.pk.startsWith('FIND#'));

describe('Domain: searchFold', () => {
  it('writes Russian Cyrillic in BGN/PCGN Latin letters', () => {
    expect(searchFold('Путин')).toBe('putin');
    expect(searchFold('Владимир Владимирович Путин')).toBe('vladimir vladimirovich putin');
    expect(searchFold('Сергей Лавров')).toBe('sergey lavrov');
    expect(searchFold('Ельцин')).toBe('yeltsin');
    expect(searchFold('Хрущёв')).toBe('khrushchev');
    expect(searchFold('Шойгу')).toBe('shoygu');
    expect(searchFold('Зеленский')).toBe('zelenskiy');
    expect(searchFold('Объединённые')).toBe('obyedinennyye');
  });

  it('folds Arabic and Persian letter variants alike, and Latin accents and case away', () => {
    expect(searchFold('پزشكيان')).toBe(searchFold('پزشکیان'));
    expect(searchFold('Pezeshkián-MASOUD')).toBe('pezeshkian masoud');
    // A hamza seat folds to the plain letter, whichever keyboard typed it.
    expect(searchFold('رئیسی')).toBe(searchFold('رییسی'));
    expect(searchFold('رئيسي')).toBe(searchFold('رییسی'));
    expect(searchFold('خامنه‌ای')).toBe('خامنهای');
  });

  it('gives the variant spellings of the names in the table', () => {
    expect(variantsOf('hezbollah lebanon')).toContain('hizbollah lebanon');
    expect(variantsOf('masoud pezeshkian')).toContain('masoud pezeshkyan');
    expect(variantsOf('irgc quds force')).toContain('revolutionary guards quds force');
    expect(variantsOf('hezbollahs')).toEqual([]);
    expect(variantsOf('masoud pezeshkian')).toEqual(expect.arrayContaining(['masoud پزشکیان', 'مسعود پزشکیان']));
    // Spellings with a zero-width non-joiner are folded as a search text is: joined.
    expect(variantsOf('hezbollah')).toEqual(expect.arrayContaining(['حزب الله', 'حزبالله']));
  });
});

describe('Store: search index items', () => {
  const statement: StatementRecord = {
    type: 'statement',
    id: 'statement:s1',
    speaker: 'leader:a',
    coSpeakers: [],
    quote: 'The missiles were launched at the bases, and the missiles hit the bases.',
    date: '2024-10-01',
    countries: [],
    citations: [{ source: 'source:s' }],
  };

  it('makes one entry per distinct word, stopwords left out, in two-character partitions, newest first', () => {
    const items = searchItemsOf(statement);
    expect(items.map((i) => [i.pk, i.sk.split('#')[0], i.s])).toEqual([
      ['FIND#th', 'the missiles were launched', 1],
      ['FIND#mi', 'missiles were launched at', 2],
      ['FIND#la', 'launched at the bases', 2],
      ['FIND#ba', 'bases and the missiles', 2],
      ['FIND#hi', 'hit the bases', 2],
    ]);
    expect(items[0]?.sk).toBe(`the missiles were launched#${invertedDate('2024-10-01')}#statement:s1`);
    expect(invertedDate('2024-10-01') < invertedDate('2023-12-31')).toBe(true);
    expect(invertedDate(undefined) > invertedDate('0001')).toBe(true);
  });

  it('bounds the entries of a long text', () => {
    const words = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    expect(searchItemsOf({ ...statement, quote: words })).toHaveLength(MAX_SEARCH_KEYS_PER_RECORD);
  });

  it('moves entries with the record: an edit removes the words gone and rewrites the one kept', () => {
    const { put, remove } = indexChanges(statement, { ...statement, quote: 'The missiles were launched.' });
    expect(put.filter((i) => i.pk.startsWith('FIND#')).map((i) => [i.sk.split('#')[0], i.s])).toEqual([
      ['the missiles were launched', 0],
      ['missiles were launched', 2],
      ['launched', 2],
    ]);
    expect(remove.filter((k) => k.pk.startsWith('FIND#')).map((k) => k.sk.split('#')[0])).toEqual([
      'missiles were launched at',
      'launched at the bases',
      'bases and the missiles',
      'hit the bases',
    ]);
  });
});
