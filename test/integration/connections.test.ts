import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRecord, type EntityRecord } from '../../src/domain/records.js';
import { createApiKey } from '../../src/store/api-keys.js';
import { getEntity, writeEntity } from '../../src/store/entities.js';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { ARTICLE_FEED, createTestGateway, type GraphqlResponse, type TestGateway } from '../support/gateway.js';
import { dataOf, errorOf } from './helpers.js';

let gateway: TestGateway;

const PUTIN = 'leader:vladimir-putin';
const PEZESHKIAN = 'leader:masoud-pezeshkian';
const LAVROV = 'leader:sergey-lavrov';

/** A connection's page as these tests select it. */
interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PAGE = 'totalCount edges { cursor node { ... on Node { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const PAGING = 'first: $first, after: $after, last: $last, before: $before';
const VARIABLES = '$first: Int, $after: String, $last: Int, $before: String';

/** One connection of the schema: the field with its arguments, and where it is in the answer. */
interface Case {
  name: string;
  /** The field, its arguments before the paging ones. */
  field: string;
  /** A parent to reach it through (`leader(id: …)`), when it is not on Query. */
  parent?: string;
  /** The order argument that reverses it, when it has one. */
  reverse?: string;
  /** Revisions are no Node: they are told apart by version. */
  revisions?: boolean;
}

const CASES: Case[] = [
  { name: 'leaders', field: 'leaders(', reverse: 'orderBy: NAME_DESC' },
  { name: 'leaders of a country, by code in lower case', field: 'leaders(filter: { country: "ir" }, ', reverse: 'orderBy: NAME_DESC' },
  { name: 'leaders active on a date', field: 'leaders(filter: { activeOn: "2024-10-11" }, ' },
  { name: 'leaders by name prefix', field: 'leaders(filter: { nameStartsWith: "m" }, ', reverse: 'orderBy: NAME_DESC' },
  { name: "a country's leaders", parent: 'country(code: "RU")', field: 'leaders(' },
  { name: 'meetings', field: 'meetings(', reverse: 'orderBy: OLDEST_FIRST' },
  { name: 'meetings held', field: 'meetings(filter: { status: HELD }, ', reverse: 'orderBy: OLDEST_FIRST' },
  { name: "a participant's meetings", field: `meetings(filter: { participant: "${PUTIN}" }, `, reverse: 'orderBy: OLDEST_FIRST' },
  { name: 'meetings of two participants together', field: `meetings(filter: { participants: ["${PUTIN}", "${PEZESHKIAN}"] }, ` },
  { name: 'meetings of a participant in a country', field: `meetings(filter: { participant: "${PUTIN}", country: "country:IR" }, ` },
  {
    name: 'meetings of any of several countries',
    field: 'meetings(filter: { countries: ["IL", "ir"] }, ',
    reverse: 'orderBy: OLDEST_FIRST',
  },
  { name: 'meetings from a date', field: 'meetings(filter: { from: "2024-09" }, ', reverse: 'orderBy: OLDEST_FIRST' },
  { name: 'deals', field: 'militaryDeals(', reverse: 'orderBy: OLDEST_FIRST' },
  { name: 'deals by supplier', field: 'militaryDeals(filter: { supplier: "IR" }, ' },
  { name: 'deals by recipient as an id', field: 'militaryDeals(filter: { recipient: "country:IR" }, ' },
  { name: 'deals between two parties', field: 'militaryDeals(filter: { supplier: "ru", recipient: "ir" }, ' },
  {
    name: 'deals from any of several suppliers',
    field: 'militaryDeals(filter: { suppliers: ["IR", "RU"] }, ',
    reverse: 'orderBy: OLDEST_FIRST',
  },
  { name: 'deals by status', field: 'militaryDeals(filter: { status: DELIVERING }, ' },
  { name: 'deals by confidence', field: 'militaryDeals(filter: { confidence: ALLEGED }, ' },
  { name: 'deals by designation prefix', field: 'militaryDeals(filter: { designation: "su" }, ' },
  { name: 'events', field: 'events(', reverse: 'orderBy: OLDEST_FIRST' },
  { name: 'events by kind', field: 'events(filter: { kind: "MISSILE_ATTACK" }, ' },
  { name: 'events by actor as a code', field: 'events(filter: { actor: "IR" }, ', reverse: 'orderBy: OLDEST_FIRST' },
  {
    name: 'events by kind, actor and dates',
    field: 'events(filter: { kind: "MISSILE_ATTACK", actor: "country:IR", from: "2024", to: "2024-10" }, ',
  },
  { name: 'statements', field: 'statements(', reverse: 'orderBy: OLDEST_FIRST' },
  { name: "a speaker's statements", field: `statements(filter: { speaker: "${PUTIN}" }, ` },
  { name: 'statements by reporter', field: 'statements(filter: { reportedBy: "ria novosti" }, ' },
  { name: 'statements about a country', field: 'statements(filter: { countries: ["LB", "PS"] }, ' },
  { name: 'statements said in a country', field: 'statements(filter: { place: "TM" }, ', reverse: 'orderBy: OLDEST_FIRST' },
  { name: 'the Iran–Russia timeline', field: 'relations(countries: ["IR", "RU"], ', reverse: 'orderBy: OLDEST_FIRST' },
  { name: 'the Iran–Russia timeline from a date', field: 'relations(countries: ["ir", "country:RU"], from: "2024-04", ' },
  { name: 'sync runs', field: 'syncRuns(' },
  { name: "a leader's meetings", parent: `leader(id: "${PUTIN}")`, field: 'meetings(', reverse: 'orderBy: OLDEST_FIRST' },
  { name: "a leader's statements", parent: `leader(id: "${LAVROV}")`, field: 'statements(' },
  { name: "a country's deals", parent: 'country(code: "IR")', field: 'deals(', reverse: 'orderBy: OLDEST_FIRST' },
  { name: "an organisation's events", parent: 'organization(id: "organization:irgc")', field: 'events(' },
  { name: "a leader's revisions", parent: `leader(id: "${LAVROV}")`, field: 'revisions(', revisions: true },
];

