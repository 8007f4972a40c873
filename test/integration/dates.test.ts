import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkRecord, type EntityRecord } from '../../src/domain/records.js';
import { type BatchEntry, writeEntities } from '../../src/store/entities.js';
import { createTestGateway, type TestGateway } from '../support/gateway.js';
import { connection, errorOf, expectNoInternals, idsOf, walk } from './helpers.js';

/** Dated "2022-07": Putin's visit to Iran, the only meeting of 2022. */
const PUTIN_IN_IRAN = 'meeting:2022-07-putin-visit-iran';
/** Agreed "2022" (year precision): the drone deal. */
const DRONES = 'deal:2022-iran-russia-drones';
/** 2024-10-23..2024-10-24: the BRICS summit in Kazan. */
const KAZAN = 'meeting:2024-10-23-brics-summit-kazan';
/** "2023": Iran becoming a full member of BRICS ("last year", in an article of October 2024). */
const BRICS_MEMBERSHIP = 'event:2023-08-24-iran-joins-brics';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway();
});

// Each test checks that it made the handler log nothing unexpected.
beforeEach(() => {
  gateway.logged.length = 0;
});

const MEETINGS = `query ($from: PartialDate, $to: PartialDate) { meetings(filter: { participant: "leader:vladimir-putin", from: $from, to: $to }) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
const putinMeetings = async (range: { from?: string; to?: string }) => idsOf(await connection(gateway, MEETINGS, range, 'meetings'));

describe('Dates: from and to on a fact of month precision ("2022-07")', () => {
  it.each([
    { to: '2022-07-01' },
    { to: '2022-07-31' },
    { to: '2022-07' },
    { to: '2022' },
    { from: '2022-07-31' },
    { from: '2022-07-01' },
    { from: '2022-07' },
    { from: '2022' },
    { from: '2022-07-15', to: '2022-07-15' },
    { from: '2021-12-31', to: '2022-07-01' },
  ])('keeps it for %o', async (range) => {
    expect(await putinMeetings(range)).toContain(PUTIN_IN_IRAN);
  });

  it.each([
    { to: '2022-06-30' },
    { to: '2022-06' },
    { to: '2021' },
    { from: '2022-08-01' },
    { from: '2022-08' },
    { from: '2023' },
    { from: '2022-08-01', to: '2022-12-31' },
  ])('drops it for %o', async (range) => {
    expect(await putinMeetings(range)).not.toContain(PUTIN_IN_IRAN);
  });

  it('keeps only the facts overlapping the range, newest first', async () => {
    expect(await putinMeetings({ from: '2022-07-31', to: '2024-10-11' })).toEqual([
      'meeting:2024-10-11-putin-pezeshkian-ashgabat',
      PUTIN_IN_IRAN,
    ]);
  });
});

describe('Dates: from and to on a fact of year precision ("2022")', () => {
  const DEALS = `query ($from: PartialDate, $to: PartialDate) { militaryDeals(filter: { supplier: "IR", from: $from, to: $to }) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
  const iranianDeals = async (range: { from?: string; to?: string }) => idsOf(await connection(gateway, DEALS, range, 'militaryDeals'));

  it.each([{ from: '2022-12-31' }, { from: '2022-12' }, { to: '2022-01-01' }, { to: '2022-01' }, { from: '2022-06-15', to: '2022-06-15' }])(
    'keeps it for %o',
    async (range) => {
      expect(await iranianDeals(range)).toContain(DRONES);
    },
  );

  it.each([{ from: '2023' }, { from: '2023-01-01' }, { to: '2021-12-31' }, { to: '2021' }])('drops it for %o', async (range) => {
    expect(await iranianDeals(range)).not.toContain(DRONES);
  });
});

