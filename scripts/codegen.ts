/**
 * Writes src/graphql/schema.generated.ts from schema.graphql, so the bundle carries the
 * schema without reading files at run time. `--check` fails when the file is stale (CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildSchema } from 'graphql';

const root = new URL('../', import.meta.url);
const sdl = readFileSync(new URL('schema.graphql', root), 'utf8');
buildSchema(sdl);
const target = new URL('src/graphql/schema.generated.ts', root);
const content = `// Generated from schema.graphql by \`npm run codegen\`. Do not edit.\n\n/** The schema's SDL. */\nexport const typeDefs = ${JSON.stringify(sdl)};\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is as stale as an outdated one.
  }
  if (current !== content) {
    console.error('src/graphql/schema.generated.ts is stale: run npm run codegen and commit the result');
    process.exit(1);
  }
} else {
  writeFileSync(target, content);
  console.log('wrote src/graphql/schema.generated.ts');
}
