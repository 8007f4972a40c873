import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { createTestGateway, type TestGateway } from '../support/gateway.js';
import { dataOf, idsOf, type Page } from './helpers.js';

/**
 * The questions an analyst asks of the article and of SIPRI, asked over the real handler on
 * dynalite after the article's feed and the SIPRI sample are imported. Every expected value is
 * written out from data/article.txt or from the rows of the SIPRI file, quoted beside it.
 */

const SAMPLE = fileURLToPath(new URL('../fixtures/sipri/trade-register-2026-05-sample.csv', import.meta.url));
const FULL_EXPORT = fileURLToPath(new URL('../../../shared/fixtures/sipri/trade-register-2026-05.csv', import.meta.url));

const LAVROV = 'leader:sergey-lavrov';
const PEZESHKIAN = 'leader:masoud-pezeshkian';
const DRONES = 'deal:2022-iran-russia-drones';
const MISSILES = 'deal:2024-iran-russia-short-range-ballistic-missiles';
const AIRCRAFT = 'deal:2023-11-russia-iran-combat-aircraft';
const RADAR = 'deal:2024-russia-iran-radar-air-defense';
const BEIRUT_STRIKE = 'event:2024-09-27-israeli-strike-beirut-nasrallah-nilforoushan';
const HANIYEH_KILLING = 'event:2024-07-31-haniyeh-killing-tehran';
const OCT_1_ATTACK = 'event:2024-10-01-iran-missile-attack-israel';

let gateway: TestGateway;

async function importSipri(path: string): Promise<void> {
  const report = await runSync(gateway.db, resolveSource(path), { actor: 'test' });
  expect(report.status).toBe('SUCCEEDED');
  expect(report.rejected).toBe(0);
}

beforeAll(async () => {
  gateway = await createTestGateway();
  await importSipri(SAMPLE);
});

afterEach(() => {
  expect(gateway.logged.splice(0).map((l) => l.message)).toEqual([]);
});

interface DealNode {
  id: string;
  agreedOn: string | null;
  disclosedOn: string | null;
  status: string;
  items: { designation: string | null; description: string; quantity: number | null; delivered: number | null; deliveryYears: number[] }[];
  citations: { source: { id: string }; excerpt: string }[];
  sourceRecords: { id: string; agreedOn: string; status: string; items: DealNode['items']; citations: DealNode['citations'] }[];
  disagreements: { field: string; values: { value: string | null; deal: { id: string }; citations: { source: { id: string } }[] }[] }[];
}

// Pages of 40: a Query of source records per deal keeps 100 within no anonymous budget (docs/security.md, "Cost model and budget").
const DEALS = `query ($filter: MilitaryDealFilter) { militaryDeals(filter: $filter, first: 40) { edges { cursor node {
  id agreedOn disclosedOn status
  items { designation description quantity delivered deliveryYears }
  citations { source { id } excerpt }
  sourceRecords { id agreedOn status items { designation description quantity delivered deliveryYears } citations { source { id } excerpt } }
  disagreements { field values { value deal { id } citations { source { id } } } }
} } pageInfo { hasNextPage endCursor } } }`;

async function deals(filter: Record<string, unknown>): Promise<DealNode[]> {
  const data = dataOf(await gateway.query<{ militaryDeals: Page<DealNode> }>(DEALS, { filter }));
  return data.militaryDeals.edges.map((e) => e.node);
}

const designations = (deal: { sourceRecords: { items: { designation: string | null }[] }[] } | undefined) =>
  (deal?.sourceRecords ?? []).map((r) => r.items[0]?.designation).sort();

