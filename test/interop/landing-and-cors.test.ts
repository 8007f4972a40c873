import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, startLocalServer } from '../support/gateway.js';

type LocalServer = Awaited<ReturnType<typeof startLocalServer>>;

const STUDIO = 'https://studio.apollographql.com';
/** Headers Apollo Studio, Apollo Client and the API's own callers send. */
const CLIENT_HEADERS = [
  'content-type',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
];

const preflight = (server: LocalServer, origin: string, method = 'POST') =>
  fetch(server.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': CLIENT_HEADERS.join(',') },
  });

const landingPage = (server: LocalServer) => fetch(server.url, { headers: { accept: 'text/html' } });

/** The configuration Apollo's landing page script reads from `window.landingPage`. */
function landingPageConfig(html: string): Record<string, unknown> {
  const encoded = /window\.landingPage = ("[^"]*");/.exec(html)?.[1];
  if (!encoded) throw new Error('the page carries no landing page configuration');
  return JSON.parse(decodeURIComponent(JSON.parse(encoded) as string)) as Record<string, unknown>;
}

describe('the dev stage', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocalServer(await createTestGateway());
  });
  afterAll(() => server?.close());

  it('serves the local landing page with the embedded Sandbox to a browser', async () => {
    const res = await landingPage(server);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<div id="embeddableSandbox"></div>');
    expect(html).toContain('new window.EmbeddedSandbox(');
  });

  it('answers a GET without text/html as GraphQL, not with the page', async () => {
    const res = await fetch(server.url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it.each([STUDIO, 'http://localhost:5173', 'http://127.0.0.1:3000'])(
    'answers the preflight from %s with the headers clients send',
    async (origin) => {
      const res = await preflight(server, origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-methods')?.split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'POST']));
      expect(res.headers.get('access-control-allow-headers')?.split(/,\s*/)).toEqual(expect.arrayContaining(CLIENT_HEADERS));
      expect(res.headers.get('vary')).toMatch(/origin/i);
    },
  );

  it('echoes an allowed origin on the answer itself', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { origin: STUDIO, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(STUDIO);
  });

  it.each(['https://evil.example', 'http://localhost.evil.example', 'null'])(
    'gives %s no allow-origin, on the preflight or the answer',
    async (origin) => {
      const pre = await preflight(server, origin);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-headers')).toBeNull();
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    },
  );
});

describe('the prod stage', () => {
  let server: LocalServer;
  beforeAll(async () => {
    // Prod's frontends are given where it runs (CORS_ORIGINS locally, -c origins to the CDK).
    server = await startLocalServer(await createTestGateway({ env: { STAGE: 'prod' } }), ['https://app.example.org']);
  });
  afterAll(() => server?.close());

  it('serves the production landing page, without the Sandbox', async () => {
    const res = await landingPage(server);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('embeddableSandbox');
    expect(landingPageConfig(html)).toMatchObject({ isProd: true });
  });

  it.each([STUDIO, 'https://app.example.org'])('allows %s', async (origin) => {
    expect((await preflight(server, origin)).headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('allows no origin it was not given', async () => {
    expect((await preflight(server, 'https://other.example.org')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no localhost origin', async () => {
    expect((await preflight(server, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
