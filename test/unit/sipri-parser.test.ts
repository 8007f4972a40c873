import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryCodeForSipriName, countryName, isFormerCountry } from '../../src/domain/countries.js';
import type { CountryRecord, DealRecord, EntityRecord, OrganizationRecord } from '../../src/domain/records.js';
import { slugify } from '../../src/domain/text.js';
import type { Parsed } from '../../src/sync/parsed.js';
import { parseSipri } from '../../src/sync/parsers/sipri.js';

const FIXTURES = new URL('../fixtures/sipri/', import.meta.url);
const SAMPLE = 'trade-register-2026-05-sample.csv';
const MULTILINE = 'trade-register-2025-10-multiline-excerpt.csv';
const PER_DELIVERY = 'per-delivery-excerpt.csv';
const PER_DELIVERY_2000 = 'per-delivery-2000-2001-excerpt.csv';
const SAMPLE_SOURCE = 'source:sipri-arms-transfers-2026-05-18';

type Refused = Extract<Parsed, { ok: false }>;

async function collect(parsed: AsyncIterable<Parsed>): Promise<Parsed[]> {
  const all: Parsed[] = [];
  for await (const p of parsed) all.push(p);
  return all;
}

/** Small chunks, so that lines (and the preamble) straddle chunk boundaries. */
function parseFixture(name: string): Promise<Parsed[]> {
  return collect(parseSipri(createReadStream(new URL(name, FIXTURES), { highWaterMark: 97 })));
}

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, 'latin1');
}

function parseText(text: string): Promise<Parsed[]> {
  return collect(parseSipri(bytes(text)));
}

/** A fixture as text, decoded as SIPRI writes it. */
function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'latin1');
}

function recordsOf<T extends EntityRecord['type']>(parsed: Parsed[], type: T): Extract<EntityRecord, { type: T }>[] {
  return parsed.flatMap((p) => (p.ok && p.record.type === type ? [p.record as Extract<EntityRecord, { type: T }>] : []));
}

const dealsOf = (parsed: Parsed[]): DealRecord[] => recordsOf(parsed, 'deal');
const refusalsOf = (parsed: Parsed[]): Refused[] => parsed.filter((p): p is Refused => !p.ok);

function dealBy(parsed: Parsed[], supplier: string, recipient: string, designation: string): DealRecord {
  const found = dealsOf(parsed).filter(
    (d) => d.supplier === supplier && d.recipient === recipient && d.items[0]?.designation === designation,
  );
  expect(found).toHaveLength(1);
  return found[0] as DealRecord;
}

/** Recipient and Supplier names of a fixture, read the way SIPRI lays them out. */
function partyNames(name: string): string[] {
  const lines = fixtureText(name).split('\n');
  const header = lines[11] ?? '';
  const columns = header.split(',').length;
  const at = columns === 16 ? [0, 1] : [1, 2];
  return lines
    .slice(12)
    .map((line) => line.split(','))
    .filter((cells) => cells.length === columns)
    .flatMap((cells) => at.map((i) => cells[i] ?? ''));
}