/** The query of a case, with `extra` arguments (an order) before the paging ones. */
function queryOf(c: Case, extra = ''): string {
  const page = c.revisions ? PAGE.replace('... on Node { id }', 'id: version') : PAGE;
  const field = `${c.field}${extra ? `${extra}, ` : ''}${PAGING}) { ${page} }`;
  return `query (${VARIABLES}) { ${c.parent ? `p: ${c.parent} { ${field} }` : field} }`;
}

function pageOf(c: Case, response: GraphqlResponse): Page {
  const data = dataOf(response) as Record<string, unknown>;
  const holder = (c.parent ? data.p : data) as Record<string, Page>;
  return Object.values(holder)[0] as Page;
}

async function read(c: Case, variables: Record<string, unknown>, extra = ''): Promise<Page> {
  return pageOf(c, await gateway.query(queryOf(c, extra), variables));
}

/** Every id of a case's list, paged forward with `first`, checking the page info on the way. */
async function walkForward(c: Case, size: number, extra = ''): Promise<{ ids: string[]; totalCount: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pages = 0; pages < 100; pages++) {
    const page = await read(c, { first: size, after }, extra);
    totalCount = page.totalCount;
    ids.push(...page.edges.map((e) => e.node.id));
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    if (page.edges.length > 0) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
    }
    if (!page.pageInfo.hasNextPage) return { ids, totalCount };
    after = page.pageInfo.endCursor;
  }
  throw new Error(`${c.name} did not end`);
}

