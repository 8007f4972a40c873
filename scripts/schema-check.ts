/**
 * `npm run schema:check`: fails when schema.graphql would break what clients depend on —
 * the frontend contract (test/fixtures/contract.graphql, a copy of the shared contract) and
 * the last released schema (the newest file in releases/). Dangerous changes are listed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';

const root = new URL('../', import.meta.url);
const load = (path: string) => buildSchema(readFileSync(new URL(path, root), 'utf8'));
const current = load('schema.graphql');
const releases = readdirSync(new URL('releases/', root))
  .filter((f) => f.endsWith('.graphql'))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const baselines = [
  ['the contract', 'test/fixtures/contract.graphql'],
  ...releases.slice(-1).map((f) => [`release ${f.replace(/\.graphql$/, '')}`, `releases/${f}`]),
] as const;

let failed = false;
for (const [name, path] of baselines) {
  const old = load(path);
  const breaking = findBreakingChanges(old, current);
  const dangerous = findDangerousChanges(old, current);
  for (const change of breaking) console.error(`BREAKING against ${name}: ${change.description}`);
  for (const change of dangerous) console.warn(`dangerous against ${name}: ${change.description}`);
  if (breaking.length > 0) failed = true;
  else console.log(`schema.graphql keeps ${name} (${path}): no breaking change`);
}
process.exit(failed ? 1 : 0);