describe('Analyst: who led Iran when Lavrov came to Tehran', () => {
  it('finds the visit among Lavrov’s meetings, then the leaders of Iran on that day: Raisi and Amir-Abdollahian, the hosts', async () => {
    // Prepare: "Lavrov traveled to Tehran on Oct. 23, 2023 … met with then-President Ebrahim Raisi and then-Foreign Minister Hossein Amir Abdollahian"
    const visits = dataOf(
      await gateway.query<{ leader: { meetings: Page<{ id: string; date: string; location: { city: string } }> } }>(
        `query ($id: ID!) { leader(id: $id) { meetings { edges { cursor node { id date location { city } } } pageInfo { hasNextPage endCursor } } } }`,
        { id: LAVROV },
      ),
    ).leader.meetings.edges.map((e) => e.node);
    const tehran = visits.find((m) => m.location.city === 'Tehran');

    // Act
    const data = dataOf(
      await gateway.query<{
        leaders: Page<{ id: string; roles: { title: string }[] }>;
        meeting: { attendees: { leader: { id: string }; role: string }[] };
      }>(
        `query ($on: PartialDate!, $id: ID!) {
          leaders(filter: { country: "IR", activeOn: $on }) { edges { cursor node { id roles { title } } } pageInfo { hasNextPage endCursor } }
          meeting(id: $id) { attendees { leader { id } role } } }`,
        { on: tehran?.date, id: tehran?.id },
      ),
    );

    // Assess
    expect(tehran?.date).toBe('2023-10-23');
    expect(idsOf(data.leaders).sort()).toEqual(['leader:ebrahim-raisi', 'leader:hossein-amir-abdollahian']);
    expect(data.meeting.attendees).toEqual([
      { leader: { id: LAVROV }, role: 'GUEST' },
      { leader: { id: 'leader:ebrahim-raisi' }, role: 'HOST' },
      { leader: { id: 'leader:hossein-amir-abdollahian' }, role: 'HOST' },
    ]);
  });
});

describe('Analyst: what went from Iran to Russia, and when, per source', () => {
  it('lists each transfer once, the article’s deal with the SIPRI records that describe it', async () => {
    // Act
    const shown = await deals({ supplier: 'IR', recipient: 'RU' });
    const all = await deals({ supplier: 'IR', recipient: 'RU', includeSourceRecords: true });

    // Assess: the article's two deals, in 2022 ("signed in late 2022") and made public in 2024-09.
    expect(shown.map((d) => [d.id, d.agreedOn, d.disclosedOn])).toEqual([
      [DRONES, '2022', null],
      [MISSILES, null, '2024-09'],
    ]);
    // SIPRI: "Russia,Iran,2022,,,,Shahed-136,…,6600", "…2022,?,100,,Shahed-131…", "…2022,,20,?,Mohajer-6…", "…2023,,200,?,Fath-360…".
    const drones = shown.find((d) => d.id === DRONES);
    expect(designations(drones)).toEqual(['Mohajer-6', 'Shahed-131', 'Shahed-136']);
    expect(designations(shown.find((d) => d.id === MISSILES))).toEqual(['Fath-360']);
    const shahed = drones?.sourceRecords.find((r) => r.items[0]?.designation === 'Shahed-136');
    expect(shahed).toMatchObject({ agreedOn: '2022', status: 'DELIVERING' });
    expect(shahed?.items[0]).toMatchObject({ quantity: null, delivered: 6600, deliveryYears: [2022, 2023, 2024, 2025] });
    expect(shahed?.citations[0]?.source.id).toBe('source:sipri-arms-transfers-2026-05-18');
    expect(drones?.citations[0]?.excerpt).toContain('hundreds of drones');
    expect(all.map((d) => d.id)).toHaveLength(6);
  });
});

