import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../src/sync/run.js';
import { recordsSource } from '../../src/sync/sources/records.js';
import { createTestGateway, type TestGateway } from '../support/gateway.js';
import { connection, dataOf, errorOf, expectNewestFirst, idsOf, type Page } from './helpers.js';

const PUTIN = 'leader:vladimir-putin';
const PEZESHKIAN = 'leader:masoud-pezeshkian';
const RAISI = 'leader:ebrahim-raisi';
const AMIR_ABDOLLAHIAN = 'leader:hossein-amir-abdollahian';
const LAVROV = 'leader:sergey-lavrov';
const SOURCE = 'source:article-putin-pezeshkian-ashgabat-2024-10-11';
const ASHGABAT = 'meeting:2024-10-11-putin-pezeshkian-ashgabat';
const KAZAN = 'meeting:2024-10-23-brics-summit-kazan';
const PUTIN_IN_IRAN = 'meeting:2022-07-putin-visit-iran';
const DRONES = 'deal:2022-iran-russia-drones';
const MISSILES = 'deal:2024-iran-russia-short-range-ballistic-missiles';
const AIRCRAFT = 'deal:2023-11-russia-iran-combat-aircraft';
const RADAR = 'deal:2024-russia-iran-radar-air-defense';
const OCT_1_ATTACK = 'event:2024-10-01-iran-missile-attack-israel';
const BEIRUT_STRIKE = 'event:2024-09-27-israeli-strike-beirut-nasrallah-nilforoushan';
const HANIYEH_KILLING = 'event:2024-07-31-haniyeh-killing-tehran';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway();
});

// No query may hit an unexpected error, even one whose answer the test does not look at.
afterEach(() => {
  const logged = gateway.logged.splice(0);
  expect(logged.map((l) => l.message)).toEqual([]);
});

