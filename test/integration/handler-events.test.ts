import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/stages.js';
import { type EventOptions, v2Event } from '../support/events.js';
import { createTestGateway, type TestGateway } from '../support/gateway.js';
import { expectNoInternals } from './helpers.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway();
});

// Each test checks that it made the handler log nothing unexpected.
beforeEach(() => {
  gateway.logged.length = 0;
});

const lambdaContext = { awsRequestId: 'handler-events', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}

/** Sends one v2 event to the real handler. */
async function send(event: APIGatewayProxyEventV2): Promise<Answer> {
  const result = await gateway.handler(event, lambdaContext);
  const text = result.body ?? '';
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: result.statusCode ?? 200, headers: (result.headers ?? {}) as Record<string, string>, text, json };
}

const post = (body: string, options: EventOptions = {}) =>
  send(v2Event({ ...options, method: 'POST', body, headers: { 'content-type': 'application/json', ...(options.headers ?? {}) } }));

const PUTIN_QUERY = 'query ($id: ID!) { leader(id: $id) { name } }';
const PUTIN_BODY = JSON.stringify({ query: PUTIN_QUERY, variables: { id: 'leader:vladimir-putin' } });

/** Fails unless the answer is a GraphQL-shaped refusal with the status and code given, and shows no internals. */
function expectRefusal(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(answer.json?.errors?.[0]?.extensions?.code).toBe(code);
  expect(answer.json?.data ?? null).toBeNull();
  expectNoInternals(answer.text);
  expect(gateway.logged).toEqual([]);
}

