import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEntity } from '../../src/store/entities.js';
import { tableChecksum } from '../support/checksum.js';
import { createTestGateway, startLocalServer, type TestGateway } from '../support/gateway.js';
import { ARTICLE_SOURCE, bearer, createKeys, PUTIN } from './helpers.js';

interface Answer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const citations = [{ source: ARTICLE_SOURCE }];
const LEADER =
  'mutation ($input: LeaderInput!, $v: Int) { upsertLeader(input: $input, expectedVersion: $v) { id version name aliases roles { title } } }';
const MEETING = 'mutation ($input: MeetingInput!) { upsertMeeting(input: $input) { id version } }';
const DEAL = 'mutation ($input: MilitaryDealInput!) { upsertMilitaryDeal(input: $input) { id } }';
const ORGANIZATION = 'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }';
const DELETE_LEADER = 'mutation ($id: ID!) { deleteLeader(id: $id) { id version changed } }';
const DELETE_MEETING = 'mutation ($id: ID!) { deleteMeeting(id: $id) { changed } }';
const SYNC =
  'mutation ($lines: [String!]!) { syncRecords(lines: $lines) { status read created updated unchanged skipped stale rejected rejects { line message } } }';

interface SyncAnswer {
  syncRecords: {
    status: string;
    read: number;
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
    stale: number;
    rejected: number;
    rejects: { line: number; message: string }[];
  };
}

/** 49 countries: a meeting among all of them sits on 1,176 bilateral timelines. */
const WIDE =
  'AF AL DZ AO AR AM AU AT AZ BH BD BY BE BJ BO BA BW BR BN BG BF BI KH CM CA IR RU IL US UA TM LB PS LA GB IN CN FR DE IT JP KR MX NG PK SA TR EG ZA'.split(
    ' ',
  );
const line = (record: Record<string, unknown>) => JSON.stringify(record);
const leaderLine = (id: string, name: string) => line({ type: 'leader', id, name, country: 'IR', citations });
const meetingLine = (id: string, participants: string[]) =>
  line({ type: 'meeting', id, date: '2024-11-02', status: 'HELD', participants, countries: ['IR', 'RU'], citations });