describe('Analyst: what went from Russia to Iran, where the sources disagree', () => {
  it('shows the aircraft deal once, with SIPRI’s Su-35S, Mi-28N and Yak-130, and their disagreements each with its source', async () => {
    // Act
    const shown = await deals({ supplier: 'RU', recipient: 'IR' });
    const aircraft = shown.find((d) => d.id === AIRCRAFT);

    // Assess: the article's two deals and SIPRI's three older transfers, which the article does not describe.
    expect(shown.map((d) => d.id).filter((id) => !id.startsWith('deal:sipri-'))).toEqual([AIRCRAFT, RADAR]);
    expect(shown.map((d) => d.items[0]?.designation).filter((d) => d && /^(9M338|48N6|S-300)/.test(d))).toHaveLength(3);
    expect(designations(aircraft)).toEqual(['Mi-28N', 'Su-35S', 'Yak-130']);
    expect(designations(shown.find((d) => d.id === RADAR))).toEqual([]);
    // The article: "finalized a deal last November … The Yak-130s have been delivered";
    // SIPRI: "Iran,Russia,2022,?,24,?,Yak-130,trainer/combat aircraft,6,?,2023; 2024".
    const yak = aircraft?.sourceRecords.find((r) => r.items[0]?.designation === 'Yak-130')?.id;
    expect(aircraft?.disagreements.map((d) => [d.field, d.values.map((v) => [v.value, v.deal.id, v.citations[0]?.source.id])])).toEqual([
      [
        'agreedOn of Yak-130',
        [
          ['2023-11', AIRCRAFT, 'source:article-putin-pezeshkian-ashgabat-2024-10-11'],
          ['2022', yak, 'source:sipri-arms-transfers-2026-05-18'],
        ],
      ],
      [
        'status of Yak-130',
        [
          ['DELIVERED', AIRCRAFT, 'source:article-putin-pezeshkian-ashgabat-2024-10-11'],
          ['DELIVERING (6 of 24 delivered)', yak, 'source:sipri-arms-transfers-2026-05-18'],
        ],
      ],
    ]);
  });

  it('lists Russia’s deals with Iran once on the country and on the bilateral timeline, and all records on request', async () => {
    // Act
    const data = dataOf(
      await gateway.query<{ country: { deals: Page; all: Page }; relations: Page<{ __typename: string; id?: string }> }>(
        `{ country(code: "IR") {
            deals(first: 100) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
            all: deals(first: 100, includeSourceRecords: true) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
          relations(countries: ["IR", "RU"], first: 100) { edges { cursor node { __typename ... on MilitaryDeal { id } } } pageInfo { hasNextPage endCursor } } }`,
      ),
    );

    // Assess: the article's 4 deals, and SIPRI's records no article deal describes: 3 older from Russia
    // (9M338, S-300PMU2, 48N6), 1 to Hezbollah (Almas-1), 2 to the Houthis (Shahed-136, Sammad-3) and the
    // KC-747 from the United States (1974). The 7 SIPRI records linked to the article's deals are hidden.
    const shownDeals = idsOf(data.country.deals);
    expect(shownDeals.filter((id) => !id.startsWith('deal:sipri-')).sort()).toEqual([AIRCRAFT, DRONES, MISSILES, RADAR].sort());
    expect(shownDeals).toHaveLength(4 + 3 + 1 + 2 + 1);
    expect(idsOf(data.country.all)).toHaveLength(shownDeals.length + 7);
    const timelineDeals = data.relations.edges.map((e) => e.node).filter((n) => n.__typename === 'MilitaryDeal');
    expect(timelineDeals).toHaveLength(4 + 3);
  });
});

describe('Analyst: what responded to what', () => {
  it('answers from either end: the 1 October attack answered two killings, by Tehran’s account only', async () => {
    // Prepare: "in what Tehran said was a response to Israel’s assassination of … Nasrallah … as well as the killing of … Haniyeh"
    const data = dataOf(
      await gateway.query<{
        attack: { respondsToLinks: { event: { id: string }; confidence: string; claimedBy: { code: string } }[] };
        strike: { respondedToBy: { event: { id: string }; confidence: string }[] };
        killing: { respondedToBy: { event: { id: string }; confidence: string }[] };
      }>(
        `{ attack: event(id: "${OCT_1_ATTACK}") { respondsToLinks { event { id } confidence claimedBy { ... on Country { code } } } }
           strike: event(id: "${BEIRUT_STRIKE}") { respondedToBy { event { id } confidence } }
           killing: event(id: "${HANIYEH_KILLING}") { respondedToBy { event { id } confidence } } }`,
      ),
    );

    // Assess
    expect(data.attack.respondsToLinks).toEqual([
      { event: { id: BEIRUT_STRIKE }, confidence: 'ALLEGED', claimedBy: { code: 'IR' } },
      { event: { id: HANIYEH_KILLING }, confidence: 'ALLEGED', claimedBy: { code: 'IR' } },
    ]);
    expect(data.strike.respondedToBy).toEqual([{ event: { id: OCT_1_ATTACK }, confidence: 'ALLEGED' }]);
    expect(data.killing.respondedToBy).toEqual([{ event: { id: OCT_1_ATTACK }, confidence: 'ALLEGED' }]);
  });
});

