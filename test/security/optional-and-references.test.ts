import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEntity } from '../../src/store/entities.js';
import { entityKey } from '../../src/store/keys.js';
import { tableChecksum } from '../support/checksum.js';
import { createTestGateway, startLocalServer, type TestGateway } from '../support/gateway.js';
import { ARTICLE_SOURCE, bearer, createKeys, PUTIN } from './helpers.js';

const PEZESHKIAN = 'leader:masoud-pezeshkian';

type Answer<T> = {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[];
  extensions?: { missingReferences?: { code: string; message: string; path: (string | number)[]; id: string }[] };
};

/** A GraphQL answer over real HTTP. */
async function post<T>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer<T>, 'status'>) };
}

for (const stage of ['dev', 'prod'] as const) {
  describe(`What the schema marks optional is optional (${stage})`, () => {
    let gateway: TestGateway;
    let server: Awaited<ReturnType<typeof startLocalServer>>;
    let editor: Record<string, string>;
    let editorial: string;

    beforeAll(async () => {
      gateway = await createTestGateway({ env: { STAGE: stage } });
      server = await startLocalServer(gateway);
      const keys = await createKeys(gateway.db);
      editor = bearer(keys.editor);
      editorial = `source:editorial-${keys.editorId}`;
    });

    afterAll(() => server.close());

    it("the contract's upsertLeader(input: {name, country}) creates the leader, citing the editor", async () => {
      const answer = await post<{ upsertLeader: { id: string; name: string; country: { code: string }; citations: unknown[] } }>(
        server.url,
        'mutation { upsertLeader(input: { name: "Mohammad Mokhber", country: "IR" }) { id name country { code } citations { source { id title publisher } excerpt } } }',
        undefined,
        editor,
      );

      expect(answer.errors).toBeUndefined();
      expect(answer.data?.upsertLeader).toEqual({
        id: 'leader:mohammad-mokhber',
        name: 'Mohammad Mokhber',
        country: { code: 'IR' },
        citations: [
          {
            source: { id: editorial, title: 'Editorial entry by security tests', publisher: 'Editors of this knowledge base' },
            excerpt: null,
          },
        ],
      });
    });

    it('every uncited edit of one editor cites the same editorial source, written once', async () => {
      await post(server.url, 'mutation { upsertLeader(input: { name: "Ali Bagheri Kani" }) { id } }', undefined, editor);
      await post(server.url, 'mutation { upsertLeader(input: { name: "Kazem Gharibabadi" }) { id } }', undefined, editor);

      const source = await getEntity(gateway.db, editorial, true);
      const leader = await getEntity(gateway.db, 'leader:kazem-gharibabadi', true);

      expect(source).toMatchObject({ version: 1, updatedBy: 'editor:security tests' });
      expect(leader?.record).toMatchObject({ citations: [{ source: editorial }] });
    });

    it('a MilitaryDealInput without confidence gets REPORTED, an organisation without kind UNKNOWN', async () => {
      const deal = await post<{ upsertMilitaryDeal: { confidence: string; status: string; citations: { source: { id: string } }[] } }>(
        server.url,
        'mutation ($i: MilitaryDealInput!) { upsertMilitaryDeal(input: $i) { confidence status citations { source { id } } } }',
        { i: { supplier: 'country:IR', recipient: 'country:RU', items: [{ description: 'Fath-360 missiles' }], status: 'DELIVERED' } },
        editor,
      );
      const organization = await post<{ upsertOrganization: { kind: string } }>(
        server.url,
        `mutation { upsertOrganization(input: { name: "Kindless Body", citations: [{ source: "${ARTICLE_SOURCE}" }] }) { kind } }`,
        undefined,
        editor,
      );

      expect(deal.errors).toBeUndefined();
      expect(deal.data?.upsertMilitaryDeal).toEqual({
        confidence: 'REPORTED',
        status: 'DELIVERED',
        citations: [{ source: { id: editorial } }],
      });
      expect(organization.data?.upsertOrganization).toEqual({ kind: 'UNKNOWN' });
    });

    it('a new deal without what it requires is refused naming each field left out, and nothing is written', async () => {
      const before = await tableChecksum(gateway.db);
      const answer = await post(
        server.url,
        'mutation ($i: MilitaryDealInput!) { upsertMilitaryDeal(input: $i) { id } }',
        { i: { supplier: 'country:IR', recipient: 'country:RU', items: [{ description: 'Fath-360 missiles' }] } },
        editor,
      );

      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).toBe('input: status: required');
      expect(await tableChecksum(gateway.db)).toEqual(before);
    });

    it('an edit without citations keeps the stored ones; one that clears them cites the editor', async () => {
      const stored = (await getEntity(gateway.db, PUTIN, true))?.record as { citations: { source: string }[] };
      const kept = await post<{ upsertLeader: { citations: { source: { id: string } }[] } }>(
        server.url,
        `mutation { upsertLeader(input: { id: "${PUTIN}", name: "Vladimir Putin" }) { citations { source { id } } } }`,
        undefined,
        editor,
      );
      const cleared = await post<{ upsertLeader: { citations: { source: { id: string } }[] } }>(
        server.url,
        'mutation { upsertLeader(input: { id: "leader:mohammad-mokhber", name: "Mohammad Mokhber", citations: [] }) { citations { source { id } } } }',
        undefined,
        editor,
      );

      expect(stored.citations.length).toBeGreaterThan(0);
      expect(kept.data?.upsertLeader.citations.map((c) => c.source.id)).toEqual(stored.citations.map((c) => c.source));
      expect(cleared.data?.upsertLeader.citations).toEqual([{ source: { id: editorial } }]);
    });
  });

  describe(`Reads keep whole lists when a reference is missing (${stage})`, () => {
    let gateway: TestGateway;
    let server: Awaited<ReturnType<typeof startLocalServer>>;

    beforeAll(async () => {
      gateway = await createTestGateway({ env: { STAGE: stage } });
      server = await startLocalServer(gateway);
      // Old data, or a delete that raced this read: a participant's record is gone.
      await gateway.db.delete({ Key: entityKey(PEZESHKIAN) });
    });

    afterAll(() => server.close());

    it('meetings { participants { name } } leaves the missing participant out and reports it once, with its path', async () => {
      const answer = await post<{ meetings: { edges: { node: { id: string; participants: { name: string }[] } }[] } }>(
        server.url,
        '{ meetings(first: 10) { edges { node { id participants { name } } } } }',
      );

      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
      const nodes = answer.data?.meetings.edges.map((e) => e.node) ?? [];
      const ashgabat = nodes.findIndex((n) => n.id === 'meeting:2024-10-11-putin-pezeshkian-ashgabat');
      const mishustin = nodes.findIndex((n) => n.id === 'meeting:2024-09-30-mishustin-pezeshkian-tehran');
      expect(nodes[ashgabat]?.participants).toEqual([{ name: 'Vladimir Putin' }]);
      expect(nodes[mishustin]?.participants).toEqual([{ name: 'Mikhail Mishustin' }]);
      expect(answer.extensions?.missingReferences).toEqual(
        [ashgabat, mishustin]
          .sort((a, b) => a - b)
          .map((i) => ({
            code: 'MISSING_REFERENCE',
            message: `participants: ${PEZESHKIAN} is not in the knowledge base; it is left out`,
            path: ['meetings', 'edges', i, 'node', 'participants'],
            id: PEZESHKIAN,
          })),
      );
    });

    it("the README's first example answers, without the missing participant", async () => {
      const answer = await post<{ leader: { meetings: { edges: { node: { participants: { name: string }[] } }[] } } }>(
        server.url,
        `{ leader(id: "${PUTIN}") { name meetings(first: 5) { edges { node { date participants { name } } } } } }`,
      );

      expect(answer.errors).toBeUndefined();
      const names = answer.data?.leader.meetings.edges.flatMap((e) => e.node.participants.map((p) => p.name)) ?? [];
      expect(names).toContain('Vladimir Putin');
      expect(names).not.toContain('Masoud Pezeshkian');
      expect(answer.extensions?.missingReferences?.map((m) => m.id)).toEqual([PEZESHKIAN]);
    });

    it('a citation whose source is missing is left out of citations and reported', async () => {
      // Prepare: a leader citing the article and a second source, whose record is then lost.
      const keys = await createKeys(gateway.db);
      const second = 'source:second-opinion';
      await post(server.url, 'mutation { upsertSource(input: { title: "Second opinion" }) { id } }', undefined, bearer(keys.editor));
      await post(
        server.url,
        `mutation { upsertLeader(input: { id: "${PUTIN}", name: "Vladimir Putin", citations: [{ source: "${ARTICLE_SOURCE}" }, { source: "${second}" }] }) { id } }`,
        undefined,
        bearer(keys.editor),
      );
      await gateway.db.delete({ Key: entityKey(second) });
      // Act
      const answer = await post<{ leader: { citations: { source: { id: string } }[] } }>(
        server.url,
        `{ leader(id: "${PUTIN}") { citations { source { id } } } }`,
      );
      // Assess
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.leader.citations).toEqual([{ source: { id: ARTICLE_SOURCE } }]);
      expect(answer.extensions?.missingReferences).toEqual([
        {
          code: 'MISSING_REFERENCE',
          message: `citations: ${second} is not in the knowledge base; it is left out`,
          path: ['leader', 'citations'],
          id: second,
        },
      ]);
    });
  });
}