describe.each(['dev', 'prod'] as const)('Integrity of writes over HTTP (%s stage)', (stage) => {
  let gateway: TestGateway;
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let editor: Record<string, string>;

  /** Sends one operation to the local server over HTTP, as a frontend would. */
  async function post<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>): Promise<Answer<T>> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...editor },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Omit<Answer<T>, 'status'>) };
  }

  /** Sends an operation that must be refused with `code`, and checks that no item of the table changed. */
  async function refused(query: string, variables: Record<string, unknown>, code: string): Promise<string> {
    const before = await tableChecksum(gateway.db);
    const answer = await post(query, variables);
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(await tableChecksum(gateway.db)).toEqual(before);
    return answer.errors?.[0]?.message ?? '';
  }

  const data = <T>(answer: Answer<T>): T => {
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return answer.data as T;
  };

  beforeAll(async () => {
    gateway = await createTestGateway({ env: { STAGE: stage } });
    editor = bearer((await createKeys(gateway.db)).editor);
    server = await startLocalServer(gateway);
  });

  afterAll(async () => {
    await server.close();
  });

  describe('references kept whole', () => {
    it('refuses a meeting whose participant does not exist, naming the field and the id', async () => {
      const message = await refused(
        MEETING,
        { input: { date: '2024-11-01', status: 'HELD', participants: [PUTIN, 'leader:nobody-at-all'], countries: ['RU'], citations } },
        'BAD_USER_INPUT',
      );

      expect(message).toContain('input.participants[1]: leader:nobody-at-all is not in the knowledge base');
    });

    it('refuses a deal whose supplier does not exist, and one citing a source that does not exist', async () => {
      const deal = { recipient: 'country:IR', items: [{ description: 'radar' }], status: 'AGREED', confidence: 'REPORTED', citations };

      const supplier = await refused(DEAL, { input: { ...deal, supplier: 'organization:no-such-maker' } }, 'BAD_USER_INPUT');
      const source = await refused(
        DEAL,
        { input: { ...deal, supplier: 'country:RU', citations: [{ source: 'source:never-published' }] } },
        'BAD_USER_INPUT',
      );

      expect(supplier).toContain('input.supplier: organization:no-such-maker is not in the knowledge base');
      expect(source).toContain('input.citations[0].source: source:never-published is not in the knowledge base');
    });

    it('refuses an organisation whose parent does not exist, and a leader whose country does not', async () => {
      const parent = await refused(
        ORGANIZATION,
        { input: { name: 'Orphan Bureau', kind: 'GOVERNMENT_BODY', parent: 'organization:no-parent', citations } },
        'BAD_USER_INPUT',
      );
      const country = await refused(LEADER, { input: { name: 'Nobody From Nowhere', country: 'QZ', citations } }, 'BAD_USER_INPUT');

      expect(parent).toContain('input.parent: organization:no-parent is not in the knowledge base');
      expect(country).toContain('input.country: country:QZ is not in the knowledge base');
    });

    it('refuses an event responding to an event that does not exist, and a statement by a speaker who does not', async () => {
      const event = await refused(
        'mutation ($input: EventInput!) { upsertEvent(input: $input) { id } }',
        {
          input: {
            kind: 'MISSILE_ATTACK',
            date: '2024-11-05',
            summary: 'Answer',
            actors: ['country:IR'],
            respondsTo: ['event:never-happened'],
            citations,
          },
        },
        'BAD_USER_INPUT',
      );
      const statement = await refused(
        'mutation ($input: StatementInput!) { upsertStatement(input: $input) { id } }',
        { input: { speaker: 'leader:nobody-spoke', quote: 'Nothing.', date: '2024-11-05', meeting: 'meeting:never-held', citations } },
        'BAD_USER_INPUT',
      );

      expect(event).toContain('input.respondsTo[0]: event:never-happened is not in the knowledge base');
      expect(statement).toContain(
        'input.speaker: leader:nobody-spoke is not in the knowledge base; input.meeting: meeting:never-held is not in the knowledge base',
      );
    });

    it('refuses to delete a leader others refer to, saying how many and naming a few', async () => {
      const message = await refused(DELETE_LEADER, { id: PUTIN }, 'CONFLICT');

      // data/article.ndjson: four meetings and four statements name Putin.
      expect(message).toContain(`${PUTIN} is referred to by 8 records`);
      expect(message).toContain('meeting:2022-07-putin-visit-iran');
      expect(message).toContain('meeting:2024-10-11-putin-pezeshkian-ashgabat');
    });

    it('deletes a record once nothing refers to it, and then refuses new references to it as deleted', async () => {
      const leader = data(
        await post<{ upsertLeader: { id: string } }>(LEADER, { input: { name: `Short Lived ${stage}`, country: 'IR', citations } }),
      ).upsertLeader.id;
      const meeting = data(
        await post<{ upsertMeeting: { id: string } }>(MEETING, {
          input: { date: '2024-11-03', occasion: `talks ${stage}`, status: 'HELD', participants: [leader], countries: ['IR'], citations },
        }),
      ).upsertMeeting.id;

      const blocked = await refused(DELETE_LEADER, { id: leader }, 'CONFLICT');
      data(await post(DELETE_MEETING, { id: meeting }));
      const deleted = data(await post<{ deleteLeader: { changed: boolean } }>(DELETE_LEADER, { id: leader }));
      const again = await refused(
        MEETING,
        { input: { date: '2024-11-04', status: 'HELD', participants: [leader], countries: ['IR'], citations } },
        'BAD_USER_INPUT',
      );

      expect(blocked).toContain(`${leader} is referred to by 1 record (${meeting})`);
      expect(deleted.deleteLeader.changed).toBe(true);
      expect(again).toContain(`input.participants[0]: ${leader} was deleted`);
    });

    it('in a sync, takes a meeting before its leader, and refuses alone the record whose reference is nowhere', async () => {
      const leader = `leader:late-comer-${stage}`;
      const answer = data(
        await post<SyncAnswer>(SYNC, {
          lines: [
            meetingLine(`meeting:early-${stage}`, [leader]),
            meetingLine(`meeting:dangling-${stage}`, ['leader:never-written']),
            leaderLine(leader, 'Late Comer'),
          ],
        }),
      ).syncRecords;

      expect(answer).toMatchObject({ status: 'SUCCEEDED', read: 3, created: 2, rejected: 1 });
      expect(answer.rejects).toEqual([{ line: 2, message: 'participants[0]: leader:never-written is not in the knowledge base' }]);
      expect(await getEntity(gateway.db, `meeting:early-${stage}`)).toMatchObject({ record: { participants: [leader] } });
      expect(await getEntity(gateway.db, `meeting:dangling-${stage}`)).toBeNull();
    });
  });

  describe('no write silently lost', () => {
    it('keeps both of two concurrent partial edits of different fields, round after round', async () => {
      const id = data(await post<{ upsertLeader: { id: string } }>(LEADER, { input: { name: `Two Editors ${stage}`, citations } }))
        .upsertLeader.id;
      const rounds = 15;

      for (let round = 0; round < rounds; round++) {
        const [aliases, roles] = await Promise.all([
          post(LEADER, { input: { id, name: `Two Editors ${stage}`, aliases: [`alias ${round}`] } }),
          post(LEADER, { input: { id, name: `Two Editors ${stage}`, roles: [{ title: `role ${round}` }] } }),
        ]);
        data(aliases);
        data(roles);
        const stored = await getEntity(gateway.db, id, true);
        expect(stored?.record).toMatchObject({ aliases: [`alias ${round}`], roles: [{ title: `role ${round}` }] });
      }
      // One version for the creation and two per round: nothing was merged away or doubled.
      expect((await getEntity(gateway.db, id, true))?.version).toBe(1 + 2 * rounds);
    });

    it('still refuses an edit whose expectedVersion is not the stored one', async () => {
      const id = data(await post<{ upsertLeader: { id: string } }>(LEADER, { input: { name: `Held Version ${stage}`, citations } }))
        .upsertLeader.id;

      const message = await refused(LEADER, { input: { id, name: `Held Version ${stage}`, aliases: ['x'] }, v: 7 }, 'CONFLICT');

      expect(message).toBe(`${id} is at version 1, not the expected version 7`);
    });

    it('never re-creates in a sync a record an editor deleted: it is counted as skipped', async () => {
      const id = `leader:deleted-by-editor-${stage}`;
      const record = leaderLine(id, 'Deleted By Editor');
      expect(data(await post<SyncAnswer>(SYNC, { lines: [record] })).syncRecords.created).toBe(1);
      data(await post(DELETE_LEADER, { id }));
      const before = await tableChecksum(gateway.db, { skip: (item) => item.t === 'syncrun' });

      const answer = data(await post<SyncAnswer>(SYNC, { lines: [record] })).syncRecords;

      expect(answer).toMatchObject({ status: 'SUCCEEDED', read: 1, created: 0, updated: 0, skipped: 1, rejected: 0 });
      expect(await tableChecksum(gateway.db, { skip: (item) => item.t === 'syncrun' })).toEqual(before);
      expect((await getEntity(gateway.db, id, true))?.deleted).toBe(true);
    });
  });

  describe('bad input refused before any write', () => {
    it('refuses numbers DynamoDB cannot store with BAD_USER_INPUT, leaving the table as it was', async () => {
      const deal = {
        supplier: 'country:RU',
        recipient: 'country:IR',
        items: [{ description: 'radar' }],
        status: 'AGREED',
        confidence: 'REPORTED',
        citations,
      };

      const amount = await refused(DEAL, { input: { ...deal, value: { amount: 1e200, currency: 'USD' } } }, 'BAD_USER_INPUT');
      const tiv = await refused(DEAL, { input: { ...deal, tiv: { total: 1.7e308 } } }, 'BAD_USER_INPUT');

      expect(amount).toContain('value.amount: 1e+200 is outside the range the database stores');
      expect(tiv).toContain('tiv.total: 1.7e+308 is outside the range the database stores');
    });

    it('refuses an organisation name of 164 characters whose folded form passes the 1,024-byte sort key: no pending mark, no index item', async () => {
      // U+FDFA folds (NFKD) to 18 Arabic letters and spaces: 34 of them fold to over 1,100 bytes.
      const name = `${'\uFDFA'.repeat(34)}${'a'.repeat(130)}`;
      expect(name).toHaveLength(164);

      const message = await refused(ORGANIZATION, { input: { name, kind: 'MEDIA', citations } }, 'BAD_USER_INPUT');

      expect(message).toMatch(/makes a key of \d{4} bytes, over the database's limit of 1024 bytes for a sort key/);
    });

    it('refuses a record whose lists would fan out past the limit, naming the limit', async () => {
      const countries = WIDE;
      expect(new Set(countries).size).toBe(49);

      const message = await refused(
        MEETING,
        { input: { date: '2000', endDate: '2024', status: 'HELD', countries, citations } },
        'BAD_USER_INPUT',
      );

      // ALL#meeting and the 49 countries' lists, 1,176 timeline pairs: 1,226 items, twice as the meeting spans
      // over a year; then 50 reference items (49 countries, one source). Each of the 1,226 lists is counted.
      expect(message).toContain(
        'would be listed in 2502 places (lists, bilateral timelines, search names, references) with 1226 list counters',
      );
      expect(message).toContain('at most 1000 per record');
    });

    it('refuses 30 such meetings in one syncRecords call, each alone with its line, and writes nothing of them', async () => {
      const lines = Array.from({ length: 30 }, (_, i) =>
        line({
          type: 'meeting',
          id: `meeting:wide-${stage}-${i}`,
          date: '2000',
          endDate: '2024',
          status: 'HELD',
          countries: WIDE,
          citations,
        }),
      );
      const before = await tableChecksum(gateway.db, { skip: (item) => item.t === 'syncrun' });

      const answer = data(await post<SyncAnswer>(SYNC, { lines })).syncRecords;

      expect(answer).toMatchObject({ status: 'SUCCEEDED', read: 30, created: 0, rejected: 30 });
      expect(answer.rejects.map((r) => r.line)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(answer.rejects[0]?.message).toContain('would be listed in 2502 places');
      expect(await tableChecksum(gateway.db, { skip: (item) => item.t === 'syncrun' })).toEqual(before);
    });

    it('shows no list entry of a record never committed', async () => {
      // What a write stopped between index items and commit left before entities were committed first.
      const orphan = `meeting:never-committed-${stage}`;
      await gateway.db.send(
        new PutCommand({
          TableName: gateway.db.tableName,
          Item: { pk: `MEETINGS#${PUTIN}`, sk: `2099-01-01#${orphan}`, ref: orphan, t: 'meeting', e: '2099-01-01', st: 'HELD' },
        }),
      );

      const answer = data(
        await post<{ leader: { meetings: { edges: { node: { id: string } }[] } }; node: unknown }>(
          `query ($id: ID!, $orphan: ID!) { leader(id: $id) { meetings(first: 3) { edges { node { id } } } } node(id: $orphan) { id } }`,
          { id: PUTIN, orphan },
        ),
      );

      expect(answer.node).toBeNull();
      const ids = answer.leader.meetings.edges.map((e) => e.node.id);
      expect(ids).not.toContain(orphan);
      expect(ids.slice(0, 2)).toEqual(['meeting:2024-10-23-brics-summit-kazan', 'meeting:2024-10-11-putin-pezeshkian-ashgabat']);
    });

    it('in syncRecords, refuses the bad records alone and lands the good ones', async () => {
      const name = `${'\uFDFA'.repeat(34)}${'a'.repeat(130)}`;
      const answer = data(
        await post<SyncAnswer>(SYNC, {
          lines: [
            leaderLine(`leader:good-one-${stage}`, 'Good One'),
            line({ type: 'organization', id: `organization:long-name-${stage}`, name, kind: 'MEDIA', citations }),
            line({
              type: 'deal',
              id: `deal:huge-${stage}`,
              supplier: 'country:RU',
              recipient: 'country:IR',
              items: [{ description: 'radar' }],
              value: { amount: 1e200, currency: 'USD' },
              status: 'AGREED',
              confidence: 'REPORTED',
              citations,
            }),
            leaderLine(`leader:good-two-${stage}`, 'Good Two'),
          ],
        }),
      ).syncRecords;

      expect(answer).toMatchObject({ status: 'SUCCEEDED', read: 4, created: 2, rejected: 2 });
      expect(answer.rejects.map((r) => r.line)).toEqual([2, 3]);
      expect(answer.rejects[1]?.message).toContain('value.amount: 1e+200 is outside the range the database stores');
      expect(await getEntity(gateway.db, `organization:long-name-${stage}`)).toBeNull();
      expect(await getEntity(gateway.db, `leader:good-two-${stage}`)).not.toBeNull();
    });
  });
});