describe('Analyst: Pezeshkian’s meetings and invitations', () => {
  it('lists the Kazan summit he was invited to beside the meetings he attended, each with his part', async () => {
    // Prepare: "Putin extended an invitation for Pezeshkian to attend the upcoming BRICS summit in … Kazan Oct. 23–24"
    const data = dataOf(
      await gateway.query<{
        leader: {
          meetings: Page<{
            id: string;
            date: string;
            attendees: { leader: { id: string }; role: string }[];
            invitations: {
              invitee: { id: string };
              invitedBy: { id: string };
              extendedOn: string;
              extendedAt: { id: string };
              status: string;
            }[];
          }>;
        };
      }>(
        `query ($id: ID!) { leader(id: $id) { meetings { edges { cursor node { id date attendees { leader { id } role }
          invitations { invitee { id } invitedBy { id } extendedOn extendedAt { id } status } } } pageInfo { hasNextPage endCursor } } } }`,
        { id: PEZESHKIAN },
      ),
    );

    // Act
    const parts = data.leader.meetings.edges.map((e) => [e.node.id, e.node.attendees.find((a) => a.leader.id === PEZESHKIAN)?.role]);

    // Assess
    expect(parts).toEqual([
      ['meeting:2024-10-23-brics-summit-kazan', 'INVITED'],
      ['meeting:2024-10-11-putin-pezeshkian-ashgabat', 'PARTICIPANT'],
      ['meeting:2024-09-30-mishustin-pezeshkian-tehran', 'HOST'],
    ]);
    expect(data.leader.meetings.edges[0]?.node.invitations).toEqual([
      {
        invitee: { id: PEZESHKIAN },
        invitedBy: { id: 'leader:vladimir-putin' },
        extendedOn: '2024-10-11',
        extendedAt: { id: 'meeting:2024-10-11-putin-pezeshkian-ashgabat' },
        status: 'EXTENDED',
      },
    ]);
  });
});

describe('Analyst: who said what, where, reported by whom', () => {
  it('answers with one `date` on every timeline member, without aliases', async () => {
    // Act: Meeting, Event and Statement all have date: PartialDate! (no "conflicting types" error).
    const answer = await gateway.query<{ relations: Page<{ __typename: string; date?: string }> }>(
      `{ relations(countries: ["IR", "RU"], first: 5) { edges { cursor node { __typename ... on Meeting { date } ... on Event { date } ... on Statement { date } } } pageInfo { hasNextPage endCursor } } }`,
    );

    // Assess
    expect(dataOf(answer).relations.edges[0]?.node).toEqual({ __typename: 'Meeting', date: '2024-10-23' });
  });

  it('gives each statement its speakers, place and the agency that carried it', async () => {
    const data = dataOf(
      await gateway.query<{
        statements: Page<{
          quote: string;
          speakers: { id: string }[];
          location: { city: string | null; country: { code: string } } | null;
          reportedBy: string | null;
          reporter: { id: string; name: string } | null;
        }>;
      }>(
        `{ statements(first: 100) { edges { cursor node { id quote speakers { id } location { city country { code } } reportedBy reporter { id name } } } pageInfo { hasNextPage endCursor } } }`,
      ),
    );
    const byQuote = (start: string) => data.statements.edges.map((e) => e.node).find((s) => s.quote.startsWith(start));

    // Assess: "Lavrov said at a press conference in Laos today"
    expect(byQuote('If any plans or threats')).toMatchObject({
      speakers: [{ id: LAVROV }],
      location: { city: null, country: { code: 'LA' } },
    });
    // "as reported by RIA Novosti, the Russian state-owned news agency"
    expect(byQuote('Relations with Iran are a priority')).toMatchObject({
      location: { city: 'Ashgabat', country: { code: 'TM' } },
      reportedBy: 'RIA Novosti',
      reporter: { id: 'organization:ria-novosti', name: 'RIA Novosti' },
    });
    // "according to the Iranian state-run Press TV"
    expect(byQuote('Our positions in the world')?.reporter).toEqual({ id: 'organization:press-tv', name: 'Press TV' });
    // "They also rejected the West’s "illegitimate unilateral sanctions""
    expect(byQuote('illegitimate unilateral sanctions')?.speakers).toEqual([
      { id: LAVROV },
      { id: 'leader:ebrahim-raisi' },
      { id: 'leader:hossein-amir-abdollahian' },
    ]);
    expect(data.statements.edges.some((e) => e.node.quote === 'serious provocation')).toBe(false);
  });
});