/** Every id of a case's list, paged backward with `last`, put back in the list's order. */
async function walkBackward(c: Case, size: number): Promise<string[]> {
  const pages: string[][] = [];
  let before: string | null = null;
  for (let n = 0; n < 100; n++) {
    const page = await read(c, { last: size, before });
    pages.unshift(page.edges.map((e) => e.node.id));
    expect(page.pageInfo.hasNextPage).toBe(before !== null);
    if (!page.pageInfo.hasPreviousPage) return pages.flat();
    expect(page.pageInfo.startCursor).not.toBeNull();
    before = page.pageInfo.startCursor;
  }
  throw new Error(`${c.name} did not end backwards`);
}

/** The whole list in one page, as the reference. */
async function whole(c: Case, extra = ''): Promise<string[]> {
  return (await read(c, { first: 100 }, extra)).edges.map((e) => e.node.id);
}

/** The ids of a connection's first page. */
const ids = async (field: string) =>
  (dataOf(await gateway.query(`{ l: ${field} { edges { node { ... on Node { id } } } } }`)) as { l: Page }).l.edges.map((e) => e.node.id);

/** A record of the article's feed with changes, checked by the validators. */
function edited(record: Record<string, unknown>): EntityRecord {
  const checked = checkRecord(record);
  if (!checked.ok) throw new Error(checked.reason);
  return checked.record;
}

async function stored(id: string): Promise<EntityRecord> {
  const entity = await getEntity(gateway.db, id);
  if (!entity) throw new Error(`${id} is missing`);
  return entity.record;
}

beforeAll(async () => {
  gateway = await createTestGateway();
  // Two more meetings, so the several-valued filters have something to choose between.
  for (const record of [
    {
      type: 'meeting',
      id: 'meeting:2024-05-netanyahu-visit',
      date: '2024-05',
      status: 'HELD',
      participants: ['leader:benjamin-netanyahu'],
      countries: ['IL', 'US'],
      citations: [{ source: 'source:article-putin-pezeshkian-ashgabat-2024-10-11' }],
    },
    {
      type: 'meeting',
      id: 'meeting:2021-03-kyiv-talks',
      date: '2021-03-02',
      status: 'CANCELLED',
      countries: ['UA', 'TR'],
      citations: [{ source: 'source:article-putin-pezeshkian-ashgabat-2024-10-11' }],
    },
  ]) {
    await writeEntity(gateway.db, edited(record), { actor: 'test' });
  }
});

