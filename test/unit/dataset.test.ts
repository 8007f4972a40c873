import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type EntityKind, kindOf } from '../../src/domain/ids.js';
import { type DateRange, dateRange, overlaps } from '../../src/domain/partial-date.js';
import {
  checkRecord,
  type DealRecord,
  type EntityRecord,
  type EventRecord,
  feedHeaderSchema,
  type LeaderRecord,
  type MeetingRecord,
  type StatementRecord,
} from '../../src/domain/records.js';

const ARTICLE = readFileSync(new URL('../../data/article.txt', import.meta.url), 'utf8');
const FEED = readFileSync(new URL('../../data/article.ndjson', import.meta.url), 'utf8');
const SOURCE_ID = 'source:article-putin-pezeshkian-ashgabat-2024-10-11';

interface NumberedLine {
  number: number;
  text: string;
}

/** The lines of the feed, numbered from 1 as an editor shows them; a final newline ends the last line. */
function feedLines(): NumberedLine[] {
  const texts = FEED.split('\n');
  if (texts.at(-1) === '') texts.pop();
  return texts.map((text, i) => ({ number: i + 1, text }));
}

/** Every record of the feed (line 2 onwards), checked; a line that fails throws with its number. */
function loadRecords(): EntityRecord[] {
  return feedLines()
    .slice(1)
    .map(({ number, text }) => {
      const checked = checkRecord(JSON.parse(text));
      if (!checked.ok) throw new Error(`line ${number}: ${checked.reason}`);
      return checked.record;
    });
}

function byId(records: EntityRecord[]): Map<string, EntityRecord> {
  return new Map(records.map((r) => [r.id, r]));
}

function find<T extends EntityRecord['type']>(records: EntityRecord[], type: T, id: string): Extract<EntityRecord, { type: T }> {
  const record = records.find((r) => r.id === id);
  if (!record || record.type !== type) throw new Error(`no ${type} ${id}`);
  return record as Extract<EntityRecord, { type: T }>;
}

/** Every id a record points at, with the kinds it may resolve to. */
function references(record: EntityRecord): { field: string; id: string; kinds: EntityKind[] }[] {
  const actor: EntityKind[] = ['leader', 'country', 'organization'];
  const refs: { field: string; id: string; kinds: EntityKind[] }[] = [];
  const add = (field: string, ids: readonly (string | undefined)[], kinds: EntityKind[]) => {
    for (const id of ids) if (id !== undefined) refs.push({ field, id, kinds });
  };
  if ('citations' in record)
    add(
      'citations.source',
      record.citations.map((c) => c.source),
      ['source'],
    );
  switch (record.type) {
    case 'organization':
      add('parent', [record.parent], ['organization']);
      break;
    case 'leader':
      add(
        'roles.organization',
        record.roles.map((r) => r.organization),
        ['organization'],
      );
      break;
    case 'meeting':
      add('participants', record.participants, ['leader']);
      add(
        'delegations.representing',
        record.delegations.map((d) => d.representing),
        ['leader', 'organization'],
      );
      break;
    case 'deal':
      add('supplier', [record.supplier], actor);
      add('recipient', [record.recipient], actor);
      break;
    case 'event':
      add('actors', record.actors, actor);
      add('targets', record.targets, actor);
      add('respondsTo', record.respondsTo, ['event']);
      break;
    case 'statement':
      add('speaker', [record.speaker], ['leader']);
      add('meeting', [record.meeting], ['meeting']);
      break;
    default:
      break;
  }
  return refs;
}

/** Every ISO country code a record uses outside its own id. */
function countryCodes(record: EntityRecord): string[] {
  const codes: (string | undefined)[] = [];
  switch (record.type) {
    case 'organization':
      codes.push(record.country);
      break;
    case 'leader':
      codes.push(record.country, ...record.roles.map((r) => r.country));
      break;
    case 'meeting':
      codes.push(record.location?.country, ...record.countries, ...record.delegations.map((d) => d.country));
      break;
    case 'event':
      codes.push(record.location?.country);
      break;
    case 'statement':
      codes.push(...record.countries);
      break;
    default:
      break;
  }
  return codes.filter((c): c is string => c !== undefined);
}

