import { describe, expect, it } from 'vitest';
import { checkRecord, type EntityRecord } from '../../src/domain/records.js';
import { getEntity, writeEntity } from '../../src/store/entities.js';
import { createTestGateway, type TestGateway } from '../support/gateway.js';

const SEARCH = `query ($text: String!, $kinds: [SearchKind!], $first: Int, $after: String) {
  searchAll(text: $text, kinds: $kinds, first: $first, after: $after) {
    edges { cursor field matched node { __typename ... on Leader { id } ... on Country { id } ... on Organization { id }
      ... on Meeting { id } ... on MilitaryDeal { id } ... on Event { id } ... on Statement { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Hit {
  field: string;
  matched: string;
  node: { __typename: string; id: string };
}
interface SearchPage {
  edges: (Hit & { cursor: string })[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function search(gateway: TestGateway, variables: Record<string, unknown>) {
  const answer = await gateway.query<{ searchAll: SearchPage }>(SEARCH, variables);
  expect(answer.errors, JSON.stringify(variables)).toBeUndefined();
  return { page: answer.data?.searchAll as SearchPage, operations: answer.extensions?.dynamodb?.operations };
}
const ids = (page: SearchPage) => page.edges.map((e) => e.node.id);

/** Records written through the store, checked by the feed's validators first. */
async function write(gateway: TestGateway, raw: Record<string, unknown>[]): Promise<void> {
  for (const r of raw) {
    const checked = checkRecord({ citations: [{ source: 'source:test' }], ...r });
    if (!checked.ok) throw new Error(checked.reason);
    await writeEntity(gateway.db, checked.record as EntityRecord, { actor: 'test' });
  }
}

describe('Query: searchAll on the article', () => {
  it('finds every kind by the words of its fields, and says which field matched', async () => {
    const gateway = await createTestGateway();
    const cases: [string, string, string, string][] = [
      ['Ashgabat', 'Meeting', 'meeting:2024-10-11-putin-pezeshkian-ashgabat', 'OCCASION'],
      ['BRICS', 'Organization', 'organization:brics', 'NAME'],
      ['BRICS', 'Meeting', 'meeting:2024-10-23-brics-summit-kazan', 'OCCASION'],
      ['Su-35', 'MilitaryDeal', 'deal:2023-11-russia-iran-combat-aircraft', 'DESIGNATION'],
      ['missiles', 'Event', 'event:2024-10-01-iran-missile-attack-israel', 'SUMMARY'],
      ['provocation', 'Statement', 'statement:2024-10-11-lavrov-attack-on-nuclear-facilities-provocation', 'QUOTE'],
      ['Lavrov', 'Leader', 'leader:sergey-lavrov', 'NAME'],
    ];
    for (const [text, type, id, field] of cases) {
      const { page, operations } = await search(gateway, { text });
      const hit = page.edges.find((e) => e.node.id === id);
      expect(hit, `${text} → ${id}`).toMatchObject({ field, node: { __typename: type } });
      // Key reads only: one Query on the index, one BatchGetItem for the records.
      expect(operations).toEqual({ Query: 1, BatchGetItem: 1 });
    }
  });

  it('finds names written in Cyrillic and known variant spellings', async () => {
    const gateway = await createTestGateway();
    const cases: [string, string][] = [
      ['Путин', 'leader:vladimir-putin'],
      ['Сергей Лавров', 'leader:sergey-lavrov'],
      ['Hizbollah', 'organization:hezbollah'],
      ['hizballah', 'organization:hezbollah'],
      ['Pezeshkyan', 'leader:masoud-pezeshkian'],
      ['Revolutionary Guards', 'organization:irgc'],
      ['PÉZESHKIAN', 'leader:masoud-pezeshkian'],
      // Persian and Arabic script, with either keyboard's letters, and with or without the
      // zero-width non-joiner.
      ['پزشکیان', 'leader:masoud-pezeshkian'],
      ['پزشكيان', 'leader:masoud-pezeshkian'],
      ['مسعود پزشکیان', 'leader:masoud-pezeshkian'],
      ['رئیسی', 'leader:ebrahim-raisi'],
      ['رییسی', 'leader:ebrahim-raisi'],
      ['امیرعبداللهیان', 'leader:hossein-amir-abdollahian'],
      ['حزب‌الله', 'organization:hezbollah'],
      ['حزب الله', 'organization:hezbollah'],
      ['سپاه پاسداران', 'organization:irgc'],
      ['نصرالله', 'leader:hassan-nasrallah'],
      ['هنیه', 'leader:ismail-haniyeh'],
      ['حماس', 'organization:hamas'],
    ];
    for (const [text, id] of cases) {
      const { page } = await search(gateway, { text });
      expect(ids(page)[0], text).toBe(id);
    }
  });

  it('keeps to the kinds asked for', async () => {
    const gateway = await createTestGateway();
    const { page } = await search(gateway, { text: 'iran', kinds: ['STATEMENT', 'EVENT'] });
    expect(page.edges.length).toBeGreaterThan(0);
    expect(new Set(page.edges.map((e) => e.node.__typename))).toEqual(new Set(['Statement', 'Event']));
    const all = await search(gateway, { text: 'iran', first: 100 });
    const expectedIds = all.page.edges.filter((e) => ['Statement', 'Event'].includes(e.node.__typename)).map((e) => e.node.id);
    expect(ids((await search(gateway, { text: 'iran', kinds: ['STATEMENT', 'EVENT'], first: 100 })).page)).toEqual(expectedIds);
  });

  it('pages through every result once, in the order of one big page', async () => {
    const gateway = await createTestGateway();
    const all = ids((await search(gateway, { text: 'iran', first: 100 })).page);
    expect(all.length).toBeGreaterThan(10);
    expect(new Set(all).size).toBe(all.length);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const { page }: { page: SearchPage } = await search(gateway, { text: 'iran', first: 3, after });
      paged.push(...ids(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(all);
  });

  it('refuses a text too short or too long and a cursor of another search', async () => {
    const gateway = await createTestGateway();
    const other = (await search(gateway, { text: 'iran', first: 1 })).page.pageInfo.endCursor;
    for (const variables of [
      { text: 'i' },
      { text: '  ' },
      { text: 'x'.repeat(201) },
      { text: 'russia', after: other },
      { text: 'iran', after: '!!' },
    ]) {
      const answer = await gateway.query(SEARCH, variables);
      expect(answer.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('Query: searchAll ranking and upkeep', () => {
  const RECORDS = [
    { type: 'organization', id: 'organization:hesa', name: 'HESA', aliases: ['Shahed'], kind: 'COMPANY' },
    { type: 'organization', id: 'organization:shahed-aviation', name: 'Shahed Aviation Industries', kind: 'COMPANY' },
    { type: 'leader', id: 'leader:ali-shahed', name: 'Ali Shahed' },
    { type: 'event', id: 'event:shahed', kind: 'TEST', date: '2019', summary: 'Shahed' },
    {
      type: 'deal',
      id: 'deal:old',
      supplier: 'country:IR',
      recipient: 'country:RU',
      status: 'AGREED',
      confidence: 'REPORTED',
      agreedOn: '2015',
      items: [{ designation: 'Shahed-129', description: 'UAV' }],
    },
    {
      type: 'deal',
      id: 'deal:new',
      supplier: 'country:IR',
      recipient: 'country:RU',
      status: 'AGREED',
      confidence: 'REPORTED',
      agreedOn: '2022-08',
      items: [{ designation: 'Shahed-136', description: 'loitering munition' }],
    },
    {
      type: 'deal',
      id: 'deal:undated',
      supplier: 'country:IR',
      recipient: 'country:RU',
      status: 'AGREED',
      confidence: 'REPORTED',
      items: [{ designation: 'Shahed-101', description: 'UAV' }],
    },
    {
      type: 'statement',
      id: 'statement:drones',
      speaker: 'leader:ali-shahed',
      quote: 'We saw Shahed drones over the city',
      date: '2024-01-02',
    },
  ];

  it('ranks exact name, then name prefix, then name word, then other fields; recent before old', async () => {
    const gateway = await createTestGateway({ seed: false });
    await write(gateway, RECORDS);
    const { page } = await search(gateway, { text: 'shahed' });
    expect(page.edges.map((e) => [e.node.id, e.field])).toEqual([
      ['organization:hesa', 'ALIAS'],
      ['organization:shahed-aviation', 'NAME'],
      ['leader:ali-shahed', 'NAME'],
      ['event:shahed', 'SUMMARY'],
      ['deal:new', 'DESIGNATION'],
      ['deal:old', 'DESIGNATION'],
      ['deal:undated', 'DESIGNATION'],
      ['statement:drones', 'QUOTE'],
    ]);
  });

  it('follows edits and deletions: old words are no longer found, new ones are', async () => {
    const gateway = await createTestGateway({ seed: false });
    await write(gateway, RECORDS);
    const stored = (await getEntity(gateway.db, 'statement:drones'))?.record as EntityRecord;
    await writeEntity(gateway.db, { ...stored, quote: 'Geran drones were launched at night' } as EntityRecord, { actor: 'test' });
    expect(ids((await search(gateway, { text: 'shahed', kinds: ['STATEMENT'] })).page)).toEqual([]);
    expect(ids((await search(gateway, { text: 'geran' })).page)).toEqual(['statement:drones']);
    expect(ids((await search(gateway, { text: 'launched at' })).page)).toEqual(['statement:drones']);
    const deal = (await getEntity(gateway.db, 'deal:new'))?.record as EntityRecord;
    await writeEntity(gateway.db, deal, { actor: 'test', delete: true });
    expect(ids((await search(gateway, { text: 'shahed-136' })).page)).toEqual([]);
    expect(ids((await search(gateway, { text: 'loitering' })).page)).toEqual([]);
  });
});
