import { createHash } from 'node:crypto';
import { countryCodeForSipriName, countryName, hostCountryForSipriName, isFormerCountry } from '../../domain/countries.js';
import { countryId } from '../../domain/ids.js';
import {
  type ArmsDelivery,
  type CountryRecord,
  checkRecord,
  type DealRecord,
  type OrganizationRecord,
  type SourceRecord,
  snapshotTime,
} from '../../domain/records.js';
import { slugify } from '../../domain/text.js';
import { type Line, readLines } from '../lines.js';
import type { Parsed } from '../parsed.js';
import { KNOWN_PARTIES } from './sipri-party-catalogue.js';

/**
 * Parser of the CSV exports of the SIPRI Arms Transfers Database, in both layouts SIPRI
 * offers: one row per deal (the "trade register") and one row per deal and delivery year.
 * The exports have no quoting (SIPRI writes ";" for every comma inside text), so a row
 * splits on ",".
 */

const DEAL_COLUMNS = [
  'Recipient',
  'Supplier',
  'Year of order',
  '',
  'Number ordered',
  '',
  'Weapon designation',
  'Weapon description',
  'Number delivered',
  '',
  'Year(s) of delivery',
  'status',
  'Comments',
  'SIPRI TIV per unit',
  'SIPRI TIV for total order',
  'SIPRI TIV of delivered weapons',
];

const DELIVERY_COLUMNS = [
  'SIPRI AT Database ID',
  'Supplier',
  'Recipient',
  'Designation',
  'Description',
  'Armament category',
  'Order date',
  'Order date is estimate',
  'Numbers delivered',
  'Numbers delivered is estimate',
  'Delivery year',
  'Delivery year is estimate',
  'Status',
  'SIPRI estimate',
  'TIV deal unit',
  'TIV delivery values',
  'Local production',
];

type Layout = 'deal' | 'delivery';
type Refusal = Extract<Parsed, { ok: false }>;

/** SIPRI puts 11 lines before the header; a file without one this far in is not an export. */
const MAX_PREAMBLE_LINES = 50;
const MAX_EXCERPT = 4000;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SOURCE_TITLE = 'SIPRI Arms Transfers Database';
const SOURCE_PUBLISHER = 'Stockholm International Peace Research Institute (SIPRI)';
const SOURCE_URL = 'https://www.sipri.org/databases/armstransfers';

/**
 * Reads a SIPRI Arms Transfers export (Latin-1 bytes) and yields, as it streams: the SIPRI
 * source, each party the first time it appears (country or organization, mode 'ensure'),
 * and one deal per record (mode 'upsert'). Rows it cannot read are refused with their line
 * number and a reason; the rest of the file is still read.
 */