/** The days a role covers; an open start or end stretches to the edge of time. */
function roleRange(role: LeaderRecord['roles'][number]): DateRange {
  return {
    start: role.start ? dateRange(role.start).start : '0001-01-01',
    end: role.end ? dateRange(role.end).end : '9999-12-31',
  };
}

function heldRoleOn(leader: LeaderRecord, title: string, day: string): boolean {
  return leader.roles.some((role) => role.title === title && overlaps(roleRange(role), dateRange(day)));
}

/** A quotation without the punctuation the article puts inside the closing quote mark. */
function bare(quote: string): string {
  return quote.trim().replace(/[.,;:!?]+$/u, '');
}

describe('Dataset: article.ndjson', () => {
  it('starts with a header in the feed format', () => {
    // Prepare
    const [first] = feedLines();

    // Act
    const parsed = feedHeaderSchema.safeParse(JSON.parse(first?.text ?? 'null'));

    // Assess
    expect(parsed.success).toBe(true);
  });

  it('has one valid record on every line after the header, with no blank lines', () => {
    // Prepare
    const lines = feedLines().slice(1);

    // Act
    const failures = lines.flatMap(({ number, text }) => {
      if (text.trim() === '') return [`line ${number}: blank`];
      const checked = checkRecord(JSON.parse(text));
      return checked.ok ? [] : [`line ${number}: ${checked.reason}`];
    });

    // Assess
    expect(lines.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it('gives every record a unique id', () => {
    // Prepare
    const ids = loadRecords().map((r) => r.id);

    // Act
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);

    // Assess
    expect(duplicates).toEqual([]);
  });

  it('resolves every reference to a record of the right type', () => {
    // Prepare
    const records = loadRecords();
    const index = byId(records);

    // Act
    const dangling = records.flatMap((record) =>
      references(record)
        .filter(({ id, kinds }) => {
          const target = index.get(id);
          const kind = kindOf(id);
          return !target || kind === null || !kinds.includes(kind) || target.type !== kind;
        })
        .map(({ field, id }) => `${record.id} ${field} -> ${id}`),
    );

    // Assess
    expect(dangling).toEqual([]);
  });

  it('has a country record for every country code it uses', () => {
    // Prepare
    const records = loadRecords();
    const index = byId(records);

    // Act
    const missing = records.flatMap((record) =>
      countryCodes(record)
        .filter((code) => index.get(`country:${code}`)?.type !== 'country')
        .map((code) => `${record.id} -> ${code}`),
    );

    // Assess
    expect(missing).toEqual([]);
  });

  it('cites the article, verbatim, for every fact but the countries', () => {
    // Prepare
    const records = loadRecords();

    // Act
    const uncited = records.filter((r) => r.type !== 'source' && r.type !== 'country' && !('citations' in r && r.citations.length > 0));
    const notVerbatim = records.flatMap((record) =>
      'citations' in record
        ? record.citations
            .filter((c) => c.excerpt === undefined || !ARTICLE.includes(c.excerpt))
            .map((c) => `${record.id}: ${c.excerpt ?? '(no excerpt)'}`)
        : [],
    );
    const otherSources = records.flatMap((r) => ('citations' in r ? r.citations.filter((c) => c.source !== SOURCE_ID) : []));

    // Assess
    expect(uncited.map((r) => r.id)).toEqual([]);
    expect(notVerbatim).toEqual([]);
    expect(otherSources).toEqual([]);
  });

  it('describes the article as its source', () => {
    // Prepare
    const records = loadRecords();

    // Act
    const source = find(records, 'source', SOURCE_ID);

    // Assess
    expect(source.title).toBe(ARTICLE.split('\n')[0]);
    expect(source.publishedOn).toBe('2024-10-11');
    expect(source.publisher).toBeUndefined();
    expect(source.url).toBeUndefined();
  });

  it('has Putin and Pezeshkian meeting in Ashgabat on 2024-10-11', () => {
    // Prepare
    const records = loadRecords();

    // Act
    const meeting: MeetingRecord = find(records, 'meeting', 'meeting:2024-10-11-putin-pezeshkian-ashgabat');

    // Assess
    expect(meeting.date).toBe('2024-10-11');
    expect(meeting.status).toBe('HELD');
    expect(meeting.participants).toEqual(expect.arrayContaining(['leader:vladimir-putin', 'leader:masoud-pezeshkian']));
    expect(meeting.countries).toEqual(expect.arrayContaining(['RU', 'IR']));
    expect(meeting.location).toEqual({ city: 'Ashgabat', country: 'TM' });
  });

  it('has Raisi as President of Iran on 2023-10-23 but not on 2024-10-11', () => {
    // Prepare
    const raisi: LeaderRecord = find(loadRecords(), 'leader', 'leader:ebrahim-raisi');

    // Act
    const thenPresident = heldRoleOn(raisi, 'President of Iran', '2023-10-23');
    const stillPresident = heldRoleOn(raisi, 'President of Iran', '2024-10-11');

    // Assess
    expect(thenPresident).toBe(true);
    expect(stillPresident).toBe(false);
  });

  it('has Pezeshkian, not Raisi, as President of Iran on 2024-10-11', () => {
    // Prepare
    const records = loadRecords();
    const presidents = records.filter((r): r is LeaderRecord => r.type === 'leader');

    // Act
    const onTheDay = presidents.filter((l) => heldRoleOn(l, 'President of Iran', '2024-10-11')).map((l) => l.id);

    // Assess
    expect(onTheDay).toEqual(['leader:masoud-pezeshkian']);
  });

  it('values the 2022 drone deal at 1.7 billion US dollars, from Iran to Russia', () => {
    // Prepare
    const records = loadRecords();

    // Act
    const drones: DealRecord = find(records, 'deal', 'deal:2022-iran-russia-drones');

    // Assess
    expect(drones.value).toEqual({ amount: 1.7e9, currency: 'USD' });
    expect(drones.supplier).toBe('country:IR');
    expect(drones.recipient).toBe('country:RU');
    expect(drones.agreedOn).toBe('2022');
  });

  it('has the attack of 2024-10-01 respond to the Beirut strike and the killing of Haniyeh', () => {
    // Prepare
    const records = loadRecords();

    // Act
    const attack: EventRecord = find(records, 'event', 'event:2024-10-01-iran-missile-attack-israel');
    const causes = attack.respondsTo.map((id) => find(records, 'event', id));

    // Assess
    expect(attack.targets).toContain('country:IL');
    expect(causes.some((e) => e.targets.includes('leader:hassan-nasrallah') && e.location?.city === 'Beirut')).toBe(true);
    expect(causes.some((e) => e.targets.includes('leader:ismail-haniyeh') && e.location?.city === 'Tehran')).toBe(true);
  });

  it('has a statement for every quotation of the article', () => {
    // Prepare
    const quotations = [...ARTICLE.matchAll(/“([^”\n]+)”|"([^"\n]+)"/gu)].map((m) => bare(m[1] ?? m[2] ?? ''));
    const quotes = loadRecords()
      .filter((r): r is StatementRecord => r.type === 'statement')
      .map((s) => s.quote);

    // Act
    const unquoted = quotations.filter((q) => !quotes.some((quote) => quote.includes(q)));

    // Assess
    expect(quotations.length).toBeGreaterThanOrEqual(10);
    expect(unquoted).toEqual([]);
  });

  it('quotes every statement verbatim from the article', () => {
    // Prepare
    const statements = loadRecords().filter((r): r is StatementRecord => r.type === 'statement');

    // Act
    const invented = statements.filter((s) => !ARTICLE.includes(bare(s.quote))).map((s) => s.id);

    // Assess
    expect(invented).toEqual([]);
  });
});