describe('Connections: totalCount is the number of entries paged through', () => {
  it('for every list after a sync', async () => {
    for (const c of CASES) {
      const walked = await walkForward(c, 3);
      expect(walked.totalCount, c.name).toBe(walked.ids.length);
      expect(new Set(walked.ids).size, `${c.name}: no entry twice`).toBe(walked.ids.length);
    }
  });

  it('for every list after edits, deletes, an interrupted write and a re-sync', async () => {
    // Edits that move entries between lists and change filtered values.
    const meeting = await stored('meeting:2024-10-11-putin-pezeshkian-ashgabat');
    await writeEntity(gateway.db, edited({ ...meeting, participants: [PUTIN, LAVROV], status: 'CANCELLED', countries: ['RU', 'IL'] }), {
      actor: 'test',
    });
    const deal = await stored('deal:2023-11-russia-iran-combat-aircraft');
    await writeEntity(gateway.db, edited({ ...deal, status: 'DELIVERED', confidence: 'REPORTED', supplier: 'country:US' }), {
      actor: 'test',
    });
    const lavrov = await stored(LAVROV);
    await writeEntity(gateway.db, edited({ ...lavrov, aliases: ['Sergei Lavrov'] }), { actor: 'test' });
    // Deletes, one of them twice.
    const event = await stored('event:2024-10-01-iran-missile-attack-israel');
    await writeEntity(gateway.db, event, { actor: 'test', delete: true });
    await writeEntity(gateway.db, event, { actor: 'test', delete: true });
    await writeEntity(gateway.db, await stored('statement:2024-10-11-putin-relations-with-iran-a-priority'), {
      actor: 'test',
      delete: true,
    });

    // An interrupted write: the counters moved, the process died before the pending mark was cleared.
    let cut = true;
    const dying = gateway.reopen();
    dying.client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = (args as { input: { UpdateExpression?: string } }).input;
        if (cut && /Update/.test(String(context.commandName)) && input.UpdateExpression === 'REMOVE pend') {
          cut = false;
          throw Object.assign(new Error('process killed'), { name: 'Interrupted' });
        }
        return next(args);
      },
      { step: 'initialize' },
    );
    const deal2 = await stored('deal:2022-iran-russia-drones');
    await expect(writeEntity(dying, edited({ ...deal2, status: 'CANCELLED' }), { actor: 'test' })).rejects.toThrow('process killed');
    expect((await getEntity(gateway.db, deal2.id, true))?.pending).toBeDefined();
    // The next write of it finishes the interrupted one first, and must not count it again.
    await writeEntity(gateway.db, edited({ ...deal2, status: 'CANCELLED', confidence: 'CONFIRMED' }), { actor: 'test' });

    // A re-sync brings the feed's edited records back, keeps the two deleted ones deleted, and changes nothing twice.
    const report = await runSync(gateway.db, resolveSource(ARTICLE_FEED), { actor: 'resync' });
    expect(report).toMatchObject({ status: 'SUCCEEDED', skipped: 2 });
    // An editor creates the statement again (the filters below read it); the event stays deleted.
    const statement = await getEntity(gateway.db, 'statement:2024-10-11-putin-relations-with-iran-a-priority', true);
    await writeEntity(gateway.db, statement?.record as EntityRecord, { actor: 'test' });

    for (const c of CASES) {
      const walked = await walkForward(c, 4);
      expect(walked.totalCount, c.name).toBe(walked.ids.length);
    }
  });

  it('leaves no marker behind in a counter once the writes are done', async () => {
    const out = await gateway.db.send<{ Item?: Record<string, unknown> }>(
      new GetCommand({ TableName: gateway.db.tableName, Key: { pk: 'COUNT#ALL#deal', sk: '#' } }),
    );
    expect(Object.keys(out.Item ?? {}).filter((k) => k.startsWith('~'))).toEqual([]);
    expect(out.Item?.n).toBe(4);
  });

  it('adds no DynamoDB call for totalCount of a list without filter, or with one status', async () => {
    for (const field of [
      'meetings(first: 3)',
      'meetings(first: 3, filter: { status: HELD })',
      `leader(id: "${PUTIN}") { meetings(first: 3)`,
    ]) {
      const close = field.startsWith('leader') ? ' }' : '';
      const without = await gateway.query(`{ ${field} { edges { node { id } } }${close} }`);
      const withCount = await gateway.query(`{ ${field} { totalCount edges { node { id } } }${close} }`);
      expect(withCount.extensions?.dynamodb?.calls, field).toBe(without.extensions?.dynamodb?.calls);
    }
  });
});

