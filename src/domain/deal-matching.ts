import type { DealRecord } from './records.js';

/**
 * The rule that decides whether a register record (SIPRI, one weapon designation per deal)
 * describes the same transfer as a curated deal (a news article's, which may group several
 * designations or name none). It is deterministic: the same two records always give the same
 * answer. docs/deal-matching.md states it and its measured precision.
 *
 * 1. Same supplier and same recipient (ids, after SIPRI parties are mapped to known entities).
 * 2. Compatible years: with a date of agreement, SIPRI's year of order is at most one year
 *    from it (sources date an order by signature, announcement or first payment); with only a
 *    date of disclosure, the order came in that year or the two before it.
 * 3. A shared item: the same designation family ("Su-35" and "Su-35S", "Mi-28" and "Mi-28N":
 *    letters and the first number), or, for a curated item with no designation, the same
 *    category of weapon by description ("drones" and "one-way attack drone").
 */

type Item = DealRecord['items'][number];

/** The family of a designation: its letters and first number, "SU35" for "Su-35S" or "SU 35". */
export function designationFamily(designation: string): string | null {
  const m = /^([A-Za-z]*)[\s-]*(\d+)/.exec(designation.trim());
  if (!m) return null;
  return `${(m[1] ?? '').toUpperCase()}${m[2]}`;
}

/** Categories of weapon, each with words that name it in either source's descriptions. */
const CATEGORIES: readonly [string, RegExp][] = [
  ['drone', /\b(drones?|uavs?)\b/i],
  ['ballistic missile', /\b(ballistic missiles?|surface-to-surface missiles?|srbms?)\b/i],
  ['air defence', /\b(air[- ]defen[cs]e|surface-to-air missiles?|sam systems?)\b/i],
  ['radar', /\bradars?\b/i],
  ['fighter', /\bfighter\b/i],
  ['helicopter', /\bhelicopters?\b/i],
];

/** The categories a description names. */
export function categoriesOf(description: string): string[] {
  return CATEGORIES.filter(([, pattern]) => pattern.test(description)).map(([name]) => name);
}

/** Whether a curated item and a register item are the same kind of weapon (rule 3). */
export function itemsMatch(curated: Item, register: Item): boolean {
  if (curated.designation && register.designation) {
    const family = designationFamily(curated.designation);
    return family !== null && family === designationFamily(register.designation);
  }
  if (curated.designation) return false;
  const wanted = categoriesOf(curated.description);
  const offered = categoriesOf(`${register.description} ${register.designation ?? ''}`);
  return wanted.some((c) => offered.includes(c));
}

const yearOf = (date: string | undefined) => (date ? Number(date.slice(0, 4)) : null);

/** Whether the register's year of order fits the curated deal's dates (rule 2). */
export function yearsMatch(curated: DealRecord, register: DealRecord): boolean {
  const ordered = yearOf(register.agreedOn);
  if (ordered === null) return false;
  const agreed = yearOf(curated.agreedOn);
  if (agreed !== null) return Math.abs(ordered - agreed) <= 1;
  const disclosed = yearOf(curated.disclosedOn);
  return disclosed !== null && ordered <= disclosed && ordered >= disclosed - 2;
}

/** The curated deal's item that a register record's item is, or undefined when none is. */
export function matchingItem(curated: DealRecord, register: DealRecord): Item | undefined {
  return curated.items.find((item) => register.items.some((r) => itemsMatch(item, r)));
}

/** Whether the register record describes the curated deal's transfer (rules 1 to 3). */
export function dealsMatch(curated: DealRecord, register: DealRecord): boolean {
  return (
    curated.supplier === register.supplier &&
    curated.recipient === register.recipient &&
    yearsMatch(curated, register) &&
    matchingItem(curated, register) !== undefined
  );
}
