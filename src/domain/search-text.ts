import { foldName } from './text.js';
import { transliterate } from './transliterate.js';

/**
 * Text folded for search: other scripts written in Latin letters (see `transliterate`), then
 * folded as names are (accents, case and punctuation). "Путин", "PUTIN" and "Putín" fold alike.
 */
export function searchFold(text: string): string {
  return foldName(transliterate(text));
}

/**
 * Spellings that stand for the same name, built in: each folded word or phrase on the left is
 * indexed again under every spelling on the right, so a search for a variant finds the record
 * written the usual way. Records extend it one by one through their `aliases`; an addition here
 * reaches a stored record the next time it is written (a sync run with the records changed, or
 * an edit).
 */
export const SEARCH_VARIANTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['hezbollah', ['hizbollah', 'hizballah', 'hizbullah', 'hezbolla']],
  ['pezeshkian', ['pezeshkyan', 'pezeshkiyan', 'pezeshkijan']],
  ['irgc', ['revolutionary guards', 'revolutionary guard', 'pasdaran', 'sepah']],
  ['islamic revolutionary guard corps', ['revolutionary guards', 'pasdaran', 'sepah']],
  ['khamenei', ['khamenehi', 'khamene i']],
  ['raisi', ['raeisi', 'raeesi']],
  ['nasrallah', ['nasrullah', 'nasralla']],
  ['zelensky', ['zelenskyy', 'zelenskiy', 'zelenskyi', 'zelenskii']],
  ['qatar', ['katar']],
  ['tehran', ['teheran']],
  ['ashgabat', ['ashkhabad', 'ashgabad']],
]);

/**
 * The variant spellings that apply to a folded text: for each table entry whose phrase occurs
 * in it as whole words, the text with the phrase replaced by each variant.
 */
export function variantsOf(folded: string): string[] {
  const padded = ` ${folded} `;
  const out: string[] = [];
  for (const [canonical, variants] of SEARCH_VARIANTS) {
    if (!padded.includes(` ${canonical} `)) continue;
    for (const variant of variants) out.push(padded.replace(` ${canonical} `, ` ${variant} `).trim());
  }
  return out;
}
