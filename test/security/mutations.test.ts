import { beforeAll, describe, expect, it } from 'vitest';
import { KEY_CACHE_MS } from '../../src/graphql/auth.js';
import { createGraphqlHandler, type GraphqlHandler } from '../../src/handlers/graphql-handler.js';
import { revokeApiKey } from '../../src/store/api-keys.js';
import { getEntity } from '../../src/store/entities.js';
import { listRevisions } from '../../src/store/revisions.js';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { tableChecksum } from '../support/checksum.js';
import { ARTICLE_FEED } from '../support/gateway.js';
import { createTestTable, type TestTable } from '../support/table.js';
import { ARTICLE_SOURCE, bearer, codeOf, createKeys, dataOf, PUTIN, send } from './helpers.js';

let table: TestTable;
let handler: GraphqlHandler;
let keys: Awaited<ReturnType<typeof createKeys>>;
let now = Date.now();
const logged: string[] = [];
/** Every body the gateway answered in this file: no key may ever appear in one. */
const bodies: string[] = [];

beforeAll(async () => {
  table = await createTestTable();
  const seed = await runSync(table.db, resolveSource(ARTICLE_FEED), { actor: 'seed' });
  expect(seed.rejected).toBe(0);
  keys = await createKeys(table.db);
  handler = createGraphqlHandler(table.config, (message) => logged.push(message), table.db, { clock: () => now });
});

async function call<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const response = await send<T>(handler, query, variables, headers);
  bodies.push(response.raw);
  return response;
}

const citations = [{ source: ARTICLE_SOURCE, excerpt: 'as the article says' }];

/** One kind of record: how to create it, change it and read it back. */
interface Kind {
  type: string;
  upsert: string;
  remove: string;
  input: Record<string, unknown>;
  change: Record<string, unknown>;
  /** The field the change sets, and the value it reads back as. */
  field: string;
  changed: unknown;
  id: RegExp;
}

const KINDS: Kind[] = [
  {
    type: 'Organization',
    upsert: 'upsertOrganization',
    remove: 'deleteOrganization',
    input: { name: 'Institute for Testing', kind: 'THINK_TANK', country: 'IR', citations },
    change: { name: 'Institute for Testing', aliases: ['IfT'] },
    field: 'aliases',
    changed: ['IfT'],
    id: /^organization:institute-for-testing$/,
  },
  {
    type: 'Source',
    upsert: 'upsertSource',
    remove: 'deleteSource',
    input: { title: 'A test report', url: 'https://example.org/report', publishedOn: '2024-10-12' },
    change: { title: 'A test report', publisher: 'Example Press' },
    field: 'publisher',
    changed: 'Example Press',
    id: /^source:a-test-report$/,
  },
  {
    type: 'Meeting',
    upsert: 'upsertMeeting',
    remove: 'deleteMeeting',
    input: { date: '2024-11-01', status: 'PLANNED', occasion: 'Test talks', participants: [PUTIN], countries: ['RU', 'IR'], citations },
    change: { status: 'HELD' },
    field: 'status',
    changed: 'HELD',
    id: /^meeting:2024-11-01-test-talks$/,
  },
  {
    type: 'MilitaryDeal',
    upsert: 'upsertMilitaryDeal',
    remove: 'deleteMilitaryDeal',
    input: {
      supplier: 'country:RU',
      recipient: 'country:IR',
      items: [{ designation: 'T-1', description: 'test radar', quantity: 2 }],
      agreedOn: '2024-11',
      status: 'AGREED',
      confidence: 'REPORTED',
      citations,
    },
    change: { status: 'DELIVERED' },
    field: 'status',
    changed: 'DELIVERED',
    id: /^deal:2024-11-ru-ir-t-1$/,
  },
  {
    type: 'Event',
    upsert: 'upsertEvent',
    remove: 'deleteEvent',
    input: { kind: 'TEST_EVENT', date: '2024-11-02', summary: 'Something was tested', actors: ['country:IR'], citations },
    change: { confidence: 'CONFIRMED' },
    field: 'confidence',
    changed: 'CONFIRMED',
    id: /^event:2024-11-02-something-was-tested$/,
  },
  {
    type: 'Statement',
    upsert: 'upsertStatement',
    remove: 'deleteStatement',
    input: { speaker: PUTIN, quote: 'A test quote.', date: '2024-11-03', countries: ['RU'], citations },
    change: { reportedBy: 'Test Agency' },
    field: 'reportedBy',
    changed: 'Test Agency',
    id: /^statement:2024-11-03-vladimir-putin-a-test-quote$/,
  },
];

const INPUT_TYPES: Record<string, string> = {
  Organization: 'OrganizationInput',
  Source: 'SourceInput',
  Meeting: 'MeetingInput',
  MilitaryDeal: 'MilitaryDealInput',
  Event: 'EventInput',
  Statement: 'StatementInput',
};

