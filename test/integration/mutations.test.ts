import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/store/api-keys.js';
import { createTestGateway, type TestGateway } from '../support/gateway.js';
import { dataOf, errorOf, expectNoInternals } from './helpers.js';

const PUTIN = 'leader:vladimir-putin';

let gateway: TestGateway;
let readerKey: string;
let editorKey: string;

beforeAll(async () => {
  // A table of its own: keys are added to it, and the last test changes a leader.
  gateway = await createTestGateway();
  readerKey = (await createApiKey(gateway.db, 'test reader', 'reader')).key;
  editorKey = (await createApiKey(gateway.db, 'test editor', 'editor')).key;
});

const UPSERT = `mutation ($input: LeaderInput!, $expectedVersion: Int) { upsertLeader(input: $input, expectedVersion: $expectedVersion) { id version name } }`;
const READ = `query ($id: ID!) { leader(id: $id) { id version name aliases updatedAt } }`;

interface StoredLeader {
  id: string;
  version: number;
  name: string;
  aliases: string[];
  updatedAt: string;
}

async function readPutin(): Promise<StoredLeader> {
  return dataOf(await gateway.query<{ leader: StoredLeader }>(READ, { id: PUTIN })).leader;
}

describe('Mutation: upsertLeader without the right key', () => {
  const attempts: [string, Record<string, string>, string][] = [
    ['no key', {}, 'UNAUTHENTICATED'],
    ['a malformed key', { authorization: 'Bearer not-a-key' }, 'UNAUTHENTICATED'],
    ['an unknown key', { authorization: `Bearer geo_000000000000_${'A'.repeat(32)}` }, 'UNAUTHENTICATED'],
  ];

  for (const [name, headers, code] of attempts) {
    it(`refuses a change with ${name} (${code}) and leaves the leader as it was`, async () => {
      // Prepare
      const before = await readPutin();

      // Act
      const response = await gateway.query(
        UPSERT,
        { input: { id: PUTIN, name: 'Changed Name', aliases: [] }, expectedVersion: before.version },
        headers,
      );

      // Assess
      const error = errorOf(response);
      expect(error.code).toBe(code);
      expect(response.data ?? null).toBeNull();
      expectNoInternals(response.errors);
      expect(await readPutin()).toEqual(before);
      expect(before).toMatchObject({ version: 1, name: 'Vladimir Putin' });
    });
  }

  it("refuses a change with a reader's key (FORBIDDEN), by either header, and leaves the leader as it was", async () => {
    const before = await readPutin();
    const headerSets: Record<string, string>[] = [{ authorization: `Bearer ${readerKey}` }, { 'x-api-key': readerKey }];
    for (const headers of headerSets) {
      const response = await gateway.query(UPSERT, { input: { id: PUTIN, name: 'Changed Name' } }, headers);
      expect(errorOf(response).code).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
    }
    expect(await readPutin()).toEqual(before);
  });

  it('creates nothing for a new leader sent without a key', async () => {
    const response = await gateway.query(UPSERT, {
      input: { name: 'Nobody Atall', citations: [{ source: 'source:article-putin-pezeshkian-ashgabat-2024-10-11' }] },
    });
    expect(errorOf(response).code).toBe('UNAUTHENTICATED');
    const search = dataOf(await gateway.query<{ search: unknown[] }>('{ search(text: "Nobody Atall") { __typename } }'));
    expect(search.search).toEqual([]);
    expect(dataOf(await gateway.query<{ leader: unknown }>(READ, { id: 'leader:nobody-atall' })).leader).toBeNull();
  });

  it("changes the leader with an editor's key: the checks above can see a change", async () => {
    // Prepare
    const before = await readPutin();

    // Act
    const response = await gateway.query<{ upsertLeader: { version: number; name: string } }>(
      UPSERT,
      { input: { id: PUTIN, name: 'Vladimir V. Putin' }, expectedVersion: before.version },
      { authorization: `Bearer ${editorKey}` },
    );

    // Assess
    expect(dataOf(response).upsertLeader).toMatchObject({ version: before.version + 1, name: 'Vladimir V. Putin' });
    const after = await readPutin();
    expect(after).toMatchObject({ version: before.version + 1, name: 'Vladimir V. Putin', aliases: before.aliases });
    expect(after).not.toEqual(before);
  });
});