describe('Connections: both directions and both orders', () => {
  it('pages backward with last/before through every list: the same entries, none twice', async () => {
    for (const c of CASES) {
      const all = await whole(c);
      expect(await walkBackward(c, 2), c.name).toEqual(all);
    }
  });

  it('reverses every list with orderBy, as a key read in the other direction', async () => {
    for (const c of CASES.filter((x) => x.reverse)) {
      const all = await whole(c);
      const reversed = await whole(c, c.reverse);
      expect(reversed, c.name).toEqual([...all].reverse());
      // And pages through the reversed order alike.
      expect((await walkForward(c, 2, c.reverse)).ids, c.name).toEqual(reversed);
    }
  });

  it('answers last with the end of the list, and hasPreviousPage', async () => {
    const c = CASES.find((x) => x.name === 'meetings') as Case;
    const all = await whole(c);
    const tail = await read(c, { last: 2 });
    expect(tail.edges.map((e) => e.node.id)).toEqual(all.slice(-2));
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    // between an after and a before cursor: the entries between them.
    const first = await read(c, { first: 1 });
    const window = await read(c, { first: 10, after: first.pageInfo.endCursor, before: tail.pageInfo.startCursor });
    expect(window.edges.map((e) => e.node.id)).toEqual(all.slice(1, -2));
  });

  it('refuses first with last, and a cursor of another list as before', async () => {
    const c = CASES.find((x) => x.name === 'meetings') as Case;
    expect(errorOf(await gateway.query(queryOf(c), { first: 1, last: 1 })).code).toBe('BAD_USER_INPUT');
    const deals = await read(CASES.find((x) => x.name === 'deals') as Case, { first: 1 });
    const error = errorOf(await gateway.query(queryOf(c), { last: 1, before: deals.pageInfo.endCursor }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^before: /);
  });
});

describe('Connections: filters', () => {
  it('finds meetings of several participants (all of them) and of several countries (any of them)', async () => {
    expect(await ids(`meetings(filter: { participants: ["${PUTIN}", "${PEZESHKIAN}"] })`)).toEqual([
      'meeting:2024-10-11-putin-pezeshkian-ashgabat',
    ]);
    expect(await ids(`meetings(filter: { participant: "${PUTIN}", participants: ["${LAVROV}"] })`)).toEqual([]);
    expect(await ids('meetings(filter: { countries: ["US", "UA"] })')).toEqual([
      'meeting:2024-05-netanyahu-visit',
      'meeting:2021-03-kyiv-talks',
    ]);
    // A leader's meetings include those they were invited to (Kazan).
    expect(await ids(`meetings(filter: { participant: "${PEZESHKIAN}", countries: ["ru"] })`)).toEqual([
      'meeting:2024-10-23-brics-summit-kazan',
      'meeting:2024-10-11-putin-pezeshkian-ashgabat',
      'meeting:2024-09-30-mishustin-pezeshkian-tehran',
    ]);
    expect(await ids(`meetings(filter: { participant: "${PEZESHKIAN}", countries: ["IL"] })`)).toEqual([]);
  });

  it('finds deals by designation prefix, status and confidence together', async () => {
    expect(await ids('militaryDeals(filter: { designation: "su-3" })')).toEqual(['deal:2023-11-russia-iran-combat-aircraft']);
    expect(await ids('militaryDeals(filter: { designation: "YAK", status: DELIVERING, confidence: CONFIRMED })')).toEqual([
      'deal:2023-11-russia-iran-combat-aircraft',
    ]);
    expect(await ids('militaryDeals(filter: { designation: "yak", status: AGREED })')).toEqual([]);
    expect(await ids('militaryDeals(filter: { recipients: ["RU"], confidence: ALLEGED })')).toEqual([
      'deal:2024-iran-russia-short-range-ballistic-missiles',
    ]);
  });

  it('finds statements by speaker, reporter (name or organisation), place, meeting and country', async () => {
    expect(await ids(`statements(filter: { speaker: "${PEZESHKIAN}", reportedBy: "PRESS tv" })`)).toEqual([
      'statement:2024-10-11-pezeshkian-positions-much-closer',
    ]);
    expect(await ids('statements(filter: { countries: ["LB"] })')).toEqual([
      'statement:2024-10-11-pezeshkian-situation-in-region-critical',
    ]);
    expect(await ids('statements(filter: { reportedBy: "organization:ria-novosti" })')).toEqual([
      'statement:2024-10-11-putin-relations-with-iran-a-priority',
    ]);
    expect(await ids(`statements(filter: { speaker: "${LAVROV}", place: "ir" })`)).toEqual([
      'statement:2023-10-23-lavrov-illegitimate-unilateral-sanctions',
    ]);
    expect(await ids('statements(filter: { place: "TM", reportedBy: "press tv" })')).toEqual([
      'statement:2024-10-11-pezeshkian-positions-much-closer',
    ]);
    expect(await ids('statements(filter: { meeting: "meeting:2023-10-23-lavrov-raisi-amir-abdollahian-tehran" })')).toEqual([
      'statement:2023-10-23-lavrov-illegitimate-unilateral-sanctions',
    ]);
  });

  it('finds events by kind, actor and dates together', async () => {
    expect(await ids('events(filter: { kind: "MISSILE_ATTACK", actor: "ir", from: "2024-04", to: "2024-04-30" })')).toEqual([
      'event:2024-04-13-iran-attack-israel',
    ]);
    expect(await ids('events(filter: { actor: "IR", confidence: DENIED })')).toEqual(['event:2024-04-su-35-delivery-reports-denied']);
  });
});

describe('Connections: ids in the same forms everywhere', () => {
  it('takes IR, ir and country:IR alike in every filter that names a country', async () => {
    const fields = (code: string) => [
      `leaders(filter: { country: "${code}" })`,
      `meetings(filter: { country: "${code}" })`,
      `militaryDeals(filter: { supplier: "${code}" })`,
      `events(filter: { actor: "${code}" })`,
      `relations(countries: ["${code}", "RU"])`,
      `statements(filter: { countries: ["${code}"] })`,
    ];
    const answers = await Promise.all(['IR', 'ir', 'country:IR', 'country:ir'].map((code) => Promise.all(fields(code).map((f) => ids(f)))));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]?.every((list) => list.length > 0)).toBe(true);
  });

  it('refuses a bad one with BAD_USER_INPUT naming the argument', async () => {
    const cases: [string, string][] = [
      ['meetings(filter: { country: "Iran" })', 'filter.country'],
      ['meetings(filter: { countries: ["IR", "IRN"] })', 'filter.countries[1]'],
      ['militaryDeals(filter: { supplier: "iran" })', 'filter.supplier'],
      ['events(filter: { actor: "IRN" })', 'filter.actor'],
      ['relations(countries: ["IR", "R"])', 'countries[1]'],
      ['leaders(filter: { country: "country:XYZ" })', 'filter.country'],
    ];
    for (const [field, argument] of cases) {
      const error = errorOf(await gateway.query(`{ l: ${field} { edges { cursor } } }`));
      expect(error.code, field).toBe('BAD_USER_INPUT');
      expect(error.message.startsWith(`${argument} `), `${field}: ${error.message}`).toBe(true);
    }
  });

  it("takes them in the same forms in editors' inputs, and refuses a bad one naming the field", async () => {
    const editor = { authorization: `Bearer ${(await createApiKey(gateway.db, 'test editor', 'editor')).key}` };
    const upsert = `mutation ($input: MeetingInput!) { upsertMeeting(input: $input) { id countries { code } location { country { code } } } }`;
    const input = {
      date: '2025-01-17',
      status: 'HELD',
      occasion: 'Forms of codes',
      countries: ['ir', 'country:RU'],
      location: { city: 'Moscow', country: 'ru' },
      citations: [{ source: 'source:article-putin-pezeshkian-ashgabat-2024-10-11' }],
    };
    const made = dataOf(await gateway.query(upsert, { input }, editor)) as {
      upsertMeeting: { countries: { code: string }[]; location: { country: { code: string } } };
    };
    expect(made.upsertMeeting.countries).toEqual([{ code: 'IR' }, { code: 'RU' }]);
    expect(made.upsertMeeting.location.country).toEqual({ code: 'RU' });
    const deal = `mutation ($input: MilitaryDealInput!) { upsertMilitaryDeal(input: $input) { supplier { ... on Country { code } } } }`;
    const dealInput = {
      supplier: 'ir',
      recipient: 'country:ru',
      items: [{ description: 'drones' }],
      status: 'PROPOSED',
      confidence: 'ALLEGED',
      citations: [{ source: 'source:article-putin-pezeshkian-ashgabat-2024-10-11' }],
    };
    expect(dataOf(await gateway.query(deal, { input: dealInput }, editor))).toEqual({ upsertMilitaryDeal: { supplier: { code: 'IR' } } });
    const bad = errorOf(await gateway.query(upsert, { input: { ...input, countries: ['IR', 'Iran'] } }, editor));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.message.startsWith('input.countries[1] ')).toBe(true);
  });
});