const upsertOp = (kind: Kind, field = kind.field) =>
  `mutation ($input: ${INPUT_TYPES[kind.type]}!, $v: Int) { ${kind.upsert}(input: $input, expectedVersion: $v) { id version updatedAt ${field} revisions { edges { node { version deleted changedBy record } } } } }`;
const deleteOp = (kind: Kind) => `mutation ($id: ID!, $v: Int) { ${kind.remove}(id: $id, expectedVersion: $v) { id version changed } }`;

describe('Mutations: create, change and delete every kind of record', () => {
  it.each(KINDS)('$type: created at version 1, changed conditionally, deleted softly, every state kept', async (kind) => {
    const editor = bearer(keys.editor);

    const created = dataOf(await call<Record<string, { id: string; version: number }>>(upsertOp(kind), { input: kind.input }, editor))[
      kind.upsert
    ];
    expect(created?.id).toMatch(kind.id);
    expect(created?.version).toBe(1);
    const id = created?.id as string;

    const changedAnswer = dataOf(
      await call<Record<string, Record<string, unknown>>>(upsertOp(kind), { input: { ...kind.change, id }, v: 1 }, editor),
    )[kind.upsert];
    expect(changedAnswer?.version).toBe(2);
    expect(changedAnswer?.[kind.field]).toEqual(kind.changed);
    const revisions =
      (changedAnswer?.revisions as { edges: { node: { version: number; changedBy: string; record: string } }[] } | undefined)?.edges ?? [];
    expect(revisions.map((e) => e.node.version)).toEqual([1]);
    expect(revisions[0]?.node.changedBy).toBe('editor:security tests');
    expect(JSON.parse(revisions[0]?.node.record ?? '{}')[kind.field]).not.toEqual(kind.changed);

    const stale = await call(upsertOp(kind), { input: { ...kind.change, id }, v: 1 }, editor);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);

    const staleDelete = await call(deleteOp(kind), { id, v: 1 }, editor);
    expect(codeOf(staleDelete)).toBe('CONFLICT');

    const deleted = dataOf(await call<Record<string, unknown>>(deleteOp(kind), { id, v: 2 }, editor))[kind.remove];
    expect(deleted).toEqual({ id, version: 3, changed: true });
    const gone = dataOf(await call<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', { id }));
    expect(gone.node).toBeNull();
    const again = dataOf(await call<Record<string, unknown>>(deleteOp(kind), { id }, editor))[kind.remove];
    expect(again).toEqual({ id, version: 3, changed: false });

    const kept = await listRevisions(table.db, id, { first: 10 });
    expect(kept.edges.map((e) => [e.node.version, e.node.deleted])).toEqual([
      [2, false],
      [1, false],
    ]);
    const tombstone = await getEntity(table.db, id, true);
    expect(tombstone).toMatchObject({ version: 3, deleted: true });
  });

  it('deleteLeader soft-deletes a leader, who leaves the lists and keeps the revisions', async () => {
    const editor = bearer(keys.editor);
    const made = dataOf(
      await call<{ upsertLeader: { id: string; version: number } }>(
        'mutation ($input: LeaderInput!) { upsertLeader(input: $input) { id version } }',
        { input: { name: 'Testa Leaderova', country: 'RU', citations } },
        editor,
      ),
    ).upsertLeader;
    expect(made.id).toBe('leader:testa-leaderova');

    const deleted = dataOf(
      await call<{ deleteLeader: unknown }>(
        'mutation ($id: ID!) { deleteLeader(id: $id, expectedVersion: 1) { id version changed } }',
        { id: made.id },
        editor,
      ),
    );

    expect(deleted.deleteLeader).toEqual({ id: made.id, version: 2, changed: true });
    const listed = dataOf(
      await call<{ leaders: { edges: { node: { id: string } }[] } }>(
        '{ leaders(filter: { country: "RU" }, first: 100) { edges { node { id } } } }',
      ),
    );
    expect(listed.leaders.edges.map((e) => e.node.id)).not.toContain(made.id);
    expect((await listRevisions(table.db, made.id, { first: 10 })).edges.map((e) => e.node.version)).toEqual([1]);
  });

  it('deleting what is not there is NOT_FOUND, and an id of another kind is refused', async () => {
    const editor = bearer(keys.editor);

    const missing = await call('mutation { deleteMeeting(id: "meeting:never-held") { id } }', undefined, editor);
    const wrongKind = await call(`mutation { deleteMeeting(id: "${PUTIN}") { id } }`, undefined, editor);

    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(codeOf(wrongKind)).toBe('BAD_USER_INPUT');
  });
});

