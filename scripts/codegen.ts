/**
 * Writes what is generated from the schema and the validators, so the bundle carries the
 * schema without reading files at run time and the feed format is published:
 * - src/graphql/schema.generated.ts from schema.graphql: its document, parsed here once so a
 *   cold start neither parses nor validates the SDL again (`src/graphql/schema.ts`),
 * - docs/feed.schema.json (JSON Schema of a feed record) from src/domain/records.ts.
 * Resolver types come from GraphQL Code Generator (codegen.yml), run by `npm run codegen`.
 * `--check` fails when a generated file is stale (CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { z } from 'zod';
import { FEED_FORMAT, FEED_VERSION, feedHeaderSchema, recordSchema } from '../src/domain/records.js';

const root = new URL('../', import.meta.url);
const sdl = readFileSync(new URL('schema.graphql', root), 'utf8');
// Fails on an invalid schema: what is generated from it is trusted to be valid at run time.
buildSchema(sdl);
// JSON.parse of a string literal is quicker for V8 to load than the same object as a literal.
const documentJson = JSON.stringify(parse(sdl, { noLocation: true }));

const feedSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: `${FEED_FORMAT} version ${FEED_VERSION}: one record per line`,
  description:
    'UTF-8 NDJSON. The first line is the header; every other line is one record. Ids, dates and references are checked further than this schema says (see src/domain/records.ts).',
  $defs: {
    header: z.toJSONSchema(feedHeaderSchema, { io: 'input', unrepresentable: 'any' }),
    record: z.toJSONSchema(recordSchema, { io: 'input', unrepresentable: 'any' }),
  },
  oneOf: [{ $ref: '#/$defs/header' }, { $ref: '#/$defs/record' }],
};

const outputs: [URL, string][] = [
  [
    new URL('src/graphql/schema.generated.ts', root),
    `// Generated from schema.graphql by \`npm run codegen\`. Do not edit.\n\nimport type { DocumentNode } from 'graphql';\n\n/** The schema's SDL, parsed (without locations) and checked to build a valid schema. */\nexport const schemaDocument: DocumentNode = JSON.parse(${JSON.stringify(documentJson)});\n`,
  ],
  [new URL('docs/feed.schema.json', root), `${JSON.stringify(feedSchema, null, 2)}\n`],
];

const stale: string[] = [];
for (const [target, content] of outputs) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is as stale as an outdated one.
  }
  if (current === content) continue;
  if (process.argv.includes('--check')) stale.push(target.pathname);
  else {
    writeFileSync(target, content);
    console.log(`wrote ${target.pathname}`);
  }
}
if (stale.length > 0) {
  console.error(`stale generated files: ${stale.join(', ')}; run npm run codegen and commit the result`);
  process.exit(1);
}
