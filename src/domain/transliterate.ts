/**
 * Folding of non-Latin scripts to Latin for search, so that a name written in Cyrillic finds
 * the record written in English ("Путин" finds Putin) and the other way round.
 *
 * Cyrillic follows BGN/PCGN romanization of Russian (1947), the system English-language
 * news and gazetteers use: "Сергей Лавров" → "Sergey Lavrov", "Ельцин" → "Yeltsin". The soft
 * and hard signs are dropped (BGN/PCGN writes them as apostrophes, which folding removes).
 *
 * Persian and Arabic script has no vowels to carry over, so no scheme gives the English
 * spelling; it is folded within itself instead (Arabic ي/ك and Persian ی/ک alike, tatweel and
 * zero-width non-joiners removed, hamza seats made plain letters), so a name stored in Persian
 * script (an alias, or a spelling of `SEARCH_VARIANTS`) is found by the same name typed with
 * either keyboard.
 */

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian and Belarusian letters, as their BGN/PCGN systems write them.
  є: 'ye',
  і: 'i',
  ї: 'yi',
  ґ: 'g',
  ў: 'w',
};

/** BGN/PCGN writes е and ё as "ye" at the start of a word and after a vowel or a sign. */
const YE_AFTER = new Set([...'аеёиоуыэюяйъьєії']);

const PERSIAN: Readonly<Record<string, string>> = {
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  ة: 'ه',
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ؤ: 'و',
  // Hamza seated on a yeh or heh is written with or without it ("رئیس", "رییس"); left in, Unicode's
  // decomposition (NFKD) would turn the seat into the Arabic yeh, which no other letter folds to.
  ئ: 'ی',
  ۀ: 'ه',
  ـ: '',
  '\u200c': '',
  '\u200d': '',
};

/** Text with Cyrillic written in Latin letters (BGN/PCGN) and Persian/Arabic letter variants unified. */
export function transliterate(text: string): string {
  let out = '';
  let previous = ' ';
  for (const char of text) {
    const lower = char.toLowerCase();
    const cyrillic = CYRILLIC[lower];
    if (cyrillic !== undefined) {
      const startsWord = !/\p{L}/u.test(previous);
      const latin = (lower === 'е' || lower === 'ё') && (startsWord || YE_AFTER.has(previous)) ? 'ye' : cyrillic;
      out += lower === char ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    } else {
      out += PERSIAN[char] ?? char;
    }
    previous = lower;
  }
  return out;
}
