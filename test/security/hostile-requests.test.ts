import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableChecksum } from '../support/checksum.js';
import { createTestGateway, startLocalServer, type TestGateway } from '../support/gateway.js';
import { HOSTILE_REQUESTS, type HostileRequest, INERT_IDS } from './hostile-corpus.js';

/** An answer as it came over the wire. */
interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends a request exactly as given (bytes, headers, method) over HTTP. */
function sendRaw(url: string, hostile: HostileRequest): Promise<RawAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        method: hostile.method ?? 'GET',
        path: hostile.path ?? target.pathname,
        headers: hostile.headers,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    // A server that answers an oversized body early closes the connection while it is still being sent.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(hostile.body);
  });
}

/** Anything of the server's insides: stack frames, file paths, error class dumps, parser internals. */
const INTERNALS = [
  /\bat [\w.<>]+ \(/,
  /\n\s+at /,
  /\bat \/[\w.-]+\//,
  /node_modules|\/work\/|\/var\/task|file:\/\//,
  /\.(ts|js|mjs):\d+/,
  /\b\w+Error:/,
  /stacktrace/i,
  /Unexpected token|in JSON at position/,
];

function expectRefused(answer: RawAnswer): void {
  expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
  for (const pattern of INTERNALS) expect(answer.body).not.toMatch(pattern);
  const json = answer.contentType.includes('json') ? (JSON.parse(answer.body) as { errors?: { extensions?: { code?: unknown } }[] }) : null;
  if (answer.status >= 400 && !json) {
    // Only Node's own HTTP parser answers without JSON (431 for oversized headers), and with no body at all.
    expect(answer.body).toBe('');
    return;
  }
  expect(answer.status === 200 || (answer.status >= 400 && answer.status < 500), `status ${answer.status}`).toBe(true);
  expect(json?.errors?.length, answer.body.slice(0, 300)).toBeGreaterThan(0);
  for (const error of json?.errors ?? []) expect(typeof error.extensions?.code, JSON.stringify(error)).toBe('string');
}

describe.each(['dev', 'prod'] as const)('Hostile requests (%s stage), over HTTP to the local server', (stage) => {
  let gateway: TestGateway;
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let checksum: Awaited<ReturnType<typeof tableChecksum>>;

  beforeAll(async () => {
    gateway = await createTestGateway({ env: { STAGE: stage } });
    server = await startLocalServer(gateway);
    checksum = await tableChecksum(gateway.db);
  });

  afterAll(() => server?.close());

  it(`the corpus holds at least 100 requests, each named once (${HOSTILE_REQUESTS.length})`, () => {
    expect(HOSTILE_REQUESTS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(HOSTILE_REQUESTS.map((r) => r.name)).size).toBe(HOSTILE_REQUESTS.length);
  });

  it.each(HOSTILE_REQUESTS.map((r) => [r.name, r] as const))('refuses %s', async (_, hostile) => {
    expectRefused(await sendRaw(server.url, hostile));
  });

  it.each(INERT_IDS)('takes %s for an id that matches nothing', async (id) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($id: ID!) { node(id: $id) { id } leader(id: $id) { id } meeting(id: $id) { id } }',
        variables: { id },
      }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { node: null, leader: null, meeting: null } });
  });

  it('still answers afterwards', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ country(code: "IR") { name } }' }),
    });

    expect(await response.json()).toMatchObject({ data: { country: { name: 'Iran' } } });
  });

  it('changed nothing in the table, and logged nothing unexpected', async () => {
    expect(await tableChecksum(gateway.db)).toEqual(checksum);
    expect(gateway.logged.map((l) => [l.message, String(l.error)])).toEqual([]);
  });
});