describe('Handler: POST bodies', () => {
  it('answers a JSON body', async () => {
    const answer = await post(PUTIN_BODY);
    expect(answer.status).toBe(200);
    expect(answer.json?.data).toEqual({ leader: { name: 'Vladimir Putin' } });
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.text));
  });

  it('decodes a base64 body, accents included', async () => {
    // Prepare
    const body = JSON.stringify({
      query: 'query ($text: String!) { search(text: $text) { ... on Leader { id name } } }',
      variables: { text: 'Ébrahim Raïsi' },
    });

    // Act
    const answer = await post(body, { base64: true });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.json?.data).toEqual({ search: [{ id: 'leader:ebrahim-raisi', name: 'Ebrahim Raisi' }] });
  });

  it('accepts a JSON content type with a charset', async () => {
    const answer = await post(PUTIN_BODY, { headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(answer.json?.data).toEqual({ leader: { name: 'Vladimir Putin' } });
  });

  it('refuses a malformed JSON body with 400 BAD_REQUEST and no parser internals', async () => {
    for (const body of ['{"query": ', '{query: "{ __typename }"}', '{"query": "{ __typename }",}', '\u0000\u0001', '{"query": "\\x"}']) {
      const answer = await post(body);
      expectRefusal(answer, 400, 'BAD_REQUEST');
      expect(answer.json?.errors?.[0]?.message).toBe('request body is not valid JSON');
    }
  });

  it('refuses a malformed base64 JSON body the same way', async () => {
    expectRefusal(await post('{"query": ', { base64: true }), 400, 'BAD_REQUEST');
  });

  it('refuses an empty or missing body with 400 BAD_REQUEST', async () => {
    expectRefusal(await post(''), 400, 'BAD_REQUEST');
    expectRefusal(await send(v2Event({ method: 'POST', headers: { 'content-type': 'application/json' } })), 400, 'BAD_REQUEST');
    expectRefusal(await post('{}'), 400, 'BAD_REQUEST');
  });

  it('refuses JSON that is not one operation with 400 BAD_REQUEST', async () => {
    for (const body of [
      '42',
      'null',
      '"{ __typename }"',
      '[]',
      JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
      JSON.stringify({ query: 42 }),
    ]) {
      expectRefusal(await post(body), 400, 'BAD_REQUEST');
    }
  });

  it('refuses a text/plain body as a possible cross-site request', async () => {
    const answer = await post(PUTIN_BODY, { headers: { 'content-type': 'text/plain' } });
    expectRefusal(answer, 400, 'BAD_REQUEST');
    expect(answer.json?.errors?.[0]?.message).toMatch(/CSRF/);
  });

  it('refuses a text/plain body with 400 even with the preflight header', async () => {
    const answer = await post(PUTIN_BODY, { headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' } });
    expectRefusal(answer, 400, 'BAD_REQUEST');
  });

  it(`refuses a body over ${MAX_BODY_BYTES} bytes with 413, plain or base64`, async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(MAX_BODY_BYTES) } });
    expectRefusal(await post(big), 413, 'PAYLOAD_TOO_LARGE');
    expectRefusal(await post(big, { base64: true }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('counts the size of a body in bytes, not characters', async () => {
    // 60 000 two-byte characters: fewer characters than the limit, more bytes.
    const wide = JSON.stringify({ query: '{ __typename }', variables: { padding: 'é'.repeat(60_000) } });
    expect(wide.length).toBeLessThan(MAX_BODY_BYTES);
    expectRefusal(await post(wide), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a body just under the limit', async () => {
    const query = '{ __typename }';
    const padding = 'x'.repeat(MAX_BODY_BYTES - 200);
    const answer = await post(JSON.stringify({ query, variables: { padding } }));
    expect(answer.status).toBe(200);
    expect(answer.json?.data).toEqual({ __typename: 'Query' });
  });
});

describe('Handler: GET', () => {
  const query = `query=${encodeURIComponent(PUTIN_QUERY)}&variables=${encodeURIComponent(JSON.stringify({ id: 'leader:vladimir-putin' }))}`;

  it('refuses a GET query with neither a preflight header nor a content type, as a possible CSRF', async () => {
    const answer = await send(v2Event({ method: 'GET', query }));
    expectRefusal(answer, 400, 'BAD_REQUEST');
    expect(answer.json?.errors?.[0]?.message).toMatch(/CSRF/);
  });

  it('answers a GET query with the apollo-require-preflight header', async () => {
    const answer = await send(v2Event({ method: 'GET', query, headers: { 'apollo-require-preflight': 'true' } }));
    expect(answer.status).toBe(200);
    expect(answer.json?.data).toEqual({ leader: { name: 'Vladimir Putin' } });
  });

  it('answers a GET query with a JSON content type', async () => {
    const answer = await send(v2Event({ method: 'GET', query, headers: { 'content-type': 'application/json' } }));
    expect(answer.status).toBe(200);
    expect(answer.json?.data).toEqual({ leader: { name: 'Vladimir Putin' } });
  });

  it('refuses malformed variables in the query string with 400', async () => {
    const answer = await send(
      v2Event({
        method: 'GET',
        query: `query=${encodeURIComponent(PUTIN_QUERY)}&variables=%7Bnot-json`,
        headers: { 'apollo-require-preflight': 'true' },
      }),
    );
    expectRefusal(answer, 400, 'BAD_REQUEST');
  });

  it('refuses a mutation over GET with 405', async () => {
    const mutation = `query=${encodeURIComponent('mutation { upsertLeader(input: { name: "Nobody" }) { id } }')}`;
    const answer = await send(v2Event({ method: 'GET', query: mutation, headers: { 'apollo-require-preflight': 'true' } }));
    expectRefusal(answer, 405, 'BAD_REQUEST');
    expect(answer.headers.allow).toBe('POST');
  });

  it('serves the landing page to a browser in dev', async () => {
    const answer = await send(v2Event({ method: 'GET', headers: { accept: 'text/html' } }));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.text).toMatch(/^\s*<!DOCTYPE html>/i);
    expect(answer.text).toContain('</html>');
    expect(answer.text).toMatch(/apollo/i);
  });
});

describe('Handler: methods', () => {
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    it(`refuses ${method} with 405 and the methods allowed`, async () => {
      const answer = await send(v2Event({ method, body: PUTIN_BODY, headers: { 'content-type': 'application/json' } }));
      expectRefusal(answer, 405, 'BAD_REQUEST');
      expect(answer.headers.allow).toBe('GET, POST');
    });
  }
});
