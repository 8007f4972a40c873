import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { v2Event } from '../support/events.js';
import { ARTICLE_FEED } from '../support/gateway.js';
import { createTestTable } from '../support/table.js';

const run = promisify(execFile);
const DIST = fileURLToPath(new URL('../../dist/graphql/', import.meta.url));
const ENTRY = path.join(DIST, 'index.mjs');
/** Text only the X-Ray SDK under the Powertools Tracer holds. */
const XRAY_MARK = 'AWS_XRAY_DAEMON_ADDRESS';
/** A static `import … from "./x.mjs"` or `import "./x.mjs"` of esbuild's output (not `import("…")`). */
const STATIC_IMPORT =
  /\b(?:import|export)\s*(?:\{[^}]*\}|\*(?:\s*as\s+[\w$]+)?|[\w$]+(?:\s*,\s*\{[^}]*\})?)?\s*(?:from\s*)?"(\.{1,2}\/[^"]+\.mjs)"/g;

/** The entry and every file it imports statically: what a cold start loads before its first line runs. */
async function staticGraph(entry: string): Promise<Set<string>> {
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(file, 'utf8');
    await Promise.all([...code.matchAll(STATIC_IMPORT)].map((m) => visit(path.resolve(path.dirname(file), m[1] as string))));
  };
  await visit(entry);
  return seen;
}

describe('the deployed GraphQL bundle (dist/graphql, built by npm test)', () => {
  beforeAll(() => {
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build (npm test does)`);
  });

  it('keeps the X-Ray tracer out of the static imports: a chunk loaded only where the stage traces DynamoDB', async () => {
    const files = (await readdir(DIST, { recursive: true })).filter((f) => f.endsWith('.mjs')).map((f) => path.join(DIST, f));
    const withXray = [];
    for (const file of files) if ((await readFile(file, 'utf8')).includes(XRAY_MARK)) withXray.push(file);
    expect(withXray).toHaveLength(1);
    const graph = await staticGraph(ENTRY);
    expect(graph.has(withXray[0] as string)).toBe(false);
    expect(await readFile(ENTRY, 'utf8')).toContain(`import("./${path.relative(DIST, withXray[0] as string)}")`);
  });

  it.each(['dev', 'prod'])(
    'answers a query in a fresh Node process on the %s stage, with credentials in the environment as on Lambda',
    async (stage) => {
      const { db, endpoint } = await createTestTable();
      await runSync(db, resolveSource(ARTICLE_FEED), { actor: 'seed' });
      const dir = await mkdtemp(path.join(tmpdir(), 'graphql-bundle-'));
      const runner = path.join(dir, 'invoke.mjs');
      const event = v2Event({
        body: JSON.stringify({ query: '{ leader(id: "leader:vladimir-putin") { name country { name } } }' }),
        headers: { 'content-type': 'application/json' },
      });
      await writeFile(
        runner,
        `const { handler } = await import(${JSON.stringify(pathToFileURL(ENTRY).href)});
const result = await handler(${JSON.stringify(event)}, { awsRequestId: 'test', getRemainingTimeInMillis: () => 10000 });
process.stdout.write('\\nRESULT ' + result.body + '\\n');
process.exit(0);
`,
      );
      const { stdout } = await run(process.execPath, [runner], {
        env: {
          PATH: process.env.PATH ?? '',
          TABLE_NAME: db.tableName,
          DYNAMODB_ENDPOINT: endpoint,
          STAGE: stage,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'ASIATEST',
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_SESSION_TOKEN: 'test',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      });
      const body = JSON.parse(stdout.slice(stdout.lastIndexOf('\nRESULT ') + 8)) as { data?: unknown; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({ leader: { name: 'Vladimir Putin', country: { name: 'Russia' } } });
    },
  );
});