describe('Mutations: validation by the feed validators', () => {
  const invalid: [string, string, Record<string, unknown>, RegExp][] = [
    [
      'a participant that is not a leader',
      'upsertMeeting(input: $input) { id }',
      { date: '2024-11-05', status: 'HELD', participants: ['country:RU'], citations },
      /participants\.0: must be the id of a leader/,
    ],
    ['a new meeting without a date', 'upsertMeeting(input: $input) { id }', { status: 'HELD', occasion: 'Undated', citations }, /date/],
    [
      'a new deal without a supplier',
      'upsertMilitaryDeal(input: $input) { id }',
      { recipient: 'country:IR', items: [{ description: 'Drones' }], status: 'AGREED', citations },
      /supplier/,
    ],
    ['a source with an ftp address', 'upsertSource(input: $input) { id }', { title: 'FTP source', url: 'ftp://example.org/x' }, /url/],
    [
      'an event kind in lower case',
      'upsertEvent(input: $input) { id }',
      { kind: 'attack', date: '2024-11-05', summary: 'Lower case', citations },
      /kind: must be an upper-case kind/,
    ],
    [
      'a deal with no items',
      'upsertMilitaryDeal(input: $input) { id }',
      { supplier: 'country:RU', recipient: 'country:IR', items: [], status: 'AGREED', confidence: 'REPORTED', citations },
      /items/,
    ],
    [
      'a statement citing a leader as its source',
      'upsertStatement(input: $input) { id }',
      { speaker: PUTIN, quote: 'Q.', citations: [{ source: PUTIN }] },
      /citations\.0\.source: must be the id of a source/,
    ],
    [
      'a name of nothing but punctuation',
      'upsertOrganization(input: $input) { id }',
      { name: '!!!', kind: 'MEDIA', citations },
      /input\.name/,
    ],
    [
      'an input id of another kind',
      'upsertEvent(input: $input) { id }',
      { id: PUTIN, summary: 'x' },
      /input\.id must be an id like event:/,
    ],
  ];
  const TYPES: Record<string, string> = {
    upsertMeeting: 'MeetingInput',
    upsertOrganization: 'OrganizationInput',
    upsertSource: 'SourceInput',
    upsertEvent: 'EventInput',
    upsertMilitaryDeal: 'MilitaryDealInput',
    upsertStatement: 'StatementInput',
  };

  it.each(invalid)('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_, selection, input, reason) => {
    const before = await tableChecksum(table.db);
    const field = selection.slice(0, selection.indexOf('('));

    const response = await call(`mutation ($input: ${TYPES[field]}!) { ${selection} }`, { input }, bearer(keys.editor));

    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(reason);
    expect(await tableChecksum(table.db)).toEqual(before);
  });

  it('refuses a malformed date before any resolver runs', async () => {
    const response = await call(
      'mutation ($input: MeetingInput!) { upsertMeeting(input: $input) { id } }',
      { input: { date: '2024-13-01', status: 'HELD', citations } },
      bearer(keys.editor),
    );

    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/input\.date|PartialDate/);
  });

  it('a new record cannot take the id of an existing one', async () => {
    const response = await call(
      'mutation ($input: MeetingInput!) { upsertMeeting(input: $input) { id } }',
      { input: { date: '2024-10-11', status: 'HELD', occasion: 'putin pezeshkian ashgabat', citations } },
      bearer(keys.editor),
    );

    expect(codeOf(response)).toBe('CONFLICT');
    expect(response.errors?.[0]?.extensions?.currentVersion).toBe(1);
  });
});

describe('Mutations: who may write', () => {
  const WRITE = `mutation { upsertLeader(input: { id: "${PUTIN}", name: "Vladimir Putin", aliases: ["changed by an intruder"] }) { id } }`;

  it.each([
    ['no key', {}, 'UNAUTHENTICATED'],
    ['a malformed key', { authorization: 'Bearer not-a-key' }, 'UNAUTHENTICATED'],
    ['an unknown key of the right shape', { authorization: `Bearer geo_000000000000_${'A'.repeat(32)}` }, 'UNAUTHENTICATED'],
    ['a reader key', 'reader', 'FORBIDDEN'],
    ['a reader key in x-api-key', 'reader-x', 'FORBIDDEN'],
  ] as const)('refuses %s with %s and writes nothing', async (_, headers, code) => {
    const before = await tableChecksum(table.db);
    const sent = headers === 'reader' ? bearer(keys.reader) : headers === 'reader-x' ? { 'x-api-key': keys.reader } : headers;

    const responses = await Promise.all([
      call(WRITE, undefined, sent),
      call('mutation { deleteLeader(id: "leader:sergey-lavrov") { id } }', undefined, sent),
      call(
        'mutation ($l: [String!]!) { syncRecords(lines: $l) { id } }',
        { l: ['{"type":"country","id":"country:FR","code":"FR","name":"France"}'] },
        sent,
      ),
    ]);

    for (const response of responses) expect(codeOf(response)).toBe(code);
    expect(await tableChecksum(table.db)).toEqual(before);
  });

  it('an editor key works, and stops working once revoked and out of the key cache', async () => {
    const { editor, editorId } = await createKeys(table.db);
    const write = (alias: string) =>
      call(
        'mutation ($input: LeaderInput!) { upsertLeader(input: $input) { version aliases } }',
        { input: { id: 'leader:sergey-lavrov', name: 'Sergey Lavrov', aliases: [alias] } },
        bearer(editor),
      );

    expect(dataOf(await write('before revocation'))).toMatchObject({ upsertLeader: { aliases: ['before revocation'] } });
    await revokeApiKey(table.db, editorId);
    const withinCache = await write('within the cache window');
    now += KEY_CACHE_MS + 1;
    const before = await tableChecksum(table.db);
    const afterCache = await write('after the cache window');

    expect(withinCache.errors).toBeUndefined();
    expect(codeOf(afterCache)).toBe('UNAUTHENTICATED');
    expect(await tableChecksum(table.db)).toEqual(before);
  });
});

