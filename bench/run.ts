/**
 * `npm run bench [-- --only coldStart,warm,scale,sync,load,capacity] [--sipri PATH]`: runs the
 * benchmarks in turn, writes `bench/results.json` and the results section of
 * `bench/README.md`. With `--only`, the benchmarks named replace theirs in the results and
 * the others are kept. `--report` runs nothing: it writes the README's section (and docs/capacity.md's) again
 * from `bench/results.json`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchCapacity } from './capacity.js';
import { benchColdStart } from './cold-start.js';
import { benchLoad } from './load.js';
import { loadAverage, machine } from './machine.js';
import { judge, type Measured, type Results, renderCapacity, renderResults } from './report.js';
import { benchScale } from './scale.js';
import { benchSync } from './sync.js';
import { benchWarm } from './warm.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = path.join(ROOT, 'bench', 'results.json');
const README = path.join(ROOT, 'bench', 'README.md');
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
const CAPACITY_DOC = path.join(ROOT, 'docs', 'capacity.md');
const DEFAULT_SIPRI = path.resolve(ROOT, '../shared/fixtures/sipri/trade-register-2026-05.csv');

type Name = 'coldStart' | 'warm' | 'scale' | 'sync' | 'load' | 'capacity';
// The capacity model reads the sync's and the warm bench's results, so it runs after them.
const NAMES: Name[] = ['coldStart', 'warm', 'scale', 'sync', 'load', 'capacity'];

/** The benchmarks with the sizes the issue asks for, chosen so the whole run takes a few minutes. */
function benchmarks(sipri: string, results: Partial<Results>): Record<Name, () => Promise<object>> {
  return {
    coldStart: () => benchColdStart({ runs: 21 }),
    warm: () => benchWarm({ warmup: 50, iterations: 400 }),
    scale: () => benchScale({ small: 300, large: 30_000, seed: 1, warmup: 20, iterations: 200 }),
    sync: () => benchSync(sipri),
    load: () => benchLoad({ connections: 50, durationSeconds: 20, warmupSeconds: 3 }),
    capacity: () => benchCapacity(sipri, results),
  };
}

/** The section between the markers of `file` (the README by default), replaced (or appended when they are missing). */
function writeReadme(section: string, file = README): void {
  const block = `${START}\n${section}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  writeFileSync(
    file,
    start >= 0 && end > start ? `${current.slice(0, start)}${block}${current.slice(end + END.length)}` : `${current}\n${block}\n`,
  );
}

async function main(): Promise<void> {
  // The SDK warns that Node 20 leaves its support; the deployed functions run on 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: { only: { type: 'string' }, sipri: { type: 'string' }, report: { type: 'boolean', default: false } },
  });
  if (values.report) {
    const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
    writeReadme(renderResults(results));
    if (results.capacity && !('skipped' in results.capacity)) writeReadme(renderCapacity(results.capacity), CAPACITY_DOC);
    return;
  }
  const only = values.only ? values.only.split(',').map((n) => n.trim()) : NAMES;
  const unknown = only.filter((n) => !NAMES.includes(n as Name));
  if (unknown.length > 0) throw new Error(`--only takes ${NAMES.join(', ')}; not ${unknown.join(', ')}`);
  const previous: Partial<Results> = values.only && existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const results: Omit<Results, 'targets'> = {
    ...previous,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    generatedAt: '',
    machine: machine(),
  };
  const run = benchmarks(values.sipri ? path.resolve(values.sipri) : DEFAULT_SIPRI, results);
  const started = performance.now();
  for (const name of NAMES.filter((n) => only.includes(n))) {
    const loadAverageAtStart = loadAverage();
    const measuredAt = new Date().toISOString();
    const t = performance.now();
    console.log(`${name}: running (load average ${loadAverageAtStart})`);
    const result = await run[name]();
    const seconds = Math.round((performance.now() - t) / 100) / 10;
    (results as Record<Name, unknown>)[name] = { ...result, measuredAt, seconds, loadAverageAtStart } satisfies Measured;
    console.log(`${name}: done in ${seconds} s`);
  }
  results.generatedAt = new Date().toISOString();
  const complete: Results = { ...results, targets: judge(results) };
  writeFileSync(RESULTS, `${JSON.stringify(complete, null, 2)}\n`);
  writeReadme(renderResults(complete));
  if (complete.capacity && !('skipped' in complete.capacity)) writeReadme(renderCapacity(complete.capacity), CAPACITY_DOC);
  console.log(
    `\n${renderResults(complete)}\n\nwrote bench/results.json and bench/README.md in ${Math.round((performance.now() - started) / 1000)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