export async function* parseSipri(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Parsed> {
  const lines = readLines(chunks, 'latin1');
  const start = await readPreamble(lines);
  if ('reason' in start) {
    await lines.return(undefined); // closes the input rather than leaving it half read
    yield start;
    return;
  }
  const source = sourceRecord(start.generated);
  // Every record is dated by the export, so an older export never replaces a newer one's data.
  const snapshot = snapshotTime(start.generated);
  const checked = (line: number, raw: unknown, mode: 'upsert' | 'ensure'): Parsed => {
    const result = checkRecord(raw);
    return result.ok ? { line, ok: true, record: result.record, mode, snapshot } : { line, ok: false, reason: result.reason };
  };
  yield checked(start.dateLine, source, 'upsert');
  const parties = new Parties(source.id);
  const rows = joinBrokenRows(lines, start.layout === 'deal' ? DEAL_COLUMNS.length : DELIVERY_COLUMNS.length);
  const deals = start.layout === 'deal' ? dealLevelDeals(rows) : perDeliveryDeals(rows);
  for await (const deal of deals) {
    if ('reason' in deal) {
      yield deal;
      continue;
    }
    const supplier = parties.resolve(deal.supplier);
    const recipient = parties.resolve(deal.recipient);
    for (const party of [supplier, recipient]) {
      for (const record of party.records ?? []) yield checked(deal.line, record, 'ensure');
    }
    yield checked(deal.line, dealRecord(deal, supplier, recipient, source.id), 'upsert');
  }
}

// ---------------------------------------------------------------- preamble and header

interface Start {
  layout: Layout;
  generated: string;
  dateLine: number;
}

async function readPreamble(lines: AsyncIterator<Line>): Promise<Start | Refusal> {
  let generated: { date: string; line: number } | undefined;
  for (let read = 0; read < MAX_PREAMBLE_LINES; read += 1) {
    const next = await lines.next();
    if (next.done) break;
    const { number, text } = next.value;
    if (text.startsWith('Data generated:')) {
      const date = generatedDate(text);
      if (!date) return refusal(number, `cannot read the date in "${text.trim()}" (expected e.g. "Data generated: 18 May 2026")`);
      generated = { date, line: number };
      continue;
    }
    const layout = layoutOf(text);
    if (layout) {
      if (!generated) return refusal(number, 'no "Data generated: …" line before the header, so the export cannot be dated');
      return { layout, generated: generated.date, dateLine: generated.line };
    }
    if (text.startsWith('Recipient,') || text.startsWith('SIPRI AT Database ID,')) {
      return refusal(
        number,
        `the header's columns are not those of a SIPRI export (${DEAL_COLUMNS.length} for deals, ${DELIVERY_COLUMNS.length} per delivery)`,
      );
    }
  }
  return refusal(
    1,
    `not a SIPRI Arms Transfers export: no header line ("Recipient,Supplier,Year of order,…" or "SIPRI AT Database ID,Supplier,Recipient,…") in the first ${MAX_PREAMBLE_LINES} lines`,
  );
}

function refusal(line: number, reason: string): Refusal {
  return { line, ok: false, reason };
}

/** "Data generated: 18 May 2026 2:29:20 PM" -> "2026-05-18". */
function generatedDate(text: string): string | null {
  const m = /^Data generated:\s*(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})\b/.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
  if (month === 0) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
}

function layoutOf(text: string): Layout | null {
  const cells = text.split(',').map((cell) => cell.trim());
  if (sameColumns(cells, DEAL_COLUMNS)) return 'deal';
  if (sameColumns(cells, DELIVERY_COLUMNS)) return 'delivery';
  return null;
}

function sameColumns(cells: string[], expected: string[]): boolean {
  return cells.length === expected.length && cells.every((cell, i) => cell === expected[i]);
}

function sourceRecord(generated: string): SourceRecord {
  return {
    type: 'source',
    id: `source:sipri-arms-transfers-${generated}`,
    title: SOURCE_TITLE,
    publisher: SOURCE_PUBLISHER,
    url: SOURCE_URL,
    publishedOn: generated,
  };
}

// ---------------------------------------------------------------- rows

interface Row {
  line: number;
  /** The record as written (two lines joined by a space when it was broken). */
  text: string;
  cells: string[];
}

/**
 * Splits lines into rows of `columns` cells. Older exports break a record where its
 * Comments held a raw line break: a short line that makes exactly `columns` cells with the
 * next one is that record. Anything else with the wrong count is refused on its own.
 */
async function* joinBrokenRows(lines: AsyncIterable<Line>, columns: number): AsyncGenerator<Row | Refusal> {
  type Held = { line: Line; count: number };
  let held: Held | null = null;
  for await (const line of lines) {
    if (line.text.trim() === '') continue;
    const cells = line.text.split(',');
    if (held) {
      const first: Held = held;
      held = null;
      if (first.count + cells.length - 1 === columns) {
        const text = `${first.line.text} ${line.text}`;
        yield { line: first.line.number, text, cells: text.split(',') };
        continue;
      }
      yield wrongCount(first.line.number, columns, first.count);
    }
    if (cells.length === columns) yield { line: line.number, text: line.text, cells };
    else if (cells.length < columns) held = { line, count: cells.length };
    else yield wrongCount(line.number, columns, cells.length);
  }
  if (held) yield wrongCount(held.line.number, columns, held.count);
}

