/**
 * `npm run gen -- --items N [--seed S] [--out FILE]`: writes a synthetic feed of N records in
 * the format of `data/` (a header line, then one record per line, each checked with the
 * validators of src/domain/records.ts), shaped like the real knowledge base: deals the
 * largest part as in SIPRI's register, many leaders and meetings, and a few very busy
 * leaders, actors and country pairs whose lists grow with N. The same N and seed always give
 * the same file. The scale bench uses `generateRecords` directly.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { countryName, isFormerCountry } from '../src/domain/countries.js';
import { checkRecord, type EntityRecord, FEED_FORMAT, FEED_VERSION } from '../src/domain/records.js';

/** The busiest of each kind, for the benches to ask about. */
export const BUSY = {
  leader: 'leader:gen-00000',
  /** Supplier and recipient of a quarter of all deals. */
  supplier: 'RU',
  recipient: 'IN',
  /** The first actor of a sixth of all events, and a likely pick for the others' parties too. */
  actor: 'country:RU',
  /** The start of every synthetic leader's family name: a search whose hits grow with N. */
  namePrefix: 'gen',
} as const;

/** Share of the records of each kind; deals take what is left. */
const SHARES = { organization: 0.02, leader: 0.08, meeting: 0.15, event: 0.1, statement: 0.07 } as const;

const FIRST_NAMES = [
  'Anna',
  'Boris',
  'Chen',
  'Dara',
  'Emil',
  'Farah',
  'Goran',
  'Hana',
  'Ivan',
  'Jamal',
  'Kira',
  'Luis',
  'Mira',
  'Nikos',
  'Omar',
  'Priya',
  'Rafael',
  'Sara',
  'Tomas',
  'Yusuf',
];
const LAST_SYLLABLES = ['ko', 'va', 'ren', 'dal', 'mir', 'sen', 'tov', 'ari', 'bek', 'lin', 'sky', 'nez', 'oun', 'vic'];
const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'Defence Minister', 'Chief of Staff'];
const EVENT_KINDS = ['MISSILE_ATTACK', 'SANCTIONS', 'ARMED_ATTACK', 'ELECTION', 'ACCUSATION', 'ARMS_DELIVERY', 'TREATY'];
const ORG_KINDS = ['GOVERNMENT_BODY', 'ARMED_FORCE', 'NON_STATE_GROUP', 'INTERNATIONAL_ORGANIZATION', 'COMPANY'] as const;
const WEAPONS = [
  ['Su-35', 'fighter aircraft'],
  ['T-90S', 'tank'],
  ['S-400', 'SAM system'],
  ['Shahed-136', 'one-way attack drone'],
  ['BrahMos', 'anti-ship missile'],
] as const;

/** Every current ISO 3166-1 code the domain knows, the busy ones first. */
function countryCodes(): string[] {
  const all: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (countryName(code) !== null && !isFormerCountry(code)) all.push(code);
    }
  }
  const first = ['RU', 'IN', 'US', 'CN', 'IR', 'IL', 'UA', 'FR'];
  return [...first, ...all.filter((c) => !first.includes(c))];
}

/** mulberry32: a small, fast generator, so the same seed gives the same data on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(5, '0');
const day = (year: number, rnd: () => number) =>
  `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;

/**
 * `items` records, valid feed records, in an order a sync can load (what is referenced first).
 * @throws Error when a generated record fails validation (a bug here, not in the data).
 */
