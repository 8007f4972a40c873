/**
 * Folds a name for matching: accents removed, case folded, punctuation turned into
 * spaces, runs of spaces collapsed. "Amir-Abdollahian" and "amir abdollahian" fold alike.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A readable id fragment: "Hezbollah (Lebanon)" -> "hezbollah-lebanon". */
export function slugify(text: string): string {
  return foldName(text).replace(/ /g, '-');
}

/**
 * Every suffix of a folded name that starts at a word: "vladimir putin" gives
 * "vladimir putin" and "putin", so a prefix search finds a leader by any name part.
 */
export function wordSuffixes(folded: string): string[] {
  const words = folded.split(' ').filter(Boolean);
  return words.map((_, i) => words.slice(i).join(' '));
}