function wrongCount(line: number, expected: number, found: number): Refusal {
  return refusal(line, `expected ${expected} columns, found ${found}`);
}

/** A value the row cannot be read with; the row is refused with this message. */
class RowProblem extends Error {}

function readRow<T>(row: Row, read: (row: Row) => T): T | Refusal {
  try {
    return read(row);
  } catch (error) {
    if (error instanceof RowProblem) return refusal(row.line, error.message);
    throw error;
  }
}

function count(value: string, column: string): number | undefined {
  if (value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new RowProblem(`${column} "${value}" is not a whole number`);
  return Number(value);
}

function tiv(value: string, column: string): number | undefined {
  if (value === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new RowProblem(`${column} "${value}" is not a number`);
  return Number(value);
}

function year(value: string, column: string): string {
  if (!/^\d{4}$/.test(value)) throw new RowProblem(`${column} "${value}" is not a year`);
  return value;
}

function party(value: string, column: string): string {
  const name = value.trim();
  if (name === '') throw new RowProblem(`${column} is empty`);
  return name;
}

/** The deal-level "?" columns: empty, or "?" when the value before them is uncertain. */
function questionMark(value: string, column: string): boolean {
  if (value === '' || value === '?') return value === '?';
  throw new RowProblem(`the uncertainty column after ${column} holds "${value}" instead of "?" or nothing`);
}

function yesNo(value: string, column: string): boolean {
  if (value === 'Yes' || value === 'No') return value === 'Yes';
  throw new RowProblem(`${column} "${value}" is neither Yes nor No`);
}

// ---------------------------------------------------------------- deals

/** What a deal says, with its parties still as SIPRI names them. */
interface DealFacts {
  id: string;
  line: number;
  excerpt: string;
  supplier: string;
  recipient: string;
  orderYear: string;
  orderYearUncertain: boolean;
  designation: string;
  description: string;
  ordered?: number | undefined;
  orderedUncertain: boolean;
  delivered?: number | undefined;
  deliveredUncertain: boolean;
  deliveryYears: number[];
  /** What was delivered in each year, where the export says it; empty otherwise. */
  deliveries: ArmsDelivery[];
  condition: string;
  tiv: { perUnit?: number | undefined; total?: number | undefined; delivered?: number | undefined };
  comments: string;
}

async function* dealLevelDeals(rows: AsyncIterable<Row | Refusal>): AsyncGenerator<DealFacts | Refusal> {
  // Exact repeats of (recipient, supplier, year, designation) are separate deals; counting
  // them in file order keeps each one's id the same from one run to the next.
  const dealId = dealIds();
  for await (const row of rows) {
    if ('reason' in row) {
      yield row;
      continue;
    }
    const cells = row.cells.map((cell) => cell.trim());
    const id = dealId(cells[0] ?? '', cells[1] ?? '', cells[2] ?? '', cells[6] ?? '');
    yield readRow(row, () => dealLevelFacts(row, cells, id));
  }
}

/**
 * The id of a SIPRI deal, the same from either layout: the deal-level layout has no deal
 * identifier, so the id is derived from what both layouts give — recipient, supplier, year of
 * order and designation, as SIPRI writes them — and, for exact repeats (separate deals SIPRI
 * lists alike), the occurrence in file order. One counter per file.
 */
function dealIds(): (recipient: string, supplier: string, orderYear: string, designation: string) => string {
  const occurrences = new Map<string, number>();
  return (recipient, supplier, orderYear, designation) => {
    const key = [recipient, supplier, orderYear, designation].join('|');
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return `deal:sipri-${sha256(`${key}|${occurrence}`).slice(0, 12)}`;
  };
}

function dealLevelFacts(row: Row, cells: string[], id: string): DealFacts {
  const [recipient = '', supplier = '', orderYear = '', orderYearQ = '', ordered = '', orderedQ = ''] = cells;
  const [designation = '', description = '', delivered = '', deliveredQ = '', deliveryYears = '', condition = ''] = cells.slice(6);
  const [comments = '', perUnit = '', total = '', tivDelivered = ''] = cells.slice(12);
  const quantity = count(ordered, 'Number ordered');
  const years =
    deliveryYears === '' ? [] : [...new Set(deliveryYears.split(';').map((y) => Number(year(y.trim(), 'Year(s) of delivery'))))];
  const numberDelivered = count(delivered, 'Number delivered');
  const numberDeliveredUncertain = questionMark(deliveredQ, 'Number delivered');
  const tivOfDelivered = tiv(tivDelivered, 'SIPRI TIV of delivered weapons');
  const [onlyYear] = years;
  return {
    id,
    line: row.line,
    excerpt: row.text,
    recipient: party(recipient, 'Recipient'),
    supplier: party(supplier, 'Supplier'),
    orderYear: year(orderYear, 'Year of order'),
    orderYearUncertain: questionMark(orderYearQ, 'Year of order'),
    designation,
    description,
    ordered: quantity,
    orderedUncertain: questionMark(orderedQ, 'Number ordered'),
    delivered: numberDelivered,
    deliveredUncertain: numberDeliveredUncertain,
    deliveryYears: years,
    // This layout gives totals over all years of delivery: with a single year, they are that
    // year's figures; with several, how they split between the years is not known.
    deliveries:
      years.length === 1 && onlyYear !== undefined && (numberDelivered !== undefined || tivOfDelivered !== undefined)
        ? [{ year: onlyYear, delivered: numberDelivered, tiv: tivOfDelivered, estimate: numberDeliveredUncertain }]
        : [],
    condition,
    tiv: {
      perUnit: tiv(perUnit, 'SIPRI TIV per unit'),
      // SIPRI writes 0 when the number ordered is not known; that is no total.
      total: quantity === undefined ? undefined : tiv(total, 'SIPRI TIV for total order'),
      delivered: tivOfDelivered,
    },
    comments,
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** One delivery row of the per-delivery layout. */
interface Delivery {
  row: Row;
  atId: string;
  supplier: string;
  recipient: string;
  designation: string;
  description: string;
  orderYear: string;
  orderYearUncertain: boolean;
  delivered: number | undefined;
  deliveredUncertain: boolean;
  deliveryYear: number;
  deliveryYearUncertain: boolean;
  condition: string;
  tivPerUnit: number | undefined;
  tivDelivered: number | undefined;
  localProduction: boolean;
}

/**
 * Groups the rows of one SIPRI AT Database ID into one deal. SIPRI writes them one after
 * the other (true of every file checked), so only the current deal is held; rows of a deal
 * already yielded are refused rather than silently overwriting it with part of its rows.
 */
async function* perDeliveryDeals(rows: AsyncIterable<Row | Refusal>): AsyncGenerator<DealFacts | Refusal> {
  const finished = new Map<string, number>();
  const dealId = dealIds();
  let group: Delivery[] = [];
  for await (const row of rows) {
    if ('reason' in row) {
      yield row;
      continue;
    }
    const delivery = readRow(row, readDelivery);
    if ('reason' in delivery) {
      yield delivery;
      continue;
    }
    const first = group[0];
    if (first && first.atId !== delivery.atId) {
      yield groupFacts(group, dealId(first.recipient, first.supplier, first.orderYear, first.designation));
      finished.set(first.atId, first.row.line);
      group = [];
    }
    const earlier = finished.get(delivery.atId);
    if (earlier !== undefined) {
      yield refusal(
        row.line,
        `SIPRI AT Database ID ${delivery.atId} was already read as a deal from line ${earlier}; its rows are not consecutive, so this one is left out`,
      );
    } else if (first && first.atId === delivery.atId && !sameDeal(first, delivery)) {
      yield refusal(
        row.line,
        `the row disagrees with line ${first.row.line} on the supplier, recipient, designation or order date of SIPRI AT Database ID ${delivery.atId}`,
      );
    } else {
      group.push(delivery);
    }
  }
  const last = group[0];
  if (last) yield groupFacts(group, dealId(last.recipient, last.supplier, last.orderYear, last.designation));
}

function readDelivery(row: Row): Delivery {
  const cells = row.cells.map((cell) => cell.trim());
  const [atId = '', supplier = '', recipient = '', designation = '', description = '', , orderYear = '', orderEstimate = ''] = cells;
  const [
    delivered = '',
    deliveredEstimate = '',
    deliveryYear = '',
    deliveryYearEstimate = '',
    condition = '',
    ,
    tivPerUnit = '',
    tivDelivered = '',
    local = '',
  ] = cells.slice(8);
  if (!/^\d+$/.test(atId)) throw new RowProblem(`SIPRI AT Database ID "${atId}" is not a number`);
  return {
    row,
    atId,
    supplier: party(supplier, 'Supplier'),
    recipient: party(recipient, 'Recipient'),
    designation,
    description,
    orderYear: year(orderYear, 'Order date'),
    orderYearUncertain: yesNo(orderEstimate, 'Order date is estimate'),
    delivered: count(delivered, 'Numbers delivered'),
    deliveredUncertain: yesNo(deliveredEstimate, 'Numbers delivered is estimate'),
    deliveryYear: Number(year(deliveryYear, 'Delivery year')),
    deliveryYearUncertain: yesNo(deliveryYearEstimate, 'Delivery year is estimate'),
    condition,
    tivPerUnit: tiv(tivPerUnit, 'TIV deal unit'),
    tivDelivered: tiv(tivDelivered, 'TIV delivery values'),
    localProduction: yesNo(local, 'Local production'),
  };
}

function sameDeal(a: Delivery, b: Delivery): boolean {
  return a.supplier === b.supplier && a.recipient === b.recipient && a.designation === b.designation && a.orderYear === b.orderYear;
}

function groupFacts(group: Delivery[], id: string): DealFacts {
  const first = group[0] as Delivery;
  const deliveries = deliveriesByYear(group);
  const tivs = deliveries.map((d) => d.tiv).filter((t) => t !== undefined);
  return {
    id,
    line: first.row.line,
    excerpt: group.map((d) => d.row.text).join('\n'),
    supplier: first.supplier,
    recipient: first.recipient,
    orderYear: first.orderYear,
    orderYearUncertain: first.orderYearUncertain,
    designation: first.designation,
    description: first.description,
    // This layout does not give the number ordered.
    orderedUncertain: false,
    delivered: group.reduce((sum, d) => sum + (d.delivered ?? 0), 0),
    deliveredUncertain: group.some((d) => d.deliveredUncertain),
    deliveryYears: deliveries.map((d) => d.year),
    deliveries,
    condition: first.condition,
    // TIV deal unit already counts second-hand weapons at SIPRI's reduced rate; "SIPRI
    // estimate" is the value of a new one. The TIV delivered is the sum of the years' TIV, so
    // that totals by year of delivery add up to the deal's.
    tiv: { perUnit: first.tivPerUnit, delivered: tivs.length > 0 ? roundTiv(tivs.reduce((sum, t) => sum + t, 0)) : undefined },
    comments: group.some((d) => d.localProduction) ? 'Local production' : '',
  };
}

/**
 * The deliveries of a per-delivery deal, one per year in year order: rows of the same year
 * (none in the exports checked, but nothing forbids them) are summed, and the year counts as
 * an estimate when any of its rows flags the number or the year as one.
 */
function deliveriesByYear(group: Delivery[]): ArmsDelivery[] {
  const years = new Map<number, ArmsDelivery>();
  for (const row of group) {
    const held = years.get(row.deliveryYear);
    const tivSum = sumKnown(held?.tiv, row.tivDelivered);
    years.set(row.deliveryYear, {
      year: row.deliveryYear,
      delivered: sumKnown(held?.delivered, row.delivered),
      tiv: tivSum === undefined ? undefined : roundTiv(tivSum),
      estimate: held?.estimate === true || row.deliveredUncertain || row.deliveryYearUncertain,
    });
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** The sum of the values that are known; undefined when neither is. */
function sumKnown(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}

/** Sums of SIPRI's two-decimal values, without binary floating-point noise (16.800000000000001). */
function roundTiv(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The deal's progress follows from the numbers; SIPRI's "status" is the weapons' condition. */
function dealStatus(ordered: number | undefined, delivered: number | undefined): DealRecord['status'] {
  if (!delivered) return 'AGREED';
  if (ordered === undefined || delivered < ordered) return 'DELIVERING';
  return 'DELIVERED';
}

function dealRecord(deal: DealFacts, supplier: Party, recipient: Party, source: string): DealRecord {
  const known = deal.ordered !== undefined;
  const tivValues = defined(deal.tiv);
  return defined({
    type: 'deal',
    id: deal.id,
    supplier: supplier.id,
    recipient: recipient.id,
    items: [
      defined({
        designation: deal.designation || undefined,
        description: deal.description,
        quantity: deal.ordered,
        quantityUncertain: known ? deal.orderedUncertain : undefined,
        delivered: deal.delivered,
        deliveredUncertain: deal.delivered === undefined ? undefined : deal.deliveredUncertain,
        deliveryYears: deal.deliveryYears.length > 0 ? deal.deliveryYears : undefined,
        condition: deal.condition || undefined,
      }),
    ],
    tiv: Object.keys(tivValues).length > 0 ? tivValues : undefined,
    deliveries: deal.deliveries.length > 0 ? deal.deliveries.map((d) => defined(d)) : undefined,
    agreedOn: deal.orderYear,
    agreedOnUncertain: deal.orderYearUncertain,
    status: dealStatus(deal.ordered, deal.delivered),
    confidence: 'CONFIRMED',
    summary: summary(deal, supplier, recipient),
    comments: deal.comments || undefined,
    citations: [{ source, excerpt: deal.excerpt.slice(0, MAX_EXCERPT) }],
  });
}

/** The object without its undefined properties, so that records carry no empty keys. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const numberFormat = new Intl.NumberFormat('en-US');

/** "Iran ordered 24 Yak-130 trainer/combat aircraft from Russia in 2022; 6 delivered in 2023-2024 (SIPRI)." */
function summary(deal: DealFacts, supplier: Party, recipient: Party): string {
  const sameWords = deal.designation.toLowerCase() === deal.description.toLowerCase();
  const weapon = [deal.ordered === undefined ? '' : numberFormat.format(deal.ordered), deal.designation, sameWords ? '' : deal.description]
    .filter(Boolean)
    .join(' ');
  let text = `${recipient.label} ordered ${weapon} from ${supplier.label} in ${deal.orderYear}`;
  if (deal.delivered) {
    const first = deal.deliveryYears[0];
    const last = deal.deliveryYears.at(-1);
    const when = first === undefined ? '' : first === last ? ` in ${first}` : ` in ${first}-${last}`;
    text += `; ${numberFormat.format(deal.delivered)} delivered${when}`;
  }
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} (SIPRI).`;
}

// ---------------------------------------------------------------- parties

interface Party {
  id: string;
  /** How the summary names the party. */
  label: string;
  /**
   * The party's record, present only the first time the party is seen, after the record of
   * the country a non-state party belongs to when that country has not been seen yet (a
   * record must exist before another can refer to it).
   */
  records?: (CountryRecord | OrganizationRecord)[];
  /** The country a non-state party belongs to, by code. */
  host?: string;
}

const UNKNOWN_PARTIES: ReadonlyMap<string, { id: string; name: string; label: string }> = new Map([
  ['unknown supplier(s)', { id: 'organization:unknown-supplier', name: 'Unknown supplier', label: 'an unknown supplier' }],
  ['unknown recipient(s)', { id: 'organization:unknown-recipient', name: 'Unknown recipient', label: 'an unknown recipient' }],
]);

/** The parties of one file, by SIPRI name; each party's record is handed out once. */
class Parties {
  private readonly known = new Map<string, Party>();
  private readonly announced = new Set<string>();

  constructor(private readonly source: string) {}

  resolve(name: string): Party {
    let party = this.known.get(name);
    if (!party) {
      party = describeParty(name, this.source);
      this.known.set(name, party);
    }
    // Two SIPRI names can stand for one country ("UAE", "United Arab Emirates").
    if (this.announced.has(party.id)) return { id: party.id, label: party.label };
    this.announced.add(party.id);
    if (party.host === undefined || this.announced.has(countryId(party.host))) return party;
    // The country a group belongs to comes first, so that the group's reference to it resolves.
    const host = describeCountry(party.host);
    this.announced.add(host.id);
    return { ...party, records: [...(host.records ?? []), ...(party.records ?? [])] };
  }
}

function describeParty(name: string, source: string): Party {
  const citations = [{ source, excerpt: name }];
  const unknown = UNKNOWN_PARTIES.get(name.toLowerCase());
  if (unknown) {
    const record: OrganizationRecord = {
      type: 'organization',
      id: unknown.id,
      name: unknown.name,
      aliases: [name],
      kind: 'UNKNOWN',
      citations,
    };
    return { id: unknown.id, label: unknown.label, records: [record] };
  }
  const code = countryCodeForSipriName(name);
  if (code) return describeCountry(code, name);
  // "NATO**" is an international organisation; "Hezbollah (Lebanon)*" a non-state group,
  // and so are the breakaway territories SIPRI lists without a star ("Biafra").
  const stars = /\*+$/.exec(name)?.[0].length ?? 0;
  const bare = name.slice(0, name.length - stars).trim();
  const known = KNOWN_PARTIES.get(bare);
  if (known) {
    const record: OrganizationRecord = {
      type: 'organization',
      id: known.id,
      name: known.name,
      aliases: known.name === bare ? [] : [bare],
      kind: known.kind,
      ...(known.country && { country: known.country }),
      citations,
    };
    return { id: known.id, label: withArticle(known.name), records: [record], ...(known.country && { host: known.country }) };
  }
  const country = partyCountry(bare);
  const record: OrganizationRecord = {
    type: 'organization',
    id: `organization:sipri-${slugify(bare)}`,
    name: bare,
    aliases: [],
    kind: stars >= 2 ? 'INTERNATIONAL_ORGANIZATION' : 'NON_STATE_GROUP',
    ...(country && { country }),
    citations,
  };
  return { id: record.id, label: withArticle(bare), records: [record], ...(country && { host: country }) };
}

/** A country party, by ISO code, with the name SIPRI gave it as an alias when it differs. */
function describeCountry(code: string, sipriName?: string): Party {
  const official = countryName(code) ?? sipriName ?? code;
  const record: CountryRecord = {
    type: 'country',
    id: countryId(code),
    code,
    name: official,
    aliases: sipriName === undefined || official === sipriName ? [] : [sipriName],
    former: isFormerCountry(code),
  };
  return { id: record.id, label: withArticle(official), records: [record] };
}

/** "the United States", "the Soviet Union", "the Netherlands": names read in a sentence. */
function withArticle(name: string): string {
  return /^(United |Netherlands|Philippines|Bahamas|Gambia|Comoros|Maldives|Seychelles)|Republic|Islands|Union$/.test(name)
    ? `the ${name}`
    : name;
}

/**
 * Where a non-state party belongs: the country SIPRI puts in parentheses ("Hezbollah
 * (Lebanon)"), the country of "Syria rebels", or the state a breakaway territory left.
 * None when SIPRI names two ("Israel/Palestine").
 */
function partyCountry(bare: string): string | null {
  const inParentheses = /\(([^()]+)\)$/.exec(bare)?.[1];
  if (inParentheses !== undefined) return countryCodeForSipriName(inParentheses);
  const rebelsOf = /^(.+) rebels$/i.exec(bare)?.[1];
  if (rebelsOf !== undefined) return countryCodeForSipriName(rebelsOf);
  return hostCountryForSipriName(bare);
}
