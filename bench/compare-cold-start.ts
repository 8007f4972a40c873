/**
 * `npx tsx bench/compare-cold-start.ts [--runs N] BUNDLE...`: cold starts of several builds of
 * the GraphQL function, interleaved as the cold-start bench runs them, each answering its query
 * of a leader against dynalite with the article's data. For measuring a change to the build or
 * to what runs at start: build each version into a folder of its own, pass their `index.mjs`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileChild, runVariants, writeEvents } from './cold-start.js';
import { freshTable, startEngineInProcess } from './engine.js';
import { seed } from './gateway.js';
import { median, round } from './stats.js';

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '15' } } });
  if (positionals.length === 0) throw new Error('usage: npx tsx bench/compare-cold-start.ts [--runs N] BUNDLE...');
  await compileChild();
  const engine = await startEngineInProcess();
  try {
    const db = await freshTable(engine.endpoint, 'compare');
    await seed(db);
    const { appEvent } = await writeEvents();
    const env = { TABLE_NAME: db.tableName, DYNAMODB_ENDPOINT: engine.endpoint, STAGE: 'prod' };
    const bundles = positionals.map((b) => path.resolve(b));
    const times = await runVariants(
      bundles.map((bundle) => ({ name: bundle, bundle, event: appEvent, env })),
      Number(values.runs),
    );
    bundles.forEach((bundle, i) => {
      const runs = times[i] ?? [];
      const at = (key: 'importedMs' | 'answeredMs') => round(median(runs.map((t) => t[key])));
      console.log(`${bundle}: imported ${at('importedMs')} ms, answered ${at('answeredMs')} ms (medians of ${runs.length})`);
    });
  } finally {
    await engine.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
