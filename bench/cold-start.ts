import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build, COMMON_OPTIONS } from '../scripts/build.js';
import { v2Event } from '../test/support/events.js';
import { freshTable, startEngineInProcess } from './engine.js';
import { seed } from './gateway.js';
import { median, round } from './stats.js';

/** Cold starts of the gateway's bundle against a hello-world Apollo Server on the same integration. */
export interface ColdStartResult {
  /** Median, in the child, from process start (`performance.timeOrigin`) to the handler's answer. */
  appMs: number;
  helloWorldMs: number;
  /** appMs / helloWorldMs. */
  ratio: number;
  /** The code deployed as the GraphQL function: every `.mjs` of `dist/graphql` (entry and chunks). */
  bundleBytes: number;
  /** `dist/graphql/index.mjs` alone. */
  entryBytes: number;
  /** What a cold start reads and compiles: the entry and the chunks it imports statically. */
  coldPathBytes: number;
  helloWorldColdPathBytes: number;
  /** The same SDK client making the fewest reads of the same data, with no GraphQL: the I/O floor. */
  dynamodbOnlyMs: number;
  /** A handler that does nothing: Node's own start, which both baselines above include. */
  emptyMs: number;
  /**
   * The ratio of a gateway that cost nothing beyond Apollo (the hello world) and its reads
   * (the DynamoDB-only baseline): (helloWorldMs + dynamodbOnlyMs - emptyMs) / helloWorldMs.
   */
  ratioFloor: number;
  /** The hello world bundled as one file (the build's options without code splitting). */
  helloWorldOneFileMs: number;
  runs: number;
  /** Medians of the wall time the parent saw, from spawn to the answer's line. */
  appWallMs: number;
  helloWorldWallMs: number;
  dynamodbOnlyWallMs: number;
  /** Medians, in the child, from process start to the end of the bundle's import. */
  appImportMs: number;
  helloWorldImportMs: number;
  dynamodbOnlyImportMs: number;
  nodeOptions: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TMP = fileURLToPath(new URL('./.tmp/cold-start/', import.meta.url));
const CHILD = path.join(TMP, 'child.mjs');
/** As the stack sets it on both functions. */
const NODE_OPTIONS = '--enable-source-maps';
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

/** One fresh `node` process that imports `bundle` and answers the event in `eventFile`. */
export function coldStart(bundle: string, eventFile: string, env: Record<string, string>): Promise<ChildTimes> {
  return new Promise((resolve, reject) => {
    const spawned = performance.now();
    // Only what Lambda's environment would hold: no loader, no inherited NODE_OPTIONS.
    const child = spawn(process.execPath, [CHILD, bundle, eventFile], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_OPTIONS,
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
      const measured = await coldStart(variant.bundle, variant.event, variant.env);
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

/**
 * Builds the deployed bundles (`scripts/build.ts`) and bundles the baselines with the same
 * options; then starts fresh `node` processes in turn (the order rotating every round) until
 * each has `runs` cold starts: the gateway answering a real query against dynalite (started
 * here, with the article's data), the hello world answering `{ hello }`, and, to tell where the
 * difference goes, the DynamoDB-only baseline making the fewest reads of what the gateway's
 * query asks for, an empty handler, and the hello world bundled as one file.
 */
export async function benchColdStart(options: { runs: number }): Promise<ColdStartResult> {
  const reports = await build();
  const app = reports.find((r) => r.name === 'graphql');
  if (!app) throw new Error('the build wrote no graphql bundle');
  const appBundle = path.resolve(ROOT, app.outfile);
  const helloBundle = await bundleBaseline('hello');
  const dynamodbBundle = await bundleBaseline('dynamodb-only');
  const emptyBundle = await bundleBaseline('empty');
  const helloOneFileBundle = await bundleBaseline('hello', 'hello-one-file', { splitting: false });
  await compileChild();

  const engine = await startEngineInProcess();
  try {
    const db = await freshTable(engine.endpoint, 'cold');
    await seed(db);
    const { appEvent, helloEvent } = await writeEvents();
    const tableEnv = { TABLE_NAME: db.tableName, DYNAMODB_ENDPOINT: engine.endpoint, STAGE: 'prod' };
    const variants = [
      { name: 'the gateway', bundle: appBundle, event: appEvent, env: tableEnv },
      { name: 'the hello world', bundle: helloBundle, event: helloEvent, env: {} },
      { name: 'the DynamoDB-only baseline', bundle: dynamodbBundle, event: appEvent, env: tableEnv },
      { name: 'the empty handler', bundle: emptyBundle, event: helloEvent, env: {} },
      { name: 'the one-file hello world', bundle: helloOneFileBundle, event: helloEvent, env: {} },
    ];
    const [appRuns, helloRuns, dynamodbRuns, emptyRuns, helloOneFileRuns] = (await runVariants(variants, options.runs)) as [
      ChildTimes[],
      ChildTimes[],
      ChildTimes[],
      ChildTimes[],
      ChildTimes[],
    ];
    const medianOf = (runs: ChildTimes[], key: 'answeredMs' | 'importedMs' | 'wallMs') => round(median(runs.map((t) => t[key])));
    const appMs = medianOf(appRuns, 'answeredMs');
    const helloWorldMs = medianOf(helloRuns, 'answeredMs');
    const dynamodbOnlyMs = medianOf(dynamodbRuns, 'answeredMs');
    const emptyMs = medianOf(emptyRuns, 'answeredMs');
    return {
      appMs,
      helloWorldMs,
      ratio: round(appMs / helloWorldMs, 3),
      bundleBytes: await codeBytes(path.dirname(appBundle)),
      entryBytes: app.bytes,
      coldPathBytes: await coldPathBytes(appBundle),
      helloWorldColdPathBytes: await coldPathBytes(helloBundle),
      dynamodbOnlyMs,
      emptyMs,
      ratioFloor: round((helloWorldMs + dynamodbOnlyMs - emptyMs) / helloWorldMs, 3),
      helloWorldOneFileMs: medianOf(helloOneFileRuns, 'answeredMs'),
      runs: options.runs,
      appWallMs: medianOf(appRuns, 'wallMs'),
      helloWorldWallMs: medianOf(helloRuns, 'wallMs'),
      dynamodbOnlyWallMs: medianOf(dynamodbRuns, 'wallMs'),
      appImportMs: medianOf(appRuns, 'importedMs'),
      helloWorldImportMs: medianOf(helloRuns, 'importedMs'),
      dynamodbOnlyImportMs: medianOf(dynamodbRuns, 'importedMs'),
      nodeOptions: NODE_OPTIONS,
    };
  } finally {
    await engine.close();
  }
}