export function generateRecords(options: { items: number; seed?: number }): EntityRecord[] {
  const rnd = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(rnd() * (high - low + 1));
  const n = options.items;
  const sourceCount = 1 + Math.floor(n / 1000);
  const codes = countryCodes().slice(0, Math.min(countryCodes().length, Math.max(8, Math.round(n * 0.01))));
  const count = (share: number) => Math.max(2, Math.floor(n * share));
  const organizations = count(SHARES.organization);
  const leaders = count(SHARES.leader);
  const meetings = count(SHARES.meeting);
  const events = count(SHARES.event);
  const statements = count(SHARES.statement);
  const deals = n - sourceCount - codes.length - organizations - leaders - meetings - events - statements;
  if (deals < 1) throw new Error(`--items ${n} is too few for every kind of record; use at least 100`);

  const records: unknown[] = [];
  const sources = Array.from({ length: sourceCount }, (_, i) => `source:gen-${pad(i)}`);
  for (const [i, id] of sources.entries()) {
    records.push({
      type: 'source',
      id,
      title: i === 0 ? 'Synthetic arms transfers register' : `Synthetic report ${i}`,
      publishedOn: '2026-05-18',
    });
  }
  const cite = () => [{ source: pick(sources) }];
  for (const code of codes) records.push({ type: 'country', id: `country:${code}`, code, name: countryName(code), aliases: [] });
  // A country weighted towards the first ones, as real activity is.
  const country = () => codes[Math.floor(codes.length * rnd() ** 2)] as string;
  for (let i = 0; i < organizations; i++) {
    records.push({
      type: 'organization',
      id: `organization:gen-${pad(i)}`,
      name: `Organisation ${i}`,
      aliases: [],
      kind: pick(ORG_KINDS),
      country: country(),
      citations: cite(),
    });
  }
  const leaderIds = Array.from({ length: leaders }, (_, i) => `leader:gen-${pad(i)}`);
  const leaderCountry = new Map<string, string>();
  leaderIds.forEach((id, i) => {
    const home = i === 0 ? BUSY.supplier : country();
    leaderCountry.set(id, home);
    const name = i === 0 ? 'Vladimir Genko' : `${pick(FIRST_NAMES)} Gen${pick(LAST_SYLLABLES)}${pick(LAST_SYLLABLES)}`;
    const start = between(1990, 2020);
    records.push({
      type: 'leader',
      id,
      name,
      aliases: [],
      country: home,
      roles: [{ title: pick(TITLES), country: home, start: String(start), ...(rnd() < 0.5 ? { end: String(start + between(1, 6)) } : {}) }],
      citations: cite(),
    });
  });
  // One participant in ten is the busiest leader (so he is at about a quarter of the meetings
  // of two to four participants), and one in twenty of the rest the next busiest.
  const participant = () => (rnd() < 0.1 ? (leaderIds[0] as string) : rnd() < 0.05 ? (leaderIds[1] as string) : pick(leaderIds));
  const meetingIds: string[] = [];
  for (let i = 0; i < meetings; i++) {
    const id = `meeting:gen-${pad(i)}`;
    meetingIds.push(id);
    const participants = [...new Set(Array.from({ length: between(2, 4) }, participant))];
    records.push({
      type: 'meeting',
      id,
      date: day(between(2000, 2025), rnd),
      status: rnd() < 0.9 ? 'HELD' : 'PLANNED',
      location: { city: `City ${between(1, 400)}`, country: leaderCountry.get(participants[0] as string) },
      participants,
      delegations: [],
      countries: [...new Set(participants.map((p) => leaderCountry.get(p) as string))],
      topics: ['trade', 'security'].slice(0, between(1, 2)),
      citations: cite(),
    });
  }
  // A quarter of the deals go from the busy supplier to the busy recipient, as a few pairs
  // dominate SIPRI's register; the rest between countries weighted as above.
  for (let i = 0; i < deals; i++) {
    const busy = rnd() < 0.25;
    const supplier = busy ? BUSY.supplier : country();
    let recipient = busy ? BUSY.recipient : country();
    if (recipient === supplier) recipient = codes.find((c) => c !== supplier) as string;
    const [designation, description] = pick(WEAPONS);
    const ordered = between(1, 200);
    records.push({
      type: 'deal',
      id: `deal:gen-${pad(i)}`,
      supplier: `country:${supplier}`,
      recipient: `country:${recipient}`,
      items: [
        {
          designation,
          description,
          quantity: ordered,
          delivered: between(0, ordered),
          deliveryYears: [between(1960, 2025)],
          condition: 'New',
        },
      ],
      tiv: { perUnit: between(1, 50), total: between(50, 5000) },
      agreedOn: String(between(1950, 2025)),
      status: pick(['AGREED', 'DELIVERING', 'DELIVERED'] as const),
      confidence: 'CONFIRMED',
      citations: [{ source: sources[0] }],
    });
  }
  const eventIds: string[] = [];
  for (let i = 0; i < events; i++) {
    const id = `event:gen-${pad(i)}`;
    const actors = [...new Set([rnd() < 1 / 6 ? BUSY.actor : `country:${country()}`, ...(rnd() < 0.3 ? [pick(leaderIds)] : [])])];
    records.push({
      type: 'event',
      id,
      kind: pick(EVENT_KINDS),
      date: day(between(2000, 2025), rnd),
      summary: `Synthetic event ${i}`,
      actors,
      targets: [`country:${country()}`].filter((t) => !actors.includes(t)),
      respondsTo: eventIds.length > 0 && rnd() < 0.1 ? [pick(eventIds)] : [],
      confidence: 'REPORTED',
      citations: cite(),
    });
    eventIds.push(id);
  }
  for (let i = 0; i < statements; i++) {
    const speaker = rnd() < 0.1 ? (leaderIds[0] as string) : pick(leaderIds);
    records.push({
      type: 'statement',
      id: `statement:gen-${pad(i)}`,
      speaker,
      quote: `Synthetic statement ${i}.`,
      date: day(between(2000, 2025), rnd),
      ...(rnd() < 0.3 ? { meeting: pick(meetingIds) } : {}),
      countries: [leaderCountry.get(speaker) as string],
      citations: cite(),
    });
  }
  return records.map((raw, i) => {
    const checked = checkRecord(raw);
    if (!checked.ok) throw new Error(`generated record ${i} is invalid: ${checked.reason}`);
    return checked.record;
  });
}

/** The records as a feed file: the header line, then one record per line. */
export function feedText(records: readonly EntityRecord[], description: string): string {
  return `${[JSON.stringify({ format: FEED_FORMAT, version: FEED_VERSION, description }), ...records.map((r) => JSON.stringify(r))].join('\n')}\n`;
}

function main(): void {
  const { values } = parseArgs({ options: { items: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
  const items = Number(values.items);
  const seed = Number(values.seed);
  if (!Number.isInteger(items) || items < 100 || !Number.isInteger(seed)) {
    console.error('usage: npm run gen -- --items N [--seed S] [--out FILE]   (N ≥ 100, S an integer)');
    process.exit(2);
  }
  const out = values.out ?? fileURLToPath(new URL(`./.tmp/synthetic-${items}-seed${seed}.ndjson`, import.meta.url));
  const records = generateRecords({ items, seed });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, feedText(records, `Synthetic knowledge base: ${items} records, seed ${seed} (bench/gen.ts).`));
  console.log(`wrote ${records.length} records to ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
