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
 * an edit), or every record at once with `npm run reindex`; so does a change to the folding.
 *
 * Persian and Arabic script carries no short vowels, so no scheme turns it into the English
 * spelling (see `transliterate`): the names of the knowledge base are given here in their own
 * script as well, as Persian and Arabic news write them (Persian for Iranian names, Arabic for
 * Lebanese and Palestinian ones), with and without the space a zero-width non-joiner stands
 * for. The right-hand side is folded as a search text is, so either keyboard's letters match.
 */
export const SEARCH_VARIANTS: ReadonlyMap<string, readonly string[]> = new Map(
  (
    [
      ['hezbollah', ['hizbollah', 'hizballah', 'hizbullah', 'hezbolla', 'حزب الله', 'حزب‌الله']],
      ['pezeshkian', ['pezeshkyan', 'pezeshkiyan', 'pezeshkijan', 'پزشکیان']],
      ['masoud pezeshkian', ['مسعود پزشکیان']],
      ['irgc', ['revolutionary guards', 'revolutionary guard', 'pasdaran', 'sepah', 'سپاه پاسداران', 'سپاه']],
      ['islamic revolutionary guard corps', ['revolutionary guards', 'pasdaran', 'sepah', 'سپاه پاسداران انقلاب اسلامی']],
      ['khamenei', ['khamenehi', 'khamene i', 'خامنه‌ای', 'خامنه ای']],
      ['raisi', ['raeisi', 'raeesi', 'رئیسی']],
      ['ebrahim raisi', ['ابراهیم رئیسی']],
      ['amir abdollahian', ['امیرعبداللهیان', 'امیر عبداللهیان']],
      ['hossein amir abdollahian', ['حسین امیرعبداللهیان']],
      ['nilforoushan', ['نیلفروشان']],
      ['nasrallah', ['nasrullah', 'nasralla', 'نصر الله', 'نصرالله']],
      ['hassan nasrallah', ['حسن نصر الله']],
      ['haniyeh', ['هنية']],
      ['ismail haniyeh', ['إسماعيل هنية']],
      ['hamas', ['حماس']],
      ['zelensky', ['zelenskyy', 'zelenskiy', 'zelenskyi', 'zelenskii']],
      ['qatar', ['katar']],
      ['tehran', ['teheran', 'تهران']],
      ['ashgabat', ['ashkhabad', 'ashgabad']],
    ] as const
  ).map(([name, variants]) => [name, variants.map(searchFold)]),
);

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
