import { dateRange } from '../domain/partial-date.js';
import type { EntityRecord } from '../domain/records.js';
import { searchFold, variantsOf } from '../domain/search-text.js';

/**
 * The search index: entries that let `searchAll` find any kind of record by a word prefix
 * with one Query (`begins_with` on the sort key) in one partition.
 *
 * An entry's key is a word-start suffix of a folded field ("putin", "vladimir putin",
 * "missiles at israel"), its partition the key's first two characters (`FIND#pu`), so that
 * the busiest letters of a 30,000-deal import spread over many partitions instead of one
 * per letter. The sort key is `<key>#<inverted date>#<id>`: within one key the newest facts
 * come first, undated records last.
 */

/** Which field of a record an entry was made from; ranking puts names before the rest. */
export type SearchField = 'NAME' | 'ALIAS' | 'PLACE' | 'OCCASION' | 'TOPIC' | 'DESIGNATION' | 'DESCRIPTION' | 'SUMMARY' | 'QUOTE';

/** Where in the field the key starts: the whole field, its start, or a later word. */
export const SEARCH_POSITION = { whole: 0, start: 1, word: 2 } as const;

/** At most this many entries per record: names first, then short fields, then long text. */
export const MAX_SEARCH_KEYS_PER_RECORD = 64;
/** Keys of text fields hold at most this many words and characters (names are kept whole). */
export const MAX_KEY_WORDS = 4;
export const MAX_KEY_LENGTH = 60;
/** Keys shorter than this are not indexed (and a shorter text is refused). */
export const MIN_SEARCH_LENGTH = 2;

/** Words that start no key inside a text field: they match nearly everything. */
const STOPWORDS = new Set(
  'a an and are as at be but by for from had has have he her his in is it its of on or our says said she that the their them they this to was we were will with would'.split(
    ' ',
  ),
);

/** One search key of a record: what its entry in the `find` list of the list model holds. */
export interface SearchKey {
  /** The folded key (a word-start suffix of a field). */
  key: string;
  /** The record's date, inverted (`invertedDate`): within one key the newest facts come first. */
  inverted: string;
  /** The field matched. */
  field: SearchField;
  /** Its position in the field (SEARCH_POSITION). */
  position: number;
}

const NAME_FIELDS = new Set<SearchField>(['NAME', 'ALIAS']);

/** The texts of a record that search reads, most telling first. */
function fieldsOf(record: EntityRecord): [SearchField, string][] {
  switch (record.type) {
    case 'country':
    case 'organization':
    case 'leader':
      return [['NAME', record.name], ...record.aliases.map((a): [SearchField, string] => ['ALIAS', a])];
    case 'meeting':
      return [
        ...(record.occasion ? [['OCCASION', record.occasion] as [SearchField, string]] : []),
        ...(record.location?.city ? [['PLACE', record.location.city] as [SearchField, string]] : []),
        ...record.topics.map((t): [SearchField, string] => ['TOPIC', t]),
      ];
    case 'deal':
      return [
        ...record.items.flatMap((i) => (i.designation ? [['DESIGNATION', i.designation] as [SearchField, string]] : [])),
        ...record.items.map((i): [SearchField, string] => ['DESCRIPTION', i.description]),
      ];
    case 'event':
      return [...(record.location?.city ? [['PLACE', record.location.city] as [SearchField, string]] : []), ['SUMMARY', record.summary]];
    case 'statement':
      return [['QUOTE', record.quote]];
    case 'source':
      return [];
  }
}

/** The date search ranks a record by: the first day its fact covers. */
function dateOf(record: EntityRecord): string | undefined {
  switch (record.type) {
    case 'meeting':
    case 'event':
      return record.date;
    case 'deal':
      return record.agreedOn;
    case 'statement':
      return record.date;
    default:
      return undefined;
  }
}

/** Digits turned 9 - d, so an ascending key puts the newest date first; `~` (after digits) when undated. */
export function invertedDate(date: string | undefined): string {
  if (!date) return '~';
  return dateRange(date)
    .start.split('')
    .map((c) => (c >= '0' && c <= '9' ? String(9 - Number(c)) : c))
    .join('');
}

/** What names the search list of a key (or of a searched text): its first two characters. */
export function searchPrefix(key: string): string {
  return [...key].slice(0, MIN_SEARCH_LENGTH).join('');
}

/** Word-start suffixes of one folded text, with their position, shortened for text fields. */
function keysOf(folded: string, isName: boolean): { key: string; position: number }[] {
  const words = folded.split(' ').filter(Boolean);
  return words.flatMap((word, i) => {
    if (i > 0 && !isName && (STOPWORDS.has(word) || word.length < MIN_SEARCH_LENGTH)) return [];
    const rest = words.slice(i, isName ? undefined : i + MAX_KEY_WORDS).join(' ');
    const key = isName ? rest : rest.slice(0, MAX_KEY_LENGTH).trimEnd();
    if (key.length < MIN_SEARCH_LENGTH) return [];
    const position = i > 0 ? SEARCH_POSITION.word : key === folded ? SEARCH_POSITION.whole : SEARCH_POSITION.start;
    return [{ key, position }];
  });
}

/**
 * The search entries of a record, derived from it alone (so an edit or delete moves them like
 * any index item). Names and aliases give every word-start suffix; other fields give one
 * entry per distinct word (its first occurrence, with a few words after it for phrases),
 * stopwords left out, at most MAX_SEARCH_KEYS_PER_RECORD in all. Known variant spellings
 * (`SEARCH_VARIANTS`) are indexed as aliases of the text they stand for.
 */
export function searchKeysOf(record: EntityRecord): SearchKey[] {
  const byKey = new Map<string, { field: SearchField; position: number }>();
  const wordsSeen = new Set<string>();
  const inverted = invertedDate(dateOf(record));
  for (const [field, text] of fieldsOf(record)) {
    const folded = searchFold(text);
    const isName = NAME_FIELDS.has(field);
    const texts: [SearchField, string][] = [
      [field, folded],
      ...variantsOf(folded).map((v): [SearchField, string] => [isName ? 'ALIAS' : field, v]),
    ];
    for (const [asField, value] of texts) {
      for (const { key, position } of keysOf(value, isName)) {
        if (byKey.size >= MAX_SEARCH_KEYS_PER_RECORD) break;
        const word = key.split(' ')[0] as string;
        if (byKey.has(key) || (!isName && wordsSeen.has(word))) continue;
        wordsSeen.add(word);
        byKey.set(key, { field: asField, position });
      }
    }
  }
  return [...byKey].map(([key, { field, position }]) => ({ key, inverted, field, position }));
}
