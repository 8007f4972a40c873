import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createGraphqlHandler } from '../../src/handlers/graphql-handler.js';
import { createTestGateway, startLocalServer, type TestGateway } from '../support/gateway.js';
import { freePort } from '../support/ports.js';
import { send } from './helpers.js';

const INTROSPECTION = '{ __schema { queryType { name } } }';
const FIELD_TYPO = '{ leader(id: "leader:vladimir-putin") { nam } }';
const ENUM_TYPO = ['query ($s: MeetingStatus) { meetings(filter: { status: $s }) { edges { node { id } } } }', { s: 'HELDD' }] as const;

let dev: TestGateway;
let prod: TestGateway;
let prodIntrospective: TestGateway;

beforeAll(async () => {
  [dev, prod, prodIntrospective] = await Promise.all([
    createTestGateway({ seed: false }),
    createTestGateway({ seed: false, env: { STAGE: 'prod' } }),
    createTestGateway({ seed: false, env: { STAGE: 'prod', INTROSPECTION: 'true' } }),
  ]);
});

describe('Stages: dev', () => {
  it('answers introspection', async () => {
    const response = await dev.query(INTROSPECTION);

    expect(response.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('suggests the field or value meant, and reports DynamoDB accounting', async () => {
    const field = await dev.query(FIELD_TYPO);
    const value = await dev.query(...ENUM_TYPO);

    expect(field.errors?.[0]?.message).toMatch(/Did you mean "name"\?/);
    expect(value.errors?.[0]?.message).toMatch(/Did you mean the enum value "HELD"\?/);
    expect(field.extensions?.dynamodb).toBeDefined();
  });

  it('serves the Sandbox to a browser', async () => {
    const server = await startLocalServer(dev);
    const html = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
    await server.close();

    expect(html).toContain('new window.EmbeddedSandbox(');
  });
});

describe('Stages: prod', () => {
  it('refuses introspection unless INTROSPECTION=true', async () => {
    const refused = await prod.query(INTROSPECTION);
    const allowed = await prodIntrospective.query(INTROSPECTION);

    expect(refused.status).toBe(400);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.data).toBeUndefined();
    expect(allowed.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('names no field or value of the schema in errors, and reports no accounting', async () => {
    const field = await prod.query(FIELD_TYPO);
    const value = await prod.query(...ENUM_TYPO);

    expect(field.errors?.[0]).toMatchObject({
      message: 'Cannot query field "nam" on type "Leader".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(value.errors?.[0]?.message).not.toMatch(/Did you mean|"HELD"/);
    expect(value.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(field.extensions).toBeUndefined();
  });

  it('serves the production landing page, with no Sandbox or Explorer embedded', async () => {
    const server = await startLocalServer(prod);
    const html = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
    await server.close();

    expect(html).toContain('%22isProd%22%3Atrue');
    // The CSP still names the CDNs; what must be absent is the script that embeds either tool.
    expect(html).not.toMatch(/new window\.Embedded(Sandbox|Explorer)|embeddable-(sandbox|explorer)\.umd/);
  });
});

describe('Stages: unexpected errors are masked in both', () => {
  it.each(['dev', 'prod'] as const)('%s: a fault inside the data layer is logged and answered without detail', async (stage) => {
    const gateway = stage === 'dev' ? dev : prod;
    const db = gateway.reopen();
    // A programming error deep in a call: something no engine answer can produce.
    db.client.middlewareStack.add(
      () => async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'Items') at /var/task/index.mjs:1:2345");
      },
      { step: 'initialize', name: 'injectedBug' },
    );
    const logged: unknown[] = [];
    const handler = createGraphqlHandler(gateway.config, (_, error) => logged.push(error), db);

    const response = await send(handler, '{ meetings { edges { node { id } } } }');

    expect(response.errors).toEqual([
      {
        message: 'Unexpected error; it has been logged.',
        locations: expect.any(Array),
        path: ['meetings'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(response.raw).not.toMatch(/TypeError|var\/task|Items|stacktrace/);
    expect(logged).toEqual([expect.objectContaining({ name: 'TypeError' })]);
  });
});

describe('Stages: npm start with STAGE=prod', () => {
  let child: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    const port = await freePort();
    const start = fileURLToPath(new URL('../../src/dev/start.ts', import.meta.url));
    child = spawn(process.execPath, ['--import', 'tsx', start], {
      env: {
        ...process.env,
        STAGE: 'prod',
        PORT: String(port),
        DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
        TABLE_NAME: `test-start-${randomUUID()}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 45_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (/GraphQL \(prod\) at /.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child?.stdout?.on('data', read);
      child?.stderr?.on('data', read);
      child?.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    url = `http://127.0.0.1:${port}/graphql`;
  });

  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  it('runs with introspection off, the production landing page and no accounting', async () => {
    const post = (query: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

    const introspection = await post(INTROSPECTION);
    const data = await (await post('{ country(code: "IR") { name } }')).json();
    const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();

    expect(introspection.status).toBe(400);
    expect(data).toEqual({ data: { country: { name: 'Iran' } } });
    expect(html).toContain('%22isProd%22%3Atrue');
  });
});
