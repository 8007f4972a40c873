import { type DateRange, dateRange } from './partial-date.js';
import type { RoleRecord } from './records.js';

/** Days before and after any date a role can have: an open end stretches to them. */
const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';

/**
 * The days a role is known to have been held, or null when nothing dates it.
 *
 * - A start with no end: held from the start on (still held, or its end is not known).
 * - No start: held from the first date the source shows it held (`heldOn`), or from its end.
 * - No end: held to the last `heldOn` date, unless a start says it runs on.
 * - Neither start, end nor `heldOn`: no dates, so it matches no `activeOn` rather than every one.
 */
export function roleSpan(role: RoleRecord): DateRange | null {
  const held = (role.heldOn ?? []).map((d) => dateRange(d));
  const start = role.start ? dateRange(role.start) : null;
  const end = role.end ? dateRange(role.end) : null;
  if (!start && !end && held.length === 0) return null;
  const firstHeld = held.map((h) => h.start).sort()[0];
  const lastHeld = held
    .map((h) => h.end)
    .sort()
    .at(-1);
  return {
    start: start?.start ?? firstHeld ?? end?.start ?? FIRST_DAY,
    end: end?.end ?? (start ? LAST_DAY : (lastHeld ?? LAST_DAY)),
  };
}