const LEADERS = `query ($filter: LeaderFilter, $first: Int) { leaders(filter: $filter, first: $first) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;
const leaders = (filter: Record<string, unknown> | null, first = 100) =>
  connection<{ id: string; name: string }>(gateway, LEADERS, { filter, first }, 'leaders');

describe('Query: node', () => {
  it('fetches an entity of every kind by its id', async () => {
    // Prepare
    const runs = dataOf(
      await gateway.query<{ syncRuns: Page }>('{ syncRuns(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }'),
    );
    const runId = idsOf(runs.syncRuns)[0];
    const expected: Record<string, string> = {
      [SOURCE]: 'Source',
      'country:IR': 'Country',
      'organization:irgc': 'Organization',
      [PUTIN]: 'Leader',
      [ASHGABAT]: 'Meeting',
      [DRONES]: 'MilitaryDeal',
      [OCT_1_ATTACK]: 'Event',
      'statement:2024-10-11-putin-relations-with-iran-a-priority': 'Statement',
      [runId as string]: 'SyncRun',
    };

    // Act
    const answers = await Promise.all(
      Object.keys(expected).map((id) =>
        gateway.query<{ node: { __typename: string; id: string } | null }>('query ($id: ID!) { node(id: $id) { __typename id } }', { id }),
      ),
    );

    // Assess
    const found = Object.fromEntries(answers.map((answer) => dataOf(answer).node).map((node) => [node?.id, node?.__typename]));
    expect(found).toEqual(expected);
  });

  it('resolves the fields of each kind through the Node interface', async () => {
    const data = dataOf(
      await gateway.query<Record<string, Record<string, unknown>>>(`{
        source: node(id: "${SOURCE}") { ... on Source { title publishedOn } }
        country: node(id: "country:TM") { ... on Country { code name former } }
        organization: node(id: "organization:quds-force") { ... on Organization { name kind parent { id } country { code } } }
        statement: node(id: "statement:2024-10-11-putin-relations-with-iran-a-priority") { ... on Statement { quote reportedBy speaker { id } meeting { id } } }
      }`),
    );
    expect(data.source).toEqual({
      title: "Russia's Putin holds first meeting with Iran's Pezeshkian: What we know",
      publishedOn: '2024-10-11',
    });
    expect(data.country).toEqual({ code: 'TM', name: 'Turkmenistan', former: false });
    expect(data.organization).toEqual({
      name: 'Quds Force',
      kind: 'ARMED_FORCE',
      parent: { id: 'organization:irgc' },
      country: { code: 'IR' },
    });
    expect(data.statement).toEqual({
      quote: 'Relations with Iran are a priority for us',
      reportedBy: 'RIA Novosti',
      speaker: { id: PUTIN },
      meeting: { id: ASHGABAT },
    });
  });

  it('answers null for well-formed ids of nothing stored', async () => {
    const ids = ['leader:nobody', 'meeting:2099-01-01-nothing', 'country:ZZ', 'deal:none', 'syncrun:20990101T000000000Z-00000000'];
    for (const id of ids) {
      const answer = await gateway.query<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(dataOf(answer).node, id).toBeNull();
    }
  });

  it('answers null, not an error, for malformed ids', async () => {
    const ids = [
      '',
      '!!',
      'leader',
      'leader:',
      ':vladimir-putin',
      'LEADER:vladimir-putin',
      'country:iran',
      'planet:mars',
      'leader:vladimir putin',
      `leader:${'x'.repeat(300)}`,
      'syncrun:yesterday',
    ];
    for (const id of ids) {
      const answer = await gateway.query<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(dataOf(answer).node, id).toBeNull();
    }
  });
});

describe('Query: leader', () => {
  it('returns a leader with country, roles and citations', async () => {
    const data = dataOf(
      await gateway.query<{ leader: Record<string, unknown> }>(
        `query ($id: ID!) { leader(id: $id) { id version name aliases country { code name } roles { title start end heldOn country { code } } citations { source { id title } excerpt } } }`,
        { id: PUTIN },
      ),
    );
    expect(data.leader).toMatchObject({
      id: PUTIN,
      version: 1,
      name: 'Vladimir Putin',
      aliases: ['Vladimir Vladimirovich Putin', 'President Putin'],
      country: { code: 'RU', name: 'Russia' },
      // "aides to President Putin were in Tehran on Sept. 17"; "Russian President Vladimir Putin met … Friday".
      roles: [{ title: 'President of Russia', start: null, end: null, heldOn: ['2024-09-17', '2024-10-11'], country: { code: 'RU' } }],
    });
    const citations = data.leader.citations as { source: { id: string }; excerpt: string }[];
    expect(citations).toHaveLength(2);
    expect(citations.every((c) => c.source.id === SOURCE)).toBe(true);
    expect(citations[0]?.excerpt).toContain('met with Iranian President Masoud Pezeshkian in Ashgabat');
  });

  it('answers null for an unknown leader and for an id of another kind', async () => {
    const data = dataOf(
      await gateway.query<Record<string, unknown>>(
        `{ a: leader(id: "leader:nobody") { id } b: leader(id: "${ASHGABAT}") { id } c: leader(id: "not an id") { id } }`,
      ),
    );
    expect(data).toEqual({ a: null, b: null, c: null });
  });
});

describe('Query: leaders', () => {
  it('lists every leader by name without a filter', async () => {
    const page = await leaders(null);
    expect(page.edges.map((e) => e.node.name)).toEqual([
      'Abbas Nilforoushan',
      'Antony Blinken',
      'Benjamin Netanyahu',
      'Ebrahim Raisi',
      'Hassan Nasrallah',
      'Hossein Amir-Abdollahian',
      'Ismail Haniyeh',
      'Mahdi Farahi',
      'Masoud Pezeshkian',
      'Mikhail Mishustin',
      'Sergey Lavrov',
      'Vladimir Putin',
    ]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('lists the leaders of a country', async () => {
    expect(idsOf(await leaders({ country: 'IR' }))).toEqual([
      'leader:abbas-nilforoushan',
      RAISI,
      AMIR_ABDOLLAHIAN,
      'leader:mahdi-farahi',
      PEZESHKIAN,
    ]);
    expect(idsOf(await leaders({ country: 'RU' }))).toEqual(['leader:mikhail-mishustin', LAVROV, PUTIN]);
    expect(idsOf(await leaders({ country: 'UA' }))).toEqual([]);
  });

  it('finds leaders by a name prefix whatever the case and accents, once each', async () => {
    expect(idsOf(await leaders({ nameStartsWith: 'puti' }))).toEqual([PUTIN]);
    expect(idsOf(await leaders({ nameStartsWith: 'PÚTI' }))).toEqual([PUTIN]);
    expect(idsOf(await leaders({ nameStartsWith: 'amir abd' }))).toEqual([AMIR_ABDOLLAHIAN]);
    expect(idsOf(await leaders({ nameStartsWith: 'Amir-Abdollahian' }))).toEqual([AMIR_ABDOLLAHIAN]);
    expect(idsOf(await leaders({ nameStartsWith: 'raï' }))).toEqual([RAISI]);
    // Putin's name and both aliases start with "vladimir": he is still listed once.
    expect(idsOf(await leaders({ nameStartsWith: 'vladimir' }))).toEqual([PUTIN]);
    expect(idsOf(await leaders({ nameStartsWith: 'serge' }))).toEqual([LAVROV]);
  });

  it('combines a name prefix with a country', async () => {
    expect(idsOf(await leaders({ nameStartsWith: 'm', country: 'IR' }))).toEqual(['leader:mahdi-farahi', PEZESHKIAN]);
    expect(idsOf(await leaders({ nameStartsWith: 'm', country: 'RU' }))).toEqual(['leader:mikhail-mishustin']);
    expect(idsOf(await leaders({ nameStartsWith: 'puti', country: 'IR' }))).toEqual([]);
  });

  it('lists the then-President Raisi and then-Foreign Minister Amir-Abdollahian as active on 2023-10-23', async () => {
    const ids = idsOf(await leaders({ country: 'IR', activeOn: '2023-10-23' }));
    expect(ids).toContain(RAISI);
    expect(ids).toContain(AMIR_ABDOLLAHIAN);
    expect(ids).not.toContain(PEZESHKIAN);
  });

  it('lists Pezeshkian and not Raisi as active on 2024-10-11', async () => {
    const ids = idsOf(await leaders({ country: 'IR', activeOn: '2024-10-11' }));
    expect(ids).toContain(PEZESHKIAN);
    expect(ids).not.toContain(RAISI);
    expect(ids).not.toContain(AMIR_ABDOLLAHIAN);
  });

  it('lists a leader once when two of their roles cover the date', async () => {
    // Prepare: a table of its own, with a leader who held two roles in 2008.
    const own = await createTestGateway({ seed: false });
    // The country first: a leader's country must exist (docs/security.md, integrity rules).
    const records = [
      { type: 'source', id: 'source:s', title: 'S' },
      { type: 'country', id: 'country:RU', code: 'RU', name: 'Russia' },
      {
        type: 'leader',
        id: 'leader:two-roles',
        name: 'Two Roles',
        country: 'RU',
        roles: [
          { title: 'President', country: 'RU', start: '2000-05-07', end: '2008-05-07' },
          { title: 'Prime Minister', country: 'RU', start: '2008-05-08', end: '2012-05-07' },
        ],
        citations: [{ source: 'source:s' }],
      },
    ];
    const report = await runSync(
      own.db,
      recordsSource(
        'test',
        records.map((r) => JSON.stringify(r)),
      ),
    );
    expect(report.rejected).toBe(0);

    // Act
    const page = await connection(own, LEADERS, { filter: { country: 'RU', activeOn: '2008' }, first: 100 }, 'leaders');

    // Assess
    expect(idsOf(page)).toEqual(['leader:two-roles']);
  });

  it('refuses a name prefix combined with activeOn, and a malformed country', async () => {
    expect(errorOf(await gateway.query(LEADERS, { filter: { nameStartsWith: 'p', activeOn: '2024' } })).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await gateway.query(LEADERS, { filter: { country: 'Iran' } })).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await gateway.query(LEADERS, { filter: { nameStartsWith: ' -- ' } })).code).toBe('BAD_USER_INPUT');
  });
});

describe('Query: country', () => {
  it('returns a country with the leaders holding a role on a date', async () => {
    const data = dataOf(
      await gateway.query<{ country: { id: string; name: string; aliases: string[]; former: boolean; leaders: Page } }>(
        `{ country(code: "IR") { id name aliases former leaders(activeOn: "2024-10-11") { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`,
      ),
    );
    expect(data.country).toMatchObject({ id: 'country:IR', name: 'Iran', aliases: ['Islamic Republic of Iran'], former: false });
    // Farahi is known as Deputy Minister only in November 2023 ("announced at the time").
    expect(idsOf(data.country.leaders)).toEqual([PEZESHKIAN]);
  });

  it('lists all its leaders by name without activeOn', async () => {
    const data = dataOf(
      await gateway.query<{ country: { leaders: Page } }>(
        `{ country(code: "RU") { leaders { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`,
      ),
    );
    expect(idsOf(data.country.leaders)).toEqual(['leader:mikhail-mishustin', LAVROV, PUTIN]);
  });

  it('answers null for an unknown or malformed code', async () => {
    const data = dataOf(
      await gateway.query<Record<string, unknown>>(
        `{ a: country(code: "ZZ") { id } b: country(code: "iran") { id } c: country(code: "I") { id } }`,
      ),
    );
    expect(data).toEqual({ a: null, b: null, c: null });
  });

  it('takes a code in the forms every country argument takes: any case, or the id', async () => {
    const data = dataOf(
      await gateway.query<Record<string, unknown>>(
        `{ a: country(code: "ir") { id } b: country(code: "country:IR") { id } c: country(code: "Ir") { id } }`,
      ),
    );
    expect(data).toEqual({ a: { id: 'country:IR' }, b: { id: 'country:IR' }, c: { id: 'country:IR' } });
  });
});

describe('Query: meeting', () => {
  it('returns a meeting with its participants, place, countries and statements', async () => {
    const data = dataOf(
      await gateway.query<{ meeting: Record<string, unknown> & { statements: { id: string; speaker: { id: string } }[] } }>(
        `query ($id: ID!) { meeting(id: $id) { id date endDate status occasion location { city country { code name } } participants { id name } countries { code } topics statements { id speaker { id } } citations { source { id } } } }`,
        { id: ASHGABAT },
      ),
    );
    expect(data.meeting).toMatchObject({
      id: ASHGABAT,
      date: '2024-10-11',
      endDate: null,
      status: 'HELD',
      location: { city: 'Ashgabat', country: { code: 'TM', name: 'Turkmenistan' } },
      participants: [
        { id: PUTIN, name: 'Vladimir Putin' },
        { id: PEZESHKIAN, name: 'Masoud Pezeshkian' },
      ],
      countries: [{ code: 'RU' }, { code: 'IR' }],
    });
    expect(data.meeting.statements).toHaveLength(6);
    expect(new Set(data.meeting.statements.map((s) => s.speaker.id))).toEqual(new Set([PUTIN, PEZESHKIAN]));
  });

  it('returns the unnamed delegations of a meeting and whom they represented', async () => {
    const data = dataOf(
      await gateway.query<{ meeting: unknown }>(
        `{ meeting(id: "meeting:2024-09-17-putin-aides-tehran") { participants { id } delegations { size country { code } representing { __typename ... on Leader { id } } } } }`,
      ),
    );
    expect(data.meeting).toEqual({
      participants: [],
      delegations: [{ size: 2, country: { code: 'RU' }, representing: { __typename: 'Leader', id: PUTIN } }],
    });
  });

  it('answers null for an unknown meeting and for an id of another kind', async () => {
    const data = dataOf(
      await gateway.query<Record<string, unknown>>(`{ a: meeting(id: "meeting:nothing") { id } b: meeting(id: "${PUTIN}") { id } }`),
    );
    expect(data).toEqual({ a: null, b: null });
  });
});

describe('Query: meetings', () => {
  const MEETINGS = `query ($filter: MeetingFilter) { meetings(filter: $filter, first: 100) { edges { cursor node { id date status } } pageInfo { hasNextPage endCursor } } }`;
  const meetings = (filter: Record<string, unknown> | null) =>
    connection<{ id: string; date: string; status: string }>(gateway, MEETINGS, { filter }, 'meetings');

  it("lists a leader's meetings newest first", async () => {
    const page = await meetings({ participant: PUTIN });
    expect(idsOf(page)).toEqual([KAZAN, ASHGABAT, PUTIN_IN_IRAN]);
    expectNewestFirst(page.edges.map((e) => e.node.date));
  });

  it("lists a country's meetings newest first", async () => {
    const page = await meetings({ country: 'IR' });
    expect(idsOf(page)).toEqual([
      KAZAN,
      ASHGABAT,
      'meeting:2024-09-30-mishustin-pezeshkian-tehran',
      'meeting:2024-09-17-putin-aides-tehran',
      'meeting:2023-10-23-lavrov-raisi-amir-abdollahian-tehran',
      PUTIN_IN_IRAN,
    ]);
    expect(idsOf(await meetings({ country: 'TM' }))).toEqual([]);
  });

  it('lists the planned meetings: the BRICS summit in Kazan', async () => {
    const page = await meetings({ status: 'PLANNED' });
    expect(page.edges.map((e) => e.node)).toEqual([{ id: KAZAN, date: '2024-10-23', status: 'PLANNED' }]);
    expect(idsOf(await meetings({ status: 'CANCELLED' }))).toEqual([]);
  });

  it('lists the meetings between two dates', async () => {
    expect(idsOf(await meetings({ from: '2024-09', to: '2024-09' }))).toEqual([
      'meeting:2024-09-30-mishustin-pezeshkian-tehran',
      'meeting:2024-09-17-putin-aides-tehran',
    ]);
    expect(idsOf(await meetings({ participant: PUTIN, from: '2024' }))).toEqual([KAZAN, ASHGABAT]);
    expect(idsOf(await meetings({ participant: PUTIN, to: '2023' }))).toEqual([PUTIN_IN_IRAN]);
  });

  it('refuses a participant that is not a leader id, naming the argument', async () => {
    const error = errorOf(await gateway.query(MEETINGS, { filter: { participant: 'country:RU' } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^filter\.participant must be the id of a leader/);
  });
});

describe('Query: militaryDeal', () => {
  it('returns a deal with its parties, items and value', async () => {
    const data = dataOf(
      await gateway.query<{ militaryDeal: unknown }>(
        `query ($id: ID!) { militaryDeal(id: $id) { id supplier { __typename ... on Country { code } } recipient { __typename ... on Country { code } } items { description quantity quantityNote quantityUncertain deliveryYears } value { amount currency } tiv { total } agreedOn agreedOnUncertain status confidence } }`,
        { id: DRONES },
      ),
    );
    expect(data.militaryDeal).toEqual({
      id: DRONES,
      supplier: { __typename: 'Country', code: 'IR' },
      recipient: { __typename: 'Country', code: 'RU' },
      items: [{ description: 'drones', quantity: null, quantityNote: 'hundreds', quantityUncertain: false, deliveryYears: [] }],
      value: { amount: 1_700_000_000, currency: 'USD' },
      tiv: null,
      agreedOn: '2022',
      agreedOnUncertain: false,
      status: 'UNKNOWN',
      confidence: 'REPORTED',
    });
  });

  it('answers null for an unknown deal', async () => {
    expect(dataOf(await gateway.query<{ militaryDeal: unknown }>('{ militaryDeal(id: "deal:nothing") { id } }')).militaryDeal).toBeNull();
  });
});

describe('Query: militaryDeals', () => {
  const DEALS = `query ($filter: MilitaryDealFilter) { militaryDeals(filter: $filter, first: 100) { edges { cursor node { id agreedOn } } pageInfo { hasNextPage endCursor } } }`;
  const deals = (filter: Record<string, unknown> | null) =>
    connection<{ id: string; agreedOn: string | null }>(gateway, DEALS, { filter }, 'militaryDeals');

  // Dated by agreement, newest first; the missiles and radars, whose date of agreement the
  // article does not give, come after the dated ones.
  it('lists the drone and missile deals from Iran to Russia, newest first', async () => {
    const page = await deals({ supplier: 'IR', recipient: 'RU' });
    expect(page.edges.map((e) => [e.node.id, e.node.agreedOn])).toEqual([
      [DRONES, '2022'],
      [MISSILES, null],
    ]);
  });

  it('lists deals by supplier only and by recipient only', async () => {
    expect(idsOf(await deals({ supplier: 'RU' }))).toEqual([AIRCRAFT, RADAR]);
    expect(idsOf(await deals({ recipient: 'IR' }))).toEqual([AIRCRAFT, RADAR]);
    expect(idsOf(await deals({ recipient: 'RU' }))).toEqual([DRONES, MISSILES]);
    expect(idsOf(await deals({ supplier: 'US' }))).toEqual([]);
  });

  it('takes actor ids as well as ISO codes', async () => {
    expect(idsOf(await deals({ supplier: 'country:IR', recipient: 'country:RU' }))).toEqual([DRONES, MISSILES]);
    expect(idsOf(await deals({ supplier: PUTIN }))).toEqual([]);
  });

  it('lists deals by status', async () => {
    expect(idsOf(await deals({ status: 'DELIVERING' }))).toEqual([AIRCRAFT, RADAR, MISSILES]);
    expect(idsOf(await deals({ status: 'UNKNOWN' }))).toEqual([DRONES]);
    expect(idsOf(await deals({ status: 'AGREED' }))).toEqual([]);
    expect(idsOf(await deals({ supplier: 'IR', status: 'DELIVERING' }))).toEqual([MISSILES]);
  });

  it('lists every deal newest first without a filter', async () => {
    expect(idsOf(await deals(null))).toEqual([AIRCRAFT, DRONES, RADAR, MISSILES]);
  });

  it('filters undated deals by when they could have been agreed: by the time they became public', async () => {
    // The missiles became public in 2024-09 and the radars in 2024-08: agreed by then, at the latest.
    expect(idsOf(await deals({ from: '2024-09' }))).toEqual([MISSILES]);
    expect(idsOf(await deals({ from: '2024-10' }))).toEqual([]);
    expect(idsOf(await deals({ to: '2021' }))).toEqual([RADAR, MISSILES]);
  });

  it('refuses a party that is neither an ISO code nor an actor id', async () => {
    const error = errorOf(await gateway.query(DEALS, { filter: { supplier: 'Iran' } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('filter.supplier');
  });
});

describe('Query: events', () => {
  const EVENTS = `query ($filter: EventFilter) { events(filter: $filter, first: 100) { edges { cursor node { id kind date } } pageInfo { hasNextPage endCursor } } }`;
  const events = (filter: Record<string, unknown> | null) =>
    connection<{ id: string; kind: string; date: string }>(gateway, EVENTS, { filter }, 'events');

  it('lists the events an actor took part in or was targeted by, newest first', async () => {
    expect(idsOf(await events({ actor: 'organization:irgc' }))).toEqual([OCT_1_ATTACK]);
    expect(idsOf(await events({ actor: 'leader:hassan-nasrallah' }))).toEqual([BEIRUT_STRIKE]);
    const israel = await events({ actor: 'country:IL' });
    // The earlier attack of 2024 is dated "2024" (the article gives no day): it starts first.
    expect(idsOf(israel)).toEqual([
      OCT_1_ATTACK,
      BEIRUT_STRIKE,
      'event:2024-04-13-iran-attack-israel',
      'event:2023-10-07-hamas-attack-israel',
    ]);
    expectNewestFirst(israel.edges.map((e) => e.node.date));
  });

  it('lists the events of a kind, alone or with an actor', async () => {
    expect(idsOf(await events({ kind: 'TARGETED_KILLING' }))).toEqual([BEIRUT_STRIKE, HANIYEH_KILLING]);
    expect(idsOf(await events({ kind: 'MISSILE_ATTACK', actor: 'country:IR' }))).toEqual([
      OCT_1_ATTACK,
      'event:2024-04-13-iran-attack-israel',
    ]);
    expect(idsOf(await events({ kind: 'TREATY' }))).toEqual([]);
  });

  it('links the 1 October 2024 attack to the events it responded to', async () => {
    const data = dataOf(
      await gateway.query<{ event: unknown }>(
        `query ($id: ID!) { event(id: $id) { kind date actors { __typename ... on Organization { id } ... on Country { id } } targets { ... on Country { id } } respondsTo { id kind date } } }`,
        { id: OCT_1_ATTACK },
      ),
    );
    expect(data.event).toEqual({
      kind: 'MISSILE_ATTACK',
      date: '2024-10-01',
      actors: [
        { __typename: 'Organization', id: 'organization:irgc' },
        { __typename: 'Country', id: 'country:IR' },
      ],
      targets: [{ id: 'country:IL' }],
      respondsTo: [
        { id: BEIRUT_STRIKE, kind: 'TARGETED_KILLING', date: '2024-09-27' },
        { id: HANIYEH_KILLING, kind: 'TARGETED_KILLING', date: '2024-07' },
      ],
    });
  });

  it('refuses a kind that is not upper case and an actor that is not an actor id', async () => {
    expect(errorOf(await gateway.query(EVENTS, { filter: { kind: 'missile_attack' } })).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await gateway.query(EVENTS, { filter: { actor: ASHGABAT } })).code).toBe('BAD_USER_INPUT');
  });
});

describe('Query: statements', () => {
  const STATEMENTS = `query ($filter: StatementFilter) { statements(filter: $filter, first: 100) { edges { cursor node { id date quote reportedBy speaker { id } } } pageInfo { hasNextPage endCursor } } }`;
  type StatementNode = { id: string; date: string; quote: string; reportedBy: string | null; speaker: { id: string } };
  const statements = (filter: Record<string, unknown> | null) => connection<StatementNode>(gateway, STATEMENTS, { filter }, 'statements');

  it("lists a speaker's statements, newest first", async () => {
    const lavrov = await statements({ speaker: LAVROV });
    expect(idsOf(lavrov)).toEqual([
      'statement:2024-10-11-lavrov-attack-on-nuclear-facilities-provocation',
      'statement:2023-10-23-lavrov-illegitimate-unilateral-sanctions',
    ]);
    expectNewestFirst(lavrov.edges.map((e) => e.node.date));
    const putin = await statements({ speaker: PUTIN });
    expect(putin.edges).toHaveLength(4);
    expect(putin.edges.every((e) => e.node.speaker.id === PUTIN && e.node.date === '2024-10-11')).toBe(true);
  });

  it('tells who reported a statement: RIA Novosti for "Relations with Iran are a priority for us"', async () => {
    const putin = await statements({ speaker: PUTIN });
    const reported = putin.edges.filter((e) => e.node.reportedBy !== null).map((e) => e.node);
    expect(reported).toEqual([
      expect.objectContaining({
        id: 'statement:2024-10-11-putin-relations-with-iran-a-priority',
        quote: 'Relations with Iran are a priority for us',
        reportedBy: 'RIA Novosti',
      }),
    ]);
    const pezeshkian = await statements({ speaker: PEZESHKIAN });
    expect(pezeshkian.edges.map((e) => e.node.reportedBy).filter(Boolean)).toEqual(['Press TV']);
  });

  it('lists every statement newest first, and by date', async () => {
    const all = await statements(null);
    expect(all.edges).toHaveLength(9);
    expectNewestFirst(all.edges.map((e) => e.node.date));
    expect(idsOf(await statements({ to: '2024-10-01' }))).toEqual([
      'statement:2024-10-01-netanyahu-iran-made-a-big-mistake',
      'statement:2023-10-23-lavrov-illegitimate-unilateral-sanctions',
    ]);
  });

  it("lists a leader's statements from the leader", async () => {
    const data = dataOf(
      await gateway.query<{ leader: { statements: Page } }>(
        `{ leader(id: "${PEZESHKIAN}") { statements { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`,
      ),
    );
    expect(idsOf(data.leader.statements).sort()).toEqual([
      'statement:2024-10-11-pezeshkian-positions-much-closer',
      'statement:2024-10-11-pezeshkian-situation-in-region-critical',
    ]);
  });
});

describe('Query: relations', () => {
  const RELATIONS = `query ($countries: [String!]!, $first: Int) { relations(countries: $countries, first: $first) {
    edges { cursor node { __typename
      ... on Meeting { id date }
      ... on MilitaryDeal { id agreedOn }
      ... on Event { id date }
      ... on Statement { id said: date } } }
    pageInfo { hasNextPage endCursor } } }`;
  type TimelineNode = { __typename: string; id: string; date?: string; agreedOn?: string; said?: string };
  const relations = (countries: string[]) => connection<TimelineNode>(gateway, RELATIONS, { countries, first: 100 }, 'relations');

  it('mixes meetings, deals, events and statements between Iran and Russia, newest first', async () => {
    // Act
    const page = await relations(['IR', 'RU']);

    // Assess
    const nodes = page.edges.map((e) => e.node);
    expect(new Set(nodes.map((n) => n.__typename))).toEqual(new Set(['Meeting', 'MilitaryDeal', 'Event', 'Statement']));
    expect(nodes[0]).toEqual({ __typename: 'Meeting', id: KAZAN, date: '2024-10-23' });
    // Deals whose date of agreement is not known come last.
    const dated = nodes.filter((n) => n.__typename !== 'MilitaryDeal' || n.agreedOn !== null);
    expectNewestFirst(dated.map((n) => (n.date ?? n.agreedOn ?? n.said) as string));
    expect(nodes.slice(-2).map((n) => n.id)).toEqual([RADAR, MISSILES]);
    const ids = nodes.map((n) => n.id);
    for (const id of [
      ASHGABAT,
      PUTIN_IN_IRAN,
      DRONES,
      MISSILES,
      AIRCRAFT,
      RADAR,
      'event:2024-04-su-35-delivery-reports-denied',
      'statement:2024-10-11-putin-relations-with-iran-a-priority',
    ]) {
      expect(ids).toContain(id);
    }
    // Neither Israel's nor Ukraine's conflicts are between Iran and Russia.
    expect(ids).not.toContain('event:2022-02-24-russia-invasion-ukraine');
    expect(ids).not.toContain(OCT_1_ATTACK);
    expect(ids.filter((id) => id.startsWith('statement:'))).toHaveLength(8);
    expect(new Set(ids).size).toBe(ids.length);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('answers the same whichever order the countries are given in', async () => {
    const forward = await relations(['IR', 'RU']);
    const backward = await relations(['RU', 'IR']);
    expect(idsOf(backward)).toEqual(idsOf(forward));
    expect(idsOf(forward).length).toBeGreaterThan(10);
  });

  it('lists only what is between the two countries', async () => {
    const israelIran = await relations(['IL', 'IR']);
    expect(idsOf(israelIran)).toContain(OCT_1_ATTACK);
    expect(idsOf(israelIran)).toContain('statement:2024-10-01-netanyahu-iran-made-a-big-mistake');
    expect(idsOf(israelIran)).not.toContain(DRONES);
    expect(idsOf(await relations(['RU', 'UA']))).toEqual(['event:2022-02-24-russia-invasion-ukraine']);
  });

  it('refuses anything but two different ISO codes', async () => {
    for (const countries of [['IR'], ['IR', 'IR'], ['IR', 'RU', 'IL'], ['Iran', 'RU']]) {
      expect(errorOf(await gateway.query(RELATIONS, { countries, first: 10 })).code, countries.join(',')).toBe('BAD_USER_INPUT');
    }
  });
});

describe('Query: search', () => {
  const SEARCH = `query ($text: String!, $first: Int) { search(text: $text, first: $first) { __typename ... on Leader { id } ... on Country { id } ... on Organization { id } } }`;
  const search = async (text: string, first?: number) =>
    dataOf(await gateway.query<{ search: { __typename: string; id: string }[] }>(SEARCH, { text, ...(first ? { first } : {}) })).search;

  it('finds a leader by an alias', async () => {
    expect((await search('Amir Abdollahian'))[0]).toEqual({ __typename: 'Leader', id: AMIR_ABDOLLAHIAN });
    expect((await search('Ebrahim Raeisi'))[0]).toEqual({ __typename: 'Leader', id: RAISI });
    expect((await search('Tony Blinken'))[0]).toEqual({ __typename: 'Leader', id: 'leader:antony-blinken' });
  });

  it('finds a leader by a later word of the name, whatever the case and accents', async () => {
    for (const text of ['abdollahian', 'ABDOLLAHIAN', 'Abdolláhian', 'amir-abdollahian']) {
      expect(await search(text), text).toEqual([{ __typename: 'Leader', id: AMIR_ABDOLLAHIAN }]);
    }
    expect((await search('Ébrahim Raïsi'))[0]?.id).toBe(RAISI);
  });

  it('reads Cyrillic as Latin and known variant spellings as the name, as searchAll does', async () => {
    const cases: [string, string][] = [
      ['Путин', PUTIN],
      ['Пути', PUTIN],
      ['Сергей Лавров', 'leader:sergey-lavrov'],
      ['Hizbollah', 'organization:hezbollah'],
      ['Pezeshkyan', 'leader:masoud-pezeshkian'],
      ['پزشکیان', 'leader:masoud-pezeshkian'],
      ['Revolutionary Guards', 'organization:irgc'],
    ];
    for (const [text, id] of cases) expect((await search(text))[0]?.id, text).toBe(id);
    const leaders = await gateway.query<{ leaders: { edges: { node: { id: string } }[] } }>(
      '{ leaders(filter: { nameStartsWith: "Пути" }) { edges { node { id } } } }',
    );
    expect(dataOf(leaders).leaders.edges.map((e) => e.node.id)).toEqual([PUTIN]);
  });

  it('ranks Putin first for the prefix "puti"', async () => {
    const results = await search('puti');
    expect(results[0]).toEqual({ __typename: 'Leader', id: PUTIN });
  });

  it('finds countries and organisations too, best match first', async () => {
    expect((await search('iran'))[0]).toEqual({ __typename: 'Country', id: 'country:IR' });
    expect((await search('IRGC'))[0]).toEqual({ __typename: 'Organization', id: 'organization:irgc' });
    expect((await search('Russian Federation'))[0]).toEqual({ __typename: 'Country', id: 'country:RU' });
  });

  it('lists each match once and keeps to first', async () => {
    const results = await search('i');
    const ids = results.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(2);
    expect(await search('i', 2)).toHaveLength(2);
  });

  it('answers an empty list for a name nobody has, and refuses a text without letters', async () => {
    expect(await search('zzyzx')).toEqual([]);
    expect(errorOf(await gateway.query(SEARCH, { text: ' - ' })).code).toBe('BAD_USER_INPUT');
  });
});

describe('Query: syncRuns', () => {
  it('lists the run that seeded the table, with counts that add up', async () => {
    const data = dataOf(
      await gateway.query<{ syncRuns: Page<Record<string, unknown> & { id: string }> }>(
        `{ syncRuns { edges { cursor node { id source format status startedAt finishedAt read created updated unchanged rejected rejects { line message } error } } pageInfo { hasNextPage endCursor } } }`,
      ),
    );
    expect(data.syncRuns.edges).toHaveLength(1);
    const run = data.syncRuns.edges[0]?.node as unknown as Record<string, unknown> & {
      read: number;
      created: number;
      updated: number;
      unchanged: number;
      rejected: number;
    };
    expect(run).toMatchObject({ status: 'SUCCEEDED', created: 71, updated: 0, unchanged: 0, rejected: 0, rejects: [], error: null });
    expect(run.source).toMatch(/article\.ndjson$/);
    expect(run.created + run.updated + run.unchanged + run.rejected).toBe(run.read);
    expect(Date.parse(run.finishedAt as string)).toBeGreaterThanOrEqual(Date.parse(run.startedAt as string));
    expect(data.syncRuns.pageInfo.hasNextPage).toBe(false);
  });
});
