import { beforeAll, describe, expect, it } from 'vitest';
import { getEntity } from '../../src/store/entities.js';
import { listRevisions } from '../../src/store/revisions.js';
import { createTestGateway, type TestGateway } from '../support/gateway.js';
import { bearer, createKeys } from './helpers.js';

const LAVROV = 'leader:sergey-lavrov';
const WRITERS = 25;
const UPSERT = 'mutation ($input: LeaderInput!, $v: Int) { upsertLeader(input: $input, expectedVersion: $v) { version aliases } }';

let gateway: TestGateway;
let editor: Record<string, string>;

beforeAll(async () => {
  gateway = await createTestGateway();
  editor = bearer((await createKeys(gateway.db)).editor);
});

describe('Write races: concurrent upserts with the same expectedVersion', () => {
  it(`${WRITERS} editors at once: exactly one wins, the others get CONFLICT, and the replaced state is kept once`, async () => {
    const before = await getEntity(gateway.db, LAVROV, true);
    if (!before) throw new Error('the article data has no Lavrov');
    const revisionsBefore = (await listRevisions(gateway.db, LAVROV, { first: 100 })).edges;

    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        gateway.query<{ upsertLeader: { version: number; aliases: string[] } }>(
          UPSERT,
          { input: { id: LAVROV, name: 'Sergey Lavrov', aliases: [`writer ${i}`] }, v: before.version },
          editor,
        ),
      ),
    );

    const winners = answers.filter((a) => !a.errors);
    const losers = answers.filter((a) => a.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(WRITERS - 1);
    for (const loser of losers) {
      expect(loser.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
      expect(loser.errors?.[0]?.extensions?.currentVersion).toBe(before.version + 1);
    }
    const winner = winners[0]?.data?.upsertLeader;
    expect(winner?.version).toBe(before.version + 1);
    const after = await getEntity(gateway.db, LAVROV, true);
    expect(after).toMatchObject({ version: before.version + 1, record: { aliases: winner?.aliases } });
    expect(after?.pending).toBeUndefined();
    const revisionsAfter = (await listRevisions(gateway.db, LAVROV, { first: 100 })).edges;
    expect(revisionsAfter).toHaveLength(revisionsBefore.length + 1);
    const kept = revisionsAfter.filter((e) => e.node.version === before.version);
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]?.node.record ?? '{}')).toEqual(before.record);
    expect(kept[0]?.node).toMatchObject({ changedBy: before.updatedBy, changedAt: before.updatedAt, replacedBy: 'editor:security tests' });
    expect(gateway.logged).toEqual([]);
  });

  it('without expectedVersion every write lands, one version each, and every replaced state is kept', async () => {
    const before = await getEntity(gateway.db, LAVROV, true);
    if (!before) throw new Error('Lavrov is missing');
    const writers = 8;

    const answers = await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        gateway.query(UPSERT, { input: { id: LAVROV, name: 'Sergey Lavrov', aliases: [`last writer ${i}`] } }, editor),
      ),
    );

    // Without a version to hold to, a write that loses the race is merged onto the newer version and tried again, a few
    // times; one that keeps losing is refused with CONFLICT rather than written over what it did not see.
    const landed = answers.filter((a) => !a.errors).length;
    for (const answer of answers.filter((a) => a.errors)) expect(answer.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(landed).toBeGreaterThanOrEqual(1);
    const after = await getEntity(gateway.db, LAVROV, true);
    expect(after?.version).toBe(before.version + landed);
    const versions = (await listRevisions(gateway.db, LAVROV, { first: 100 })).edges.map((e) => e.node.version);
    expect(versions).toEqual(Array.from({ length: after?.version ? after.version - 1 : 0 }, (_, i) => (after?.version ?? 0) - 1 - i));
  });
});
