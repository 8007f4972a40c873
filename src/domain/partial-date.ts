import { ValidationError } from '../errors.js';

/**
 * A date known to year, month or day precision: "2022", "2022-07", "2024-10-11".
 * It stands for the whole range it covers: "2022" is 2022-01-01..2022-12-31.
 */
export interface DateRange {
  /** First day covered, YYYY-MM-DD. */
  start: string;
  /** Last day covered, YYYY-MM-DD. */
  end: string;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** True when `text` is a valid PartialDate (real month and day, year 0001-9999). */
export function isPartialDate(text: string): boolean {
  return toRange(text) !== null;
}

function toRange(text: string): DateRange | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1) return null;
  if (m[2] === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  if (m[3] === undefined) return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(last)}` };
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  return { start: text, end: text };
}

/**
 * The range a PartialDate covers.
 * @throws ValidationError when `text` is not a PartialDate.
 */
export function dateRange(text: string, what = 'date'): DateRange {
  const range = toRange(text);
  if (!range) {
    throw new ValidationError(`${what} "${truncate(text)}" is not a date like 2022, 2022-07 or 2024-10-11`);
  }
  return range;
}

/** The range from the start of `start` to the end of `end` (or of `start` when `end` is absent). */
export function spanRange(start: string, end?: string): DateRange {
  return { start: dateRange(start).start, end: dateRange(end ?? start).end };
}

/**
 * Whether two ranges share at least one day. This is the meaning of every date filter:
 * `from`/`to` keep the facts whose range overlaps [from.start, to.end], and `activeOn`
 * keeps the roles whose [start, end] overlaps the day, month or year asked for.
 */
export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.start <= b.end && a.end >= b.start;
}

/** The day one year before `day` (YYYY-MM-DD), for key ranges that must catch year-precision facts. */
export function yearBefore(day: string): string {
  const year = Number(day.slice(0, 4));
  return `${pad(Math.max(year - 1, 0), 4)}${day.slice(4)}`;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