describe('Dates: from and to on facts of several days', () => {
  it('keeps the Kazan summit (23–24 October 2024) for any range touching one of its days', async () => {
    expect(await putinMeetings({ from: '2024-10-24' })).toEqual([KAZAN]);
    expect(await putinMeetings({ from: '2024-10-25' })).toEqual([]);
    expect(await putinMeetings({ from: '2024-10-12', to: '2024-10-23' })).toEqual([KAZAN]);
    expect(await putinMeetings({ from: '2024-10-12', to: '2024-10-22' })).toEqual([]);
  });

  it('keeps an event of year precision to its last day: Iran joining BRICS ("2023")', async () => {
    const EVENTS = `query ($from: PartialDate, $to: PartialDate) { events(filter: { actor: "organization:brics", from: $from, to: $to }) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const brics = async (range: { from?: string; to?: string }) => idsOf(await connection(gateway, EVENTS, range, 'events'));
    expect(await brics({ from: '2023-12-31' })).toEqual([BRICS_MEMBERSHIP]);
    expect(await brics({ from: '2023-12' })).toEqual([BRICS_MEMBERSHIP]);
    expect(await brics({ from: '2024-01-01' })).toEqual([]);
    expect(await brics({ to: '2023-01-01' })).toEqual([BRICS_MEMBERSHIP]);
    expect(await brics({ to: '2022-12-31' })).toEqual([]);
  });
});

describe('Dates: from on facts spanning more than a year', () => {
  // A table of its own: these tests add events to the article's.
  let table: TestGateway;
  const SOURCE = 'source:article-putin-pezeshkian-ashgabat-2024-10-11';
  const event = (id: string, date: string, endDate?: string): EntityRecord => {
    const checked = checkRecord({
      type: 'event',
      id,
      kind: 'SANCTIONS',
      date,
      ...(endDate ? { endDate } : {}),
      summary: `Sanctions ${id}.`,
      actors: ['country:US'],
      targets: ['country:UA'],
      confidence: 'REPORTED',
      citations: [{ source: SOURCE }],
    });
    if (!checked.ok) throw new Error(checked.reason);
    return checked.record;
  };
  const LONG = 'event:2015-03-long-sanctions';
  const DECADE = 'event:2010-decade-sanctions';
  const SHORT = 'event:2021-05-01-short-sanctions';
  const RECENT = 'event:2024-02-recent-sanctions';

  const EVENTS = `query ($from: PartialDate, $to: PartialDate, $first: Int, $after: String) { events(filter: { actor: "country:UA", from: $from, to: $to }, first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
  const sanctions = (range: { from?: string; to?: string }, first = 100, after: string | null = null) =>
    connection(table, EVENTS, { ...range, first, after }, 'events');

  beforeAll(async () => {
    table = await createTestGateway();
    const entries: BatchEntry[] = [
      event(LONG, '2015-03', '2023-06'),
      event(DECADE, '2010', '2030'),
      event(SHORT, '2021-05-01', '2021-05-02'),
      event(RECENT, '2024-02'),
    ].map((record) => ({ record, mode: 'upsert' }));
    const results = await writeEntities(table.db, entries, 'test');
    expect(results).toEqual(entries.map(() => ({ outcome: 'created' })));
  });

  it('keeps a fact that began years before from and lasts past it', async () => {
    // Prepare: the invasion of 2022-02-24 is the article's only event with Ukraine.
    const invasion = 'event:2022-02-24-russia-invasion-ukraine';

    // Act
    const from2022 = idsOf(await sanctions({ from: '2022' }));
    const from2023Summer = idsOf(await sanctions({ from: '2023-06-30' }));
    const from2025 = idsOf(await sanctions({ from: '2025' }));

    // Assess
    expect(from2022).toEqual([RECENT, invasion, LONG, DECADE]);
    expect(from2023Summer).toEqual([RECENT, LONG, DECADE]);
    expect(from2025).toEqual([DECADE]);
    expect(idsOf(await sanctions({ from: '2023-07' }))).toEqual([RECENT, DECADE]);
  });

  it('keeps it within a closed range too, and drops it after its end', async () => {
    expect(idsOf(await sanctions({ from: '2020', to: '2021' }))).toEqual([SHORT, LONG, DECADE]);
    expect(idsOf(await sanctions({ from: '2021-05-03', to: '2021-12' }))).toEqual([LONG, DECADE]);
    expect(idsOf(await sanctions({ to: '2014' }))).toEqual([DECADE]);
  });

  it('pages through the facts that began before from like through any other', async () => {
    const whole = idsOf(await sanctions({ from: '2021-05-02' }));
    expect(whole).toEqual([RECENT, 'event:2022-02-24-russia-invasion-ukraine', SHORT, LONG, DECADE]);
    for (let size = 1; size <= whole.length; size++) {
      expect(await walk((first, after) => sanctions({ from: '2021-05-02' }, first, after), size), `pages of ${size}`).toEqual(whole);
    }
  });
});

describe('Dates: activeOn at each precision', () => {
  const ACTIVE = `query ($on: PartialDate) { leaders(filter: { activeOn: $on }, first: 100) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
  const activeOn = async (on: string) => idsOf(await connection(gateway, ACTIVE, { on }, 'leaders'));

  it('keeps a role that ended within the month or year asked for', async () => {
    // Nasrallah's role ended on 2024-09-27.
    expect(await activeOn('2024-09-27')).toContain('leader:hassan-nasrallah');
    expect(await activeOn('2024-09')).toContain('leader:hassan-nasrallah');
    expect(await activeOn('2024')).toContain('leader:hassan-nasrallah');
    expect(await activeOn('2024-09-28')).not.toContain('leader:hassan-nasrallah');
    expect(await activeOn('2024-10')).not.toContain('leader:hassan-nasrallah');
  });

  it('keeps a role whose start is a month from its first day: Pezeshkian from "2024-07" ("election in late July")', async () => {
    expect(await activeOn('2024-07')).toContain('leader:masoud-pezeshkian');
    expect(await activeOn('2024-07-01')).toContain('leader:masoud-pezeshkian');
    expect(await activeOn('2025')).toContain('leader:masoud-pezeshkian');
    expect(await activeOn('2024-06-30')).not.toContain('leader:masoud-pezeshkian');
  });

  it('keeps a role known from the dates the source shows it held, from the first to the last: Lavrov 2023-10-23 to 2024-10-11', async () => {
    expect(await activeOn('2023-10-23')).toContain('leader:sergey-lavrov');
    expect(await activeOn('2024-05')).toContain('leader:sergey-lavrov');
    expect(await activeOn('2024-10-11')).toContain('leader:sergey-lavrov');
    expect(await activeOn('2023-10-22')).not.toContain('leader:sergey-lavrov');
    expect(await activeOn('2024-10-12')).not.toContain('leader:sergey-lavrov');
  });

  it('keeps a role with only an end on that day alone, not on every earlier date: Nilforoushan', async () => {
    expect(await activeOn('2024-09-27')).toContain('leader:abbas-nilforoushan');
    expect(await activeOn('2024-09-26')).not.toContain('leader:abbas-nilforoushan');
    expect(await activeOn('1950')).not.toContain('leader:abbas-nilforoushan');
  });
});

describe('Dates: refused', () => {
  it('refuses from after to with BAD_USER_INPUT', async () => {
    for (const range of [
      { from: '2024', to: '2023' },
      { from: '2022-08', to: '2022-07-31' },
      { from: '2022-07-02', to: '2022-07-01' },
    ]) {
      const error = errorOf(await gateway.query(MEETINGS, range));
      expect(error.code, JSON.stringify(range)).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/from .*after.* to/);
    }
  });

  it('accepts from and to that overlap without being in order of their first days', async () => {
    // "2022" starts before "2022-07" but ends after it: the range 2022-01-01..2022-07-31 is not empty.
    expect(await putinMeetings({ from: '2022', to: '2022-07' })).toEqual([PUTIN_IN_IRAN]);
    expect(await putinMeetings({ from: '2022-07-31', to: '2022' })).toEqual([PUTIN_IN_IRAN]);
  });

  const INVALID = [
    '2022-13',
    '2022-02-30',
    '2023-02-29',
    '22',
    'yesterday',
    '2022-7',
    '2022-07-1',
    '0000',
    '2022/07/01',
    '2022-07-01T00:00:00Z',
    ' 2022',
    '',
  ];

  it.each(INVALID)('refuses %j as a variable with a code, as 400, without internals', async (date) => {
    const response = await gateway.query(MEETINGS, { from: date });
    expect([200, 400]).toContain(response.status);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(errorOf(response).code);
    expect(response.data ?? null).toBeNull();
    expectNoInternals(response.errors);
    expect(gateway.logged).toEqual([]);
  });

  it.each(INVALID)('refuses %j written in the query with a code, without internals', async (date) => {
    const response = await gateway.query(`{ meetings(filter: { to: ${JSON.stringify(date)} }) { edges { node { id } } } }`);
    expect([200, 400]).toContain(response.status);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(errorOf(response).code);
    expectNoInternals(response.errors);
    expect(gateway.logged).toEqual([]);
  });

  it('refuses a date that is not a string, and an invalid activeOn or relations range', async () => {
    const numeric = await gateway.query('{ meetings(filter: { from: 2022 }) { edges { node { id } } } }');
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(errorOf(numeric).code);
    const activeOn = await gateway.query('query ($on: PartialDate) { leaders(filter: { activeOn: $on }) { edges { node { id } } } }', {
      on: '2024-02-30',
    });
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(errorOf(activeOn).code);
    const relations = await gateway.query('{ relations(countries: ["IR", "RU"], from: "2024", to: "2023") { edges { cursor } } }');
    expect(errorOf(relations).code).toBe('BAD_USER_INPUT');
    expect(gateway.logged).toEqual([]);
  });
});