describe('Analyst: one entity per organisation across sources', () => {
  it('finds Hezbollah once, with its leader, the strike that targeted it, and SIPRI’s deal to it', async () => {
    // Prepare: SIPRI "Hezbollah (Lebanon)*,Iran,2023,?,25,?,Almas-1,anti-tank missile,25"; the article's "Hezbollah Secretary-General Hassan Nasrallah".
    const data = dataOf(
      await gateway.query<{
        search: { __typename: string; id: string }[];
        organization: {
          leaders: Page;
          events: Page;
          deals: Page<{ id: string; supplier: { code: string }; items: { designation: string }[] }>;
        };
        leaders: Page;
      }>(
        `{ search(text: "hezbollah") { __typename ... on Organization { id } }
           organization(id: "organization:hezbollah") {
             leaders { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
             events { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
             deals { edges { cursor node { id supplier { ... on Country { code } } items { designation } } } pageInfo { hasNextPage endCursor } } }
           leaders(filter: { country: "LB" }) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
      ),
    );

    // Assess
    expect(data.search).toEqual([{ __typename: 'Organization', id: 'organization:hezbollah' }]);
    expect(idsOf(data.organization.leaders)).toEqual(['leader:hassan-nasrallah']);
    expect(idsOf(data.organization.events)).toEqual([BEIRUT_STRIKE]);
    expect(data.organization.deals.edges.map((e) => [e.node.supplier.code, e.node.items[0]?.designation])).toEqual([['IR', 'Almas-1']]);
    // Nasrallah led Hezbollah, not Lebanon.
    expect(idsOf(data.leaders)).toEqual([]);
  });
});

describe('Analyst: after importing the full SIPRI export', () => {
  beforeAll(async () => {
    if (!existsSync(FULL_EXPORT)) throw new Error(`the full SIPRI export is not at ${FULL_EXPORT}: shared/ belongs beside the checkout`);
    await importSipri(FULL_EXPORT);
  }, 600_000);

  it('lists each real transfer between Iran and Russia once, with both sources', async () => {
    // Act
    const toRussia = await deals({ supplier: 'IR', recipient: 'RU' });
    const toIran = await deals({ supplier: 'RU', recipient: 'IR' });

    // Assess: the article's deals stand for SIPRI's records of the same transfers.
    expect(designations(toRussia.find((d) => d.id === DRONES))).toEqual(expect.arrayContaining(['Shahed-131', 'Shahed-136']));
    expect(designations(toRussia.find((d) => d.id === MISSILES))).toEqual(expect.arrayContaining(['Fath-360']));
    expect(designations(toIran.find((d) => d.id === AIRCRAFT))).toEqual(expect.arrayContaining(['Mi-28N', 'Su-35S', 'Yak-130']));
    for (const list of [toRussia, toIran]) {
      const shownIds = list.map((d) => d.id);
      const linked = list.flatMap((d) => d.sourceRecords.map((r) => r.id));
      expect(shownIds.filter((id) => linked.includes(id))).toEqual([]);
      expect(new Set(shownIds).size).toBe(shownIds.length);
    }
  }, 120_000);
});
