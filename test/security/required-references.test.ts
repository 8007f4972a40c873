import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityKey } from '../../src/store/keys.js';
import { createTestGateway, type GraphqlResponse, type TestGateway } from '../support/gateway.js';
import { bearer, createKeys, dataOf } from './helpers.js';

const PEZESHKIAN = 'leader:masoud-pezeshkian';
const ASHGABAT = 'meeting:2024-10-11-putin-pezeshkian-ashgabat';
/** The statements of the article whose speaker is Pezeshkian. */
const PEZESHKIAN_STATEMENTS = [
  'statement:2024-10-11-pezeshkian-positions-much-closer',
  'statement:2024-10-11-pezeshkian-situation-in-region-critical',
];
/**
 * The article's deals to or from Iran, newest first: those agreed on a date, then the two
 * known only from their disclosure (undated facts sort first, so last here), by id descending.
 */
const ARTICLE_DEALS_OF_IRAN = [
  'deal:2023-11-russia-iran-combat-aircraft',
  'deal:2022-iran-russia-drones',
  'deal:2024-russia-iran-radar-air-defense',
  'deal:2024-iran-russia-short-range-ballistic-missiles',
];

type Missing = { code: string; message: string; path: (string | number)[]; id: string; node?: string };
const missingOf = (answer: GraphqlResponse<unknown>) => (answer.extensions?.missingReferences ?? []) as Missing[];
type Page = {
  totalCount?: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

for (const stage of ['dev', 'prod'] as const) {
  describe(`Connections leave out a node whose required reference is missing (${stage})`, () => {
    let gateway: TestGateway;
    let exporter: string;
    let exporterDeal: string;
    let summit: string;

    beforeAll(async () => {
      gateway = await createTestGateway({ env: { STAGE: stage } });
      const editor = bearer((await createKeys(gateway.db)).editor);
      // Prepare: a deal supplied by an organisation, agreed between two of the article's deals,
      // and a meeting with Palestine among its countries, written as editors write them.
      const organization = await gateway.query<{ upsertOrganization: { id: string } }>(
        'mutation { upsertOrganization(input: { name: "Rosoboronexport", country: "RU" }) { id } }',
        undefined,
        editor,
      );
      exporter = dataOf(organization).upsertOrganization.id;
      const deal = await gateway.query<{ upsertMilitaryDeal: { id: string } }>(
        'mutation ($i: MilitaryDealInput!) { upsertMilitaryDeal(input: $i) { id } }',
        {
          i: {
            supplier: exporter,
            recipient: 'country:IR',
            agreedOn: '2023-06',
            status: 'AGREED',
            items: [{ description: 'training aircraft' }],
          },
        },
        editor,
      );
      exporterDeal = dataOf(deal).upsertMilitaryDeal.id;
      const meeting = await gateway.query<{ upsertMeeting: { id: string } }>(
        'mutation { upsertMeeting(input: { date: "2024-11-01", status: HELD, participants: ["leader:vladimir-putin"], countries: ["RU", "PS"] }) { id } }',
        undefined,
        editor,
      );
      summit = dataOf(meeting).upsertMeeting.id;
      // Old data, or a delete that raced the read: the write path refuses these deletes, so
      // the records are removed from the table directly.
      for (const id of [exporter, PEZESHKIAN, 'country:PS']) await gateway.db.delete({ Key: entityKey(id) });
    });

    afterAll(() => expect(gateway.logged).toEqual([]));

    it("relations(IR, RU) keeps every node but the statements whose speaker is gone, each reported with the connection's path", async () => {
      const nodes = `edges { node { __typename ... on Node { id } ... on MilitaryDeal { supplier { ... on Node { id } } recipient { ... on Node { id } } } ... on Statement { speaker { name } } } }`;
      const all = dataOf(
        await gateway.query<{ relations: Page }>(
          `{ relations(countries: ["IR", "RU"], first: 100) { edges { node { ... on Node { id } } } } }`,
        ),
      );
      const answer = await gateway.query<{ relations: Page }>(`{ relations(countries: ["IR", "RU"], first: 100) { ${nodes} } }`);

      const ids = dataOf(answer).relations.edges.map((e) => e.node.id);
      const everyId = all.relations.edges.map((e) => e.node.id);
      expect(everyId).toEqual(expect.arrayContaining([...PEZESHKIAN_STATEMENTS, ...ARTICLE_DEALS_OF_IRAN]));
      expect(ids).toEqual(everyId.filter((id) => !PEZESHKIAN_STATEMENTS.includes(id)));
      expect(missingOf(answer)).toEqual(
        [...PEZESHKIAN_STATEMENTS]
          .sort()
          .reverse()
          .map((node) => ({
            code: 'MISSING_REFERENCE',
            message: `speaker: ${PEZESHKIAN} is not in the knowledge base; ${node} is left out of relations`,
            path: ['relations', 'edges'],
            id: PEZESHKIAN,
            node,
          })),
      );
    });

    it('a deal whose supplier is gone is left out of a country’s deals only when the supplier is asked for', async () => {
      const query = (fields: string) => `{ country(code: "IR") { deals(first: 10) { totalCount edges { node { id ${fields} } } } } }`;
      const withSupplier = await gateway.query<{ country: { deals: Page } }>(
        query('supplier { ... on Node { id } } recipient { ... on Node { id } }'),
      );
      const idsOnly = await gateway.query<{ country: { deals: Page } }>(query(''));

      expect(dataOf(withSupplier).country.deals.edges.map((e) => e.node.id)).toEqual(ARTICLE_DEALS_OF_IRAN);
      // The counter counts the entry that was left out.
      expect(dataOf(withSupplier).country.deals.totalCount).toBe(5);
      expect(missingOf(withSupplier)).toEqual([
        {
          code: 'MISSING_REFERENCE',
          message: `supplier: ${exporter} is not in the knowledge base; ${exporterDeal} is left out of deals`,
          path: ['country', 'deals', 'edges'],
          id: exporter,
          node: exporterDeal,
        },
      ]);
      expect(dataOf(idsOnly).country.deals.edges.map((e) => e.node.id)).toEqual([
        ARTICLE_DEALS_OF_IRAN[0],
        exporterDeal,
        ...ARTICLE_DEALS_OF_IRAN.slice(1),
      ]);
      expect(missingOf(idsOnly)).toEqual([]);
    });

    it('paging goes on past a left-out deal: the page it was on is shorter, its cursors lead on', async () => {
      const pages: Page[] = [];
      const reported: Missing[] = [];
      let after: string | null = null;
      do {
        const answer: GraphqlResponse<{ country: { deals: Page } }> = await gateway.query(
          'query ($after: String) { country(code: "IR") { deals(first: 2, after: $after) { edges { node { id supplier { ... on Node { id } } } } pageInfo { hasNextPage endCursor } } } }',
          { after },
        );
        const page = dataOf(answer).country.deals;
        pages.push(page);
        reported.push(...missingOf(answer));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after && pages.length < 5);

      expect(pages.map((p) => p.edges.map((e) => e.node.id))).toEqual([
        [ARTICLE_DEALS_OF_IRAN[0]],
        ARTICLE_DEALS_OF_IRAN.slice(1, 3),
        [ARTICLE_DEALS_OF_IRAN[3]],
      ]);
      expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
      expect(reported.map((m) => [m.node, m.path])).toEqual([[exporterDeal, ['country', 'deals', 'edges']]]);
    });

    it("a meeting's statements and countries leave out what is gone and report it, with its path", async () => {
      const answer = await gateway.query<{
        ashgabat: { statements: { id: string; speaker: { name: string } }[] };
        summit: { countries: { code: string }[] };
        statement: { countries: { code: string }[] };
      }>(
        `{ ashgabat: meeting(id: "${ASHGABAT}") { statements { id speaker { name } } }
           summit: meeting(id: "${summit}") { countries { code } }
           statement: node(id: "${PEZESHKIAN_STATEMENTS[1]}") { ... on Statement { countries { code } } } }`,
      );

      const data = dataOf(answer);
      expect(data.ashgabat.statements.map((s) => s.speaker.name)).toEqual([
        'Vladimir Putin',
        'Vladimir Putin',
        'Vladimir Putin',
        'Vladimir Putin',
      ]);
      expect(data.summit.countries).toEqual([{ code: 'RU' }]);
      expect(data.statement.countries).toEqual([{ code: 'RU' }, { code: 'IR' }, { code: 'IL' }, { code: 'LB' }]);
      const reported = missingOf(answer);
      expect(reported.filter((m) => m.path[0] === 'ashgabat')).toEqual(
        [...PEZESHKIAN_STATEMENTS]
          .sort()
          .reverse()
          .map((node) => ({
            code: 'MISSING_REFERENCE',
            message: `speaker: ${PEZESHKIAN} is not in the knowledge base; ${node} is left out of statements`,
            path: ['ashgabat', 'statements'],
            id: PEZESHKIAN,
            node,
          })),
      );
      const byPath = (a: Missing, b: Missing) => a.path.join('.').localeCompare(b.path.join('.'));
      expect(reported.filter((m) => m.path[0] !== 'ashgabat').sort(byPath)).toEqual([
        {
          code: 'MISSING_REFERENCE',
          message: 'countries: country:PS is not in the knowledge base; it is left out',
          path: ['statement', 'countries'],
          id: 'country:PS',
        },
        {
          code: 'MISSING_REFERENCE',
          message: 'countries: country:PS is not in the knowledge base; it is left out',
          path: ['summit', 'countries'],
          id: 'country:PS',
        },
      ]);
    });
  });
}