describe('Parser: SIPRI', () => {
  it('reads the 26 rows of the sample as 26 deals, after the SIPRI source dated by the export', async () => {
    const parsed = await parseFixture(SAMPLE);
    expect(refusalsOf(parsed)).toEqual([]);
    expect(dealsOf(parsed)).toHaveLength(26);
    expect(parsed[0]).toEqual({
      line: 11,
      ok: true,
      mode: 'upsert',
      snapshot: '2026-05-18T00:00:00.000Z',
      record: {
        type: 'source',
        id: SAMPLE_SOURCE,
        title: 'SIPRI Arms Transfers Database',
        publisher: 'Stockholm International Peace Research Institute (SIPRI)',
        url: 'https://www.sipri.org/databases/armstransfers',
        publishedOn: '2026-05-18',
      },
    });
    for (const p of parsed) {
      if (p.ok) expect(p.mode).toBe(p.record.type === 'country' || p.record.type === 'organization' ? 'ensure' : 'upsert');
    }
  });

  it('reads the Iran-Russia deals both ways with their exact values', async () => {
    const parsed = await parseFixture(SAMPLE);
    const yak = dealBy(parsed, 'country:RU', 'country:IR', 'Yak-130');
    expect(yak).toMatchObject({
      agreedOn: '2022',
      agreedOnUncertain: true,
      status: 'DELIVERING',
      confidence: 'CONFIRMED',
      tiv: { perUnit: 10.5, total: 252, delivered: 63 },
      summary: 'Iran ordered 24 Yak-130 trainer/combat aircraft from Russia in 2022; 6 delivered in 2023-2024 (SIPRI).',
    });
    expect(yak.items).toEqual([
      {
        designation: 'Yak-130',
        description: 'trainer/combat aircraft',
        quantity: 24,
        quantityUncertain: true,
        delivered: 6,
        deliveredUncertain: true,
        deliveryYears: [2023, 2024],
        condition: 'New',
      },
    ]);
    expect(yak.comments).toBeUndefined();

    const s300 = dealBy(parsed, 'country:RU', 'country:IR', 'S-300PMU2 Favorit');
    expect(s300).toMatchObject({
      agreedOn: '2015',
      agreedOnUncertain: false,
      status: 'DELIVERED',
      tiv: { perUnit: 55, total: 220, delivered: 220 },
    });
    // SIPRI's ";" stands where its database has commas; the text is kept as SIPRI wrote it.
    expect(s300.comments).toBe('$1 b deal; replacing 2007 order for S-300PMU-1 (SA-20A) cancelled 2010 by Russia after UN embargo on Iran');

    const fath = dealBy(parsed, 'country:IR', 'country:RU', 'Fath-360');
    expect(fath.items[0]).toMatchObject({
      quantity: 200,
      quantityUncertain: true,
      delivered: 200,
      deliveredUncertain: true,
      deliveryYears: [2024],
    });
    expect(fath).toMatchObject({
      agreedOn: '2023',
      agreedOnUncertain: false,
      status: 'DELIVERED',
      tiv: { perUnit: 0.12, total: 24, delivered: 24 },
    });

    const mohajer = dealBy(parsed, 'country:IR', 'country:RU', 'Mohajer-6');
    expect(mohajer.items[0]).toMatchObject({ description: 'armed drone', quantity: 20, delivered: 20 });
    expect(mohajer.comments).toBe('Bought for use against Ukraine');
  });

  it('keeps an unknown number ordered unknown: Shahed-136 to Russia, and the Mi-28N and Su-35S orders with nothing delivered', async () => {
    const parsed = await parseFixture(SAMPLE);
    const shahed = dealBy(parsed, 'country:IR', 'country:RU', 'Shahed-136');
    expect(shahed.items[0]?.quantity).toBeUndefined();
    expect(shahed.items[0]).toMatchObject({ delivered: 6600, deliveredUncertain: true, deliveryYears: [2022, 2023, 2024, 2025] });
    expect(shahed.status).toBe('DELIVERING');
    // SIPRI's "0" for the total of an order of unknown size is no total.
    expect(shahed.tiv).toEqual({ perUnit: 0.04, delivered: 264 });
    expect(shahed.summary).toBe('Russia ordered Shahed-136 one-way attack drone from Iran in 2022; 6,600 delivered in 2022-2025 (SIPRI).');

    for (const designation of ['Mi-28N', 'Su-35S']) {
      const deal = dealBy(parsed, 'country:RU', 'country:IR', designation);
      expect(deal.items[0]?.quantity).toBeUndefined();
      expect(deal.items[0]?.delivered).toBe(0);
      expect(deal.items[0]?.deliveryYears).toBeUndefined();
      expect(deal).toMatchObject({ agreedOn: '2023', status: 'AGREED' });
    }
    expect(dealBy(parsed, 'country:RU', 'country:IR', 'Su-35S')).toMatchObject({
      agreedOnUncertain: true,
      tiv: { perUnit: 60, delivered: 0 },
    });
    expect(dealBy(parsed, 'country:RU', 'country:IR', 'Mi-28N')).toMatchObject({
      agreedOnUncertain: false,
      tiv: { perUnit: 15.5, delivered: 0 },
    });
  });

  it('joins the records broken by a line break inside Comments', async () => {
    const parsed = await parseFixture(MULTILINE);
    expect(refusalsOf(parsed)).toEqual([]);
    const deals = dealsOf(parsed);
    expect(deals).toHaveLength(4);
    expect(parsed[0]).toMatchObject({ ok: true, record: { id: 'source:sipri-arms-transfers-2025-10-23', publishedOn: '2025-10-23' } });

    const btr = dealBy(parsed, 'country:UA', 'country:TH', 'BTR-3');
    expect(btr.items[0]).toMatchObject({ quantity: 14, delivered: 13, deliveredUncertain: true, deliveryYears: [2010, 2012] });
    expect(btr).toMatchObject({ status: 'DELIVERING', tiv: { perUnit: 0.25, total: 3.5, delivered: 3.25 } });
    expect(btr.comments).toMatch(/^Part of THB4b \(\$120 m\) deal .* redesign for other engines$/);
    expect(btr.citations[0]?.excerpt).toMatch(/for other engines ,0\.25,3\.5,3\.25$/);

    const hermes = dealBy(parsed, 'country:IL', 'organization:united-nations', 'Hermes-900');
    expect(hermes.items[0]).toMatchObject({ description: 'UAV', quantity: 3, delivered: 3, deliveryYears: [2016] });
    expect(hermes.comments).toBe('3-year lease; for use with UN peacekeeping forces in Mali');

    const lines = parsed.filter((p) => p.ok && p.record.type === 'deal').map((p) => p.line);
    expect(lines).toEqual([13, 15, 16, 18]);
  });

  it('decodes Latin-1 text', async () => {
    const parsed = await parseFixture(SAMPLE);
    expect(dealBy(parsed, 'country:FI', 'country:DZ', 'ship engine').comments).toMatch(/^Wärtsilä 12V32 \(8000hp\) diesel engine/);
    expect(dealBy(parsed, 'country:FR', 'country:AR', 'Super Etendard').comments).toContain('Super Etendard Modernisé version');
    expect(dealBy(parsed, 'country:FR', 'country:AU', 'ship engine').comments).toContain('Jeumont (±7200hp)');
  });

  it('maps parties to countries, non-state groups, international organisations and the unknown supplier', async () => {
    const parsed = await parseFixture(SAMPLE);
    const countries = recordsOf(parsed, 'country');
    const organizations = recordsOf(parsed, 'organization');
    const country = (code: string) => countries.find((c) => c.code === code);
    const organization = (id: string) => organizations.find((o) => o.id === id);

    expect(country('RU')).toEqual<CountryRecord>({
      type: 'country',
      id: 'country:RU',
      code: 'RU',
      name: 'Russia',
      aliases: [],
      former: false,
    });
    expect(country('CZ')).toMatchObject({ name: 'Czechia', former: false });
    expect(country('SU')).toMatchObject({ name: 'Soviet Union', former: true });
    // Parties of the catalogue land on the entity the knowledge base already knows (data/article.ndjson's Hezbollah).
    expect(organization('organization:hezbollah')).toEqual<OrganizationRecord>({
      type: 'organization',
      id: 'organization:hezbollah',
      name: 'Hezbollah',
      aliases: ['Hezbollah (Lebanon)'],
      kind: 'NON_STATE_GROUP',
      country: 'LB',
      citations: [{ source: SAMPLE_SOURCE, excerpt: 'Hezbollah (Lebanon)*' }],
    });
    expect(organization('organization:houthis')).toMatchObject({
      name: 'Houthis',
      aliases: ['Houthi rebels (Yemen)'],
      kind: 'NON_STATE_GROUP',
      country: 'YE',
    });
    expect(organization('organization:african-union')).toMatchObject({ name: 'African Union', kind: 'INTERNATIONAL_ORGANIZATION' });
    expect(organization('organization:african-union')?.country).toBeUndefined();
    expect(organizations.filter((o) => o.id.startsWith('organization:sipri-'))).toEqual([]);
    expect(organization('organization:united-nations')).toMatchObject({ kind: 'INTERNATIONAL_ORGANIZATION' });
    expect(organization('organization:unknown-supplier')).toMatchObject({
      kind: 'UNKNOWN',
      citations: [{ source: SAMPLE_SOURCE, excerpt: 'unknown supplier(s)' }],
    });

    expect(dealBy(parsed, 'organization:unknown-supplier', 'country:AF', 'Mi-17').summary).toBe(
      'Afghanistan ordered 6 Mi-17 transport helicopter from an unknown supplier in 2007; 6 delivered in 2008 (SIPRI).',
    );
    expect(dealBy(parsed, 'country:IR', 'organization:hezbollah', 'Almas-1').status).toBe('DELIVERED');
    // Each party is handed out once, before its first deal.
    const ids = [...countries, ...organizations].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps SIPRI spellings of states and leaves breakaway territories to be organisations', async () => {
    const spellings: Record<string, string> = {
      Turkiye: 'TR',
      Czechia: 'CZ',
      'Viet Nam': 'VN',
      "Cote d'Ivoire": 'CI',
      'Bosnia-Herzegovina': 'BA',
      UAE: 'AE',
      'United Arab Emirates': 'AE',
      'Libya HoR': 'LY',
      'Libya GNC': 'LY',
      'DR Congo': 'CD',
      Congo: 'CG',
      eSwatini: 'SZ',
      'Soviet Union': 'SU',
      'East Germany (GDR)': 'DD',
      Yugoslavia: 'YU',
      Czechoslovakia: 'CS',
      'South Yemen': 'YD',
    };
    for (const [name, code] of Object.entries(spellings)) expect(countryCodeForSipriName(name), name).toBe(code);
    for (const code of ['SU', 'DD', 'YU', 'CS', 'YD']) expect(isFormerCountry(code), code).toBe(true);
    expect(isFormerCountry('RU')).toBe(false);
    expect(countryName('CI')).toBe("Côte d'Ivoire");
    expect(countryName('constructor')).toBeNull();
    for (const name of ['Northern Cyprus', 'Biafra', 'Katanga', 'Hezbollah (Lebanon)*', 'NATO**', 'unknown supplier(s)']) {
      expect(countryCodeForSipriName(name), name).toBeNull();
    }

    const header = fixtureText(SAMPLE).split('\n').slice(0, 12).join('\n');
    const parsed = await parseText(
      `${header}\nNorthern Cyprus,Turkiye,1998,,2,,M-113,armoured personnel carrier,2,,1998,Second hand,,0.1,0.2,0.2\n`,
    );
    expect(refusalsOf(parsed)).toEqual([]);
    expect(recordsOf(parsed, 'organization')).toMatchObject([
      { id: 'organization:sipri-northern-cyprus', kind: 'NON_STATE_GROUP', country: 'CY' },
    ]);
    expect(dealsOf(parsed)[0]).toMatchObject({ supplier: 'country:TR', recipient: 'organization:sipri-northern-cyprus' });
  });

  it('maps every Recipient and Supplier of the fixtures to a country or an organization', async () => {
    for (const fixture of [SAMPLE, MULTILINE, PER_DELIVERY]) {
      const parsed = await parseFixture(fixture);
      expect(refusalsOf(parsed), fixture).toEqual([]);
      const parties = new Map<string, string>();
      for (const p of parsed) {
        if (!p.ok) continue;
        if (p.record.type === 'country') parties.set(p.record.id, p.record.name);
        if (p.record.type === 'organization') parties.set(p.record.id, p.record.name);
        if (p.record.type === 'deal') {
          expect(parties.has(p.record.supplier), `${fixture} line ${p.line}`).toBe(true);
          expect(parties.has(p.record.recipient), `${fixture} line ${p.line}`).toBe(true);
        }
      }
      // The catalogue's parties, written out: SIPRI's name and the entity it lands on.
      const catalogue: Record<string, string> = {
        'Hezbollah (Lebanon)*': 'organization:hezbollah',
        'Houthi rebels (Yemen)*': 'organization:houthis',
        'African Union**': 'organization:african-union',
        'United Nations**': 'organization:united-nations',
      };
      for (const name of new Set(partyNames(fixture))) {
        const code = countryCodeForSipriName(name);
        const id = code
          ? `country:${code}`
          : /^unknown (supplier|recipient)\(s\)$/.test(name)
            ? `organization:unknown-${name.split(' ')[1]?.replace('(s)', '')}`
            : (catalogue[name] ?? `organization:sipri-${slugify(name.replace(/\*+$/, ''))}`);
        expect(parties.has(id), `${fixture}: ${name}`).toBe(true);
      }
    }
  });

  it('derives the status of a deal from the numbers ordered and delivered', async () => {
    const parsed = await parseFixture(SAMPLE);
    expect(dealBy(parsed, 'country:CZ', 'country:AF', 'Mi-24V/Mi-35').status).toBe('DELIVERED');
    expect(dealBy(parsed, 'country:IT', 'country:BR', 'Centauro-2')).toMatchObject({
      status: 'DELIVERING',
      items: [{ quantity: 98, delivered: 2 }],
    });
    expect(dealBy(parsed, 'country:FR', 'country:AU', 'ship engine')).toMatchObject({
      status: 'AGREED',
      items: [{ quantity: 6, delivered: 0 }],
    });
    const sammad = dealBy(parsed, 'country:IR', 'organization:houthis', 'Sammad-3');
    expect(sammad.items[0]?.quantity).toBeUndefined();
    expect(sammad).toMatchObject({ status: 'DELIVERING', items: [{ delivered: 55 }] });
  });

  it('gives SIPRI trend-indicator values as TIV, never as a money value', async () => {
    for (const fixture of [SAMPLE, MULTILINE, PER_DELIVERY]) {
      for (const deal of dealsOf(await parseFixture(fixture))) {
        expect(deal.value).toBeUndefined();
        expect(deal.tiv).toBeDefined();
        expect(JSON.stringify(deal)).not.toMatch(/"(value|currency|amount)"/);
      }
    }
  });

  it('gives deals ids that stay the same from one parse to the next and differ for exact repeats', async () => {
    const first = dealsOf(await parseFixture(SAMPLE)).map((d) => d.id);
    const second = dealsOf(await parseFixture(SAMPLE)).map((d) => d.id);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(26);
    for (const id of first) expect(id).toMatch(/^deal:sipri-[0-9a-f]{12}$/);

    const lines = fixtureText(SAMPLE).split('\n');
    const row = lines[30] ?? '';
    expect(row).toMatch(/^Iran,Russia,2022,\?,24,\?,Yak-130,/);
    const repeated = await parseText([...lines.slice(0, 12), row, row, ''].join('\n'));
    const ids = dealsOf(repeated).map((d) => d.id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(dealBy(await parseFixture(SAMPLE), 'country:RU', 'country:IR', 'Yak-130').id);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('groups per-delivery rows into one deal per SIPRI AT Database ID', async () => {
    const parsed = await parseFixture(PER_DELIVERY);
    expect(parsed[0]).toMatchObject({
      ok: true,
      line: 11,
      record: { id: 'source:sipri-arms-transfers-2025-02-17', publishedOn: '2025-02-17' },
    });
    const deals = dealsOf(parsed);
    expect(deals).toHaveLength(34);

    const bushmaster = dealBy(parsed, 'country:AU', 'country:UA', 'Bushmaster');
    expect(bushmaster).toMatchObject({
      supplier: 'country:AU',
      recipient: 'country:UA',
      agreedOn: '2022',
      agreedOnUncertain: false,
      status: 'DELIVERING',
      tiv: { perUnit: 0.14, delivered: 16.8 },
      summary: 'Ukraine ordered Bushmaster APC from Australia in 2022; 120 delivered in 2022-2023 (SIPRI).',
    });
    expect(bushmaster?.items).toEqual([
      {
        designation: 'Bushmaster',
        description: 'APC',
        delivered: 120,
        deliveredUncertain: true,
        deliveryYears: [2022, 2023],
        condition: 'Second hand',
      },
    ]);
    expect(bushmaster?.citations[0]?.excerpt?.split('\n')).toHaveLength(2);

    // Rows of one ID need not come in year order.
    const strela = dealBy(parsed, 'country:CZ', 'country:UA', 'Strela-2');
    expect(strela?.items[0]).toMatchObject({ delivered: 435, deliveryYears: [2022, 2023] });
    expect(dealBy(parsed, 'country:BE', 'country:UA', 'AIM-120B AMRAAM')).toMatchObject({
      agreedOnUncertain: true,
      items: [{ condition: 'Second hand', delivered: 15 }],
    });
    const line = parsed.find((p) => p.ok && p.record.id === bushmaster.id)?.line;
    expect(line).toBe(14);
  });

  it('keeps what each year delivered: SIPRI AT 32502, C-802 from China to Algeria, 8 in 2000 and 9 in 2001', async () => {
    // Prepare: lines 13-14 of the excerpt, 2001 before 2000:
    // 32502,China,Algeria,C-802,anti-ship missile,Missiles,1999,Yes,9,Yes,2001,Yes,New,0.9,0.9,8.1,No
    // 32502,China,Algeria,C-802,anti-ship missile,Missiles,1999,Yes,8,Yes,2000,Yes,New,0.9,0.9,7.2,No
    // Act
    const parsed = await parseFixture(PER_DELIVERY_2000);
    // Assess
    expect(refusalsOf(parsed)).toEqual([]);
    expect(dealsOf(parsed)).toHaveLength(8);
    const c802 = dealBy(parsed, 'country:CN', 'country:DZ', 'C-802');
    expect(c802.deliveries).toEqual([
      { year: 2000, delivered: 8, tiv: 7.2, estimate: true },
      { year: 2001, delivered: 9, tiv: 8.1, estimate: true },
    ]);
    expect(c802).toMatchObject({
      agreedOn: '1999',
      agreedOnUncertain: true,
      tiv: { perUnit: 0.9, delivered: 15.3 },
      items: [{ delivered: 17, deliveredUncertain: true, deliveryYears: [2000, 2001] }],
      summary: 'Algeria ordered C-802 anti-ship missile from China in 1999; 17 delivered in 2000-2001 (SIPRI).',
    });

    // 32501, TEST-71 from Russia: in 2000 only the number is an estimate (8,Yes,2000,No), in 2001 both (8,Yes,2001,Yes).
    expect(dealBy(parsed, 'country:RU', 'country:DZ', 'TEST-71').deliveries).toEqual([
      { year: 2000, delivered: 8, tiv: 8, estimate: true },
      { year: 2001, delivered: 8, tiv: 8, estimate: true },
    ]);
    // 33356, R-27R/T from Ukraine: one year, neither flag (42,No,2000,No).
    expect(dealBy(parsed, 'country:UA', 'country:DZ', 'R-27R/T').deliveries).toEqual([
      { year: 2000, delivered: 42, tiv: 7.98, estimate: false },
    ]);
    // 32402, Beech-1900 from the United States: the number is an estimate, the year not (6,Yes,2001,No).
    expect(dealBy(parsed, 'country:US', 'country:DZ', 'Beech-1900')).toMatchObject({
      deliveries: [{ year: 2001, delivered: 6, tiv: 22.8, estimate: true }],
      tiv: { delivered: 22.8 },
    });
  });

  it('tells estimated years from exact ones and puts them in year order: Strela-2 and M-113 to Ukraine', async () => {
    const parsed = await parseFixture(PER_DELIVERY);
    // 67496: 144,Yes,2023,No,…,2.3 then 291,No,2022,No,…,4.66.
    expect(dealBy(parsed, 'country:CZ', 'country:UA', 'Strela-2')).toMatchObject({
      deliveries: [
        { year: 2022, delivered: 291, tiv: 4.66, estimate: false },
        { year: 2023, delivered: 144, tiv: 2.3, estimate: true },
      ],
      tiv: { delivered: 6.96 },
    });
    // 66850: 46,No,2022,No,…,4.6 then 90,Yes,2023,Yes,…,9 (66807, also M-113 from Belgium, is ordered 2023).
    const m113 = dealsOf(parsed).filter((d) => d.items[0]?.designation === 'M-113' && d.agreedOn === '2022');
    expect(m113.map((d) => d.deliveries)).toEqual([
      [
        { year: 2022, delivered: 46, tiv: 4.6, estimate: false },
        { year: 2023, delivered: 90, tiv: 9, estimate: true },
      ],
    ]);
  });

  it("adds up a deal's TIV of the years to its TIV delivered, in every per-delivery fixture", async () => {
    for (const fixture of [PER_DELIVERY, PER_DELIVERY_2000]) {
      for (const deal of dealsOf(await parseFixture(fixture))) {
        const years = deal.deliveries ?? [];
        expect(years.length, deal.id).toBeGreaterThan(0);
        expect(years.map((d) => d.year)).toEqual(deal.items[0]?.deliveryYears);
        const sum = years.reduce((total, d) => total + (d.tiv ?? 0), 0);
        expect(deal.tiv?.delivered, deal.id).toBeCloseTo(sum, 6);
      }
    }
  });

  it('sums two rows of one deal for the same year, an estimate if either row says so', async () => {
    // Prepare: SIPRI's exports checked have one row per deal and year; this file has two for 2001.
    const header = fixtureText(PER_DELIVERY_2000).split('\n').slice(0, 12).join('\n');
    const rows = [
      '40001,China,Algeria,C-802,anti-ship missile,Missiles,1999,No,9,No,2001,No,New,0.9,0.9,8.1,No',
      '40001,China,Algeria,C-802,anti-ship missile,Missiles,1999,No,1,No,2000,No,New,0.9,0.9,0.9,No',
      '40001,China,Algeria,C-802,anti-ship missile,Missiles,1999,No,8,No,2001,Yes,New,0.9,0.9,7.2,No',
    ];
    // Act
    const parsed = await parseText(`${header}\n${rows.join('\n')}\n`);
    // Assess
    expect(refusalsOf(parsed)).toEqual([]);
    expect(dealsOf(parsed)).toHaveLength(1);
    expect(dealsOf(parsed)[0]).toMatchObject({
      deliveries: [
        { year: 2000, delivered: 1, tiv: 0.9, estimate: false },
        { year: 2001, delivered: 17, tiv: 15.3, estimate: true },
      ],
      tiv: { delivered: 16.2 },
      items: [{ delivered: 18, deliveryYears: [2000, 2001] }],
    });
  });

  it('gives a deal-level row its year of delivery when it lists one, and no split when it lists several', async () => {
    const parsed = await parseFixture(SAMPLE);
    // Iran,Russia,2015,,4,,S-300PMU2 Favorit,…,4,,2016,New,…,55,220,220
    expect(dealBy(parsed, 'country:RU', 'country:IR', 'S-300PMU2 Favorit').deliveries).toEqual([
      { year: 2016, delivered: 4, tiv: 220, estimate: false },
    ]);
    // Russia,Iran,2023,,200,?,Fath-360,…,200,?,2024,New,,0.12,24,24: the "?" after the number delivered.
    expect(dealBy(parsed, 'country:IR', 'country:RU', 'Fath-360').deliveries).toEqual([
      { year: 2024, delivered: 200, tiv: 24, estimate: true },
    ]);
    // Brazil,Italy,2022,,98,?,Centauro-2,…,2,,2024,New,…,2.8,274.4,5.6
    expect(dealBy(parsed, 'country:IT', 'country:BR', 'Centauro-2').deliveries).toEqual([
      { year: 2024, delivered: 2, tiv: 5.6, estimate: false },
    ]);
    // Several years (Yak-130: 2023; 2024, Shahed-136: 2022 to 2025) or none (Mi-28N): not known per year.
    expect(dealBy(parsed, 'country:RU', 'country:IR', 'Yak-130').deliveries).toBeUndefined();
    expect(dealBy(parsed, 'country:IR', 'country:RU', 'Shahed-136').deliveries).toBeUndefined();
    expect(dealBy(parsed, 'country:RU', 'country:IR', 'Mi-28N').deliveries).toBeUndefined();
    // 14 of the 26 rows list exactly one year of delivery.
    expect(dealsOf(parsed).filter((d) => d.deliveries !== undefined)).toHaveLength(14);
  });

  it('gives a deal the same id from either layout: Bushmaster to Ukraine, SIPRI AT 65361 per delivery, one row at deal level', async () => {
    // Prepare: the deal-level row of the same deal, verbatim from the full export of May 2026.
    const header = fixtureText(SAMPLE).split('\n').slice(0, 12).join('\n');
    const row =
      'Ukraine,Australia,2022,,120,,Bushmaster,armoured personnel carrier,120,?,2022; 2023,Second hand,Second-hand; aid after 2022 Russian invasion of Ukraine; incl 2 ambulance version,0.14,16.8,16.8';

    // Act
    const dealLevel = dealBy(await parseText(`${header}\n${row}\n`), 'country:AU', 'country:UA', 'Bushmaster');
    const perDelivery = dealBy(await parseFixture(PER_DELIVERY), 'country:AU', 'country:UA', 'Bushmaster');

    // Assess
    expect(dealLevel.id).toMatch(/^deal:sipri-[0-9a-f]{12}$/);
    expect(perDelivery.id).toBe(dealLevel.id);
  });

  it('refuses the rows of a per-delivery deal that come after the deal was read', async () => {
    const lines = fixtureText(PER_DELIVERY).split('\n');
    const moved = [...lines.slice(0, 12), lines[13], lines[15], lines[14], ''].join('\n');
    const parsed = await parseText(moved);
    expect(dealsOf(parsed).map((d) => d.items[0]?.designation)).toEqual(['Bushmaster', 'Waran']);
    expect(refusalsOf(parsed)).toEqual([{ line: 15, ok: false, reason: expect.stringMatching(/SIPRI AT Database ID 65361 .*line 13/) }]);
  });

  it('refuses damaged rows with their line numbers and goes on with the others', async () => {
    const lines = fixtureText(SAMPLE).split('\n');
    const damage = (index: number, from: string, to: string) => {
      const line = lines[index] ?? '';
      expect(line).toContain(from);
      lines[index] = line.replace(from, to);
    };
    damage(14, ',Second hand,', ','); // line 15: a column dropped
    damage(20, ',New,', ',New,extra,'); // line 21: a column too many
    damage(30, ',24,', ',2x4,'); // line 31: a garbled number
    damage(26, '2023,,,', '20x3,,,'); // line 27: a garbled year
    damage(36, '2023; 2024', '2023; 2O24'); // line 37: a garbled year of delivery
    lines.splice(24, 0, '', '   '); // blank lines are skipped (and shift the lines below by two)
    const parsed = await parseText(lines.join('\n'));

    expect(refusalsOf(parsed)).toEqual([
      { line: 15, ok: false, reason: 'expected 16 columns, found 15' },
      { line: 21, ok: false, reason: 'expected 16 columns, found 17' },
      { line: 29, ok: false, reason: 'Year of order "20x3" is not a year' },
      { line: 33, ok: false, reason: 'Number ordered "2x4" is not a whole number' },
      { line: 39, ok: false, reason: 'Year(s) of delivery "2O24" is not a year' },
    ]);
    expect(dealsOf(parsed)).toHaveLength(21);
    expect(parsed.find((p) => p.ok && p.record.type === 'deal' && p.record.items[0]?.designation === 'Fleyta/Skorpion')?.line).toBe(16);
    expect(
      parsed.find(
        (p) => p.ok && p.record.type === 'deal' && p.record.items[0]?.designation === 'Shahed-136' && p.record.recipient === 'country:RU',
      )?.line,
    ).toBe(37);
  });

  it('refuses a short line that does not join with the next one, and a short last line', async () => {
    const lines = fixtureText(MULTILINE).split('\n');
    // Both broken records lose their continuation; the second one ends the file.
    const parsed = await parseText([...lines.slice(0, 13), lines[14], lines[15], ''].join('\n'));
    expect(refusalsOf(parsed)).toEqual([
      { line: 13, ok: false, reason: 'expected 16 columns, found 13' },
      { line: 15, ok: false, reason: 'expected 16 columns, found 13' },
    ]);
    expect(dealsOf(parsed).map((d) => d.items[0]?.designation)).toEqual(['Type-053H']);
  });

  it('refuses a file without a SIPRI header, or without the date it was generated', async () => {
    expect(await parseText('name,country\nPutin,RU\n')).toEqual([
      { line: 1, ok: false, reason: expect.stringMatching(/not a SIPRI Arms Transfers export/) },
    ]);
    const lines = fixtureText(SAMPLE).split('\n');
    const undated = lines.filter((line) => !line.startsWith('Data generated:')).join('\n');
    expect(await parseText(undated)).toEqual([{ line: 11, ok: false, reason: expect.stringMatching(/cannot be dated/) }]);
    const renamed = lines.map((line) => line.replace(',SIPRI TIV of delivered weapons', ',TIV delivered')).join('\n');
    expect(await parseText(renamed)).toEqual([
      { line: 12, ok: false, reason: expect.stringMatching(/header's columns are not those of a SIPRI export/) },
    ]);
  });

  it('cites the SIPRI source, with the generated date, and the row as written in every deal', async () => {
    const parsed = await parseFixture(SAMPLE);
    const rows = fixtureText(SAMPLE).split('\n');
    for (const p of parsed) {
      if (!p.ok || p.record.type !== 'deal') continue;
      expect(p.record.citations).toEqual([{ source: SAMPLE_SOURCE, excerpt: rows[p.line - 1]?.trim() }]);
    }
    for (const org of recordsOf(parsed, 'organization')) expect(org.citations[0]?.source).toBe(SAMPLE_SOURCE);
  });
});
