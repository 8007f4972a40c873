import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '../../src/handlers/graphql-handler.js';
import { getEntity } from '../../src/store/entities.js';
import { type FaultyEngine, startFaultyEngine } from '../support/faulty-dynamodb.js';
import { createTestGateway, startLocalServer, type TestGateway } from '../support/gateway.js';
import { bearer, createKeys, PUTIN } from './helpers.js';

const SDK_TEXT = /Aggregated size|range key|hash key|ValidationException|One or more parameter/i;

type Answer = {
  status: number;
  headers: Headers;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: { dynamodb?: { operations: Record<string, number> } };
};

async function request(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

const post = (url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });

for (const stage of ['dev', 'prod'] as const) {
  describe(`Table gateway over HTTP (${stage})`, () => {
    let gateway: TestGateway;
    let server: Awaited<ReturnType<typeof startLocalServer>>;
    let engine: FaultyEngine;
    let editor: Record<string, string>;

    beforeAll(async () => {
      gateway = await createTestGateway({ env: { STAGE: stage } });
      engine = await startFaultyEngine(gateway.endpoint);
      // The same gateway, its table reached through the fault-injecting proxy.
      const handler = createGraphqlHandler(gateway.config, () => undefined, gateway.reopen({ endpoint: engine.endpoint }));
      server = await startLocalServer({ ...gateway, handler });
      editor = bearer((await createKeys(gateway.db)).editor);
    });

    afterAll(async () => {
      await server.close();
      await engine.close();
    });

    it('a write that loses its condition answers CONFLICT with the version DynamoDB returned, reading nothing again', async () => {
      // Prepare: DynamoDB answers the conditional put with the item a concurrent writer stored.
      const stored = await getEntity(gateway.db, PUTIN, true);
      if (!stored) throw new Error('no Putin in the article data');
      const theirs = stored.version + 1;
      engine.reset();
      engine.inject({
        fault: 'condition-failed',
        operation: 'PutItem',
        match: '"ReturnValuesOnConditionCheckFailure":"ALL_OLD"',
        item: {
          pk: { S: PUTIN },
          sk: { S: '#' },
          t: { S: 'leader' },
          v: { N: String(theirs) },
          h: { S: 'theirs' },
          d: { M: { type: { S: 'leader' }, id: { S: PUTIN }, name: { S: 'Vladimir Putin' } } },
          at: { S: '2026-11-29T00:00:00.000Z' },
          by: { S: 'editor:someone else' },
        },
      });
      const mutation = 'mutation ($i: LeaderInput!, $v: Int) { upsertLeader(input: $i, expectedVersion: $v) { version } }';
      // The reads a write makes before its put, measured on one that changes nothing (no put at all).
      const unchanged = await post(server.url, mutation, { i: { id: PUTIN, name: 'Vladimir Putin' }, v: stored.version }, editor);
      const readsBefore = unchanged.extensions?.dynamodb?.operations;
      // Act
      const answer = await post(
        server.url,
        mutation,
        { i: { id: PUTIN, name: 'Vladimir Putin', aliases: ['V. V. Putin'] }, v: stored.version },
        editor,
      );
      // Assess: the version is the one in DynamoDB's answer (the table itself still holds `stored`).
      expect(answer.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentVersion: theirs });
      expect(answer.errors?.[0]?.message).toBe(`${PUTIN} is at version ${theirs}, not the expected version ${stored.version}`);
      expect(engine.faulted).toEqual({ PutItem: 1 });
      // The same reads (the entity, and the records it refers to), then the put: no read after the refusal.
      if (stage === 'dev') expect(answer.extensions?.dynamodb?.operations).toEqual({ ...readsBefore, PutItem: 1 });
      expect((await getEntity(gateway.db, PUTIN, true))?.version).toBe(stored.version);
    });

    it('a name whose stored key would pass DynamoDB’s 1,024-byte limit is BAD_USER_INPUT, in the gateway’s words', async () => {
      engine.reset();
      const answer = await post(
        server.url,
        'mutation ($i: OrganizationInput!) { upsertOrganization(input: $i) { id } }',
        { i: { name: `${'\uFDFA'.repeat(60)} x`, kind: 'MEDIA' } },
        editor,
      );

      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).not.toMatch(SDK_TEXT);
    });

    it('requests refused at the edge are rendered as the Lambda handler renders its own', async () => {
      const wrongPath = await request(server.url.replace('/graphql', '/nowhere'), { method: 'GET' });
      const wrongMethod = await request(server.url, { method: 'PUT', body: '{}' });
      const tooLarge = await request(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(200 * 1024),
      });
      const notJson = await request(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });

      for (const [answer, status, code] of [
        [wrongPath, 404, 'NOT_FOUND'],
        [wrongMethod, 405, 'METHOD_NOT_ALLOWED'],
        [tooLarge, 413, 'PAYLOAD_TOO_LARGE'],
        [notJson, 400, 'BAD_REQUEST'],
      ] as const) {
        expect(answer.status).toBe(status);
        expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(answer.errors).toEqual([{ message: expect.any(String), extensions: { code } }]);
      }
      expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
    });
  });
}