describe('Reads with ANONYMOUS_READS=false', () => {
  it('a request without a valid key is refused with 401 UNAUTHENTICATED; a reader key reads', async () => {
    const closed = createGraphqlHandler({ ...table.config, anonymousReads: false }, (message) => logged.push(message), table.db);
    const query = '{ country(code: "IR") { name } }';

    const anonymous = await send(closed, query);
    const forged = await send(closed, query, undefined, { authorization: `Bearer geo_0123456789ab_${'Q'.repeat(32)}` });
    const reader = await send(closed, query, undefined, bearer(keys.reader));

    for (const refused of [anonymous, forged]) {
      expect(refused.status).toBe(401);
      expect(refused.data).toBeUndefined();
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    }
    expect(dataOf(reader)).toEqual({ country: { name: 'Iran' } });
  });
});

describe('Mutations: syncRecords', () => {
  it('runs the lines through the sync pipeline and reports them by position', async () => {
    const lines = [
      '{"type":"country","id":"country:FR","code":"FR","name":"France"}',
      '{"type":"leader","id":"leader:nobody","name":"Nobody"}',
      'not json',
      `{"type":"leader","id":"leader:emmanuel-macron","name":"Emmanuel Macron","country":"FR","citations":[{"source":"${ARTICLE_SOURCE}"}]}`,
    ];

    const run = dataOf(
      await call<{ syncRecords: Record<string, unknown> }>(
        'mutation ($l: [String!]!) { syncRecords(lines: $l) { id source startedBy format status read created updated unchanged rejected rejects { line message } } }',
        { l: lines },
        bearer(keys.editor),
      ),
    ).syncRecords;

    expect(run).toMatchObject({
      format: 'feed',
      status: 'SUCCEEDED',
      read: 4,
      created: 2,
      rejected: 2,
      source: 'syncRecords',
      startedBy: 'editor:security tests',
    });
    expect(run.rejects).toEqual([
      { line: 2, message: expect.stringMatching(/citations/) },
      { line: 3, message: 'the line is not valid JSON' },
    ]);
    const macron = await getEntity(table.db, 'leader:emmanuel-macron', true);
    expect(macron).toMatchObject({ version: 1, updatedBy: 'editor:security tests' });
    const listed = dataOf(
      await call<{ syncRuns: { edges: { node: { id: string; rejects: unknown } }[] } }>(
        '{ syncRuns(first: 1) { edges { node { id rejects { line message } } } } }',
      ),
    );
    expect(listed.syncRuns.edges[0]?.node).toEqual({ id: run.id, rejects: run.rejects });
  });

  it.each([
    ['no lines', []],
    ['more than 500 lines', Array.from({ length: 501 }, () => '{}')],
    ['a line break inside an entry', ['{"type":"country",\n"id":"country:DE","code":"DE","name":"Germany"}']],
  ])('refuses %s with BAD_USER_INPUT before reading anything', async (_, l) => {
    const before = await tableChecksum(table.db);

    const response = await call('mutation ($l: [String!]!) { syncRecords(lines: $l) { id } }', { l }, bearer(keys.editor));

    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(await tableChecksum(table.db)).toEqual(before);
  });
});

describe('Mutations: keys stay secret', () => {
  it('no answer of this file carried a key', () => {
    expect(bodies.length).toBeGreaterThan(40);
    for (const body of bodies) {
      expect(body).not.toContain(keys.editor);
      expect(body).not.toContain(keys.reader);
      expect(body).not.toMatch(/geo_[0-9a-f]{12}_[A-Za-z0-9_-]{32}/);
    }
  });
});
