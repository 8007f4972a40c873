/**
 * Bundles each Lambda handler into one ESM file plus its source map, in the folder the CDK
 * stack deploys as that function's code (`dist/<name>/index.mjs`, handler `index.handler`).
 *
 * Run with `npx tsx scripts/build.ts`.
 */
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

/** One Lambda bundle: the handler module and the file it becomes. */
export interface Bundle {
  name: string;
  /** Entry module, relative to the project root. */
  entry: string;
  /** Output file, relative to the project root; its folder is the function's whole asset. */
  outfile: string;
}

/** What was written for one bundle, in bytes. */
export interface BundleReport {
  name: string;
  outfile: string;
  bytes: number;
  sourceMapBytes: number;
}

/** The handlers deployed by the stack. */
export const BUNDLES: readonly Bundle[] = [
  { name: 'graphql', entry: 'src/handlers/graphql.ts', outfile: 'dist/graphql/index.mjs' },
  { name: 'sync', entry: 'src/handlers/sync.ts', outfile: 'dist/sync/index.mjs' },
];

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * CommonJS dependencies bundled into an ES module still call `require` for Node built-ins;
 * ESM has no `require`, so one is made from the bundle's own URL. The alias keeps the
 * banner's import from clashing with a bundled module's own `createRequire`.
 */
const REQUIRE_BANNER = "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);";

/**
 * Options shared by every bundle.
 *
 * The AWS SDK v3 is bundled rather than taken from the runtime: the version is then the one
 * the tests ran against, not whatever the runtime ships that month, and tree shaking keeps
 * only the clients used. Measured on the two handlers (minified, before zipping):
 *
 * | handler | SDK bundled | `@aws-sdk/*`, `@smithy/*` external |
 * | ------- | ----------- | ---------------------------------- |
 * | graphql | 1733 KiB    | 1389 KiB                           |
 * | sync    | 960 KiB     | 480 KiB                            |
 *
 * Under half a MiB per function is a small price, far from Lambda's 50 MB zipped limit.
 */
const COMMON_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  minify: true,
  treeShaking: true,
  // Written beside the bundle and read by `--enable-source-maps`; stack traces need only
  // the mappings, so the sources themselves are left out to keep the asset small.
  sourcemap: true,
  sourcesContent: false,
  // Prefer the ES module builds that most dependencies (the AWS SDK among them) publish:
  // they tree-shake better than the CommonJS ones (about 250 KiB less per handler above).
  mainFields: ['module', 'main'],
  banner: { js: REQUIRE_BANNER },
  logLevel: 'warning',
} as const satisfies esbuild.BuildOptions;

/**
 * Bundles each handler, replacing its output folder so no stale file is deployed with it.
 * @param root project root the bundle paths are relative to (the repository by default)
 * @param bundles which handlers to build (all of them by default)
 * @returns the size of every bundle written
 */
export async function build(root: string = PROJECT_ROOT, bundles: readonly Bundle[] = BUNDLES): Promise<BundleReport[]> {
  return Promise.all(
    bundles.map(async (bundle) => {
      const outfile = path.resolve(root, bundle.outfile);
      await rm(path.dirname(outfile), { recursive: true, force: true });
      await esbuild.build({ ...COMMON_OPTIONS, absWorkingDir: root, entryPoints: [path.resolve(root, bundle.entry)], outfile });
      const [code, map] = await Promise.all([stat(outfile), stat(`${outfile}.map`)]);
      return { name: bundle.name, outfile: path.relative(root, outfile), bytes: code.size, sourceMapBytes: map.size };
    }),
  );
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    for (const report of await build()) {
      console.log(`${report.name.padEnd(8)} ${report.outfile.padEnd(24)} ${kib(report.bytes).padStart(12)}  (map ${kib(report.sourceMapBytes)})`);
    }
  } catch (error) {
    // esbuild has already printed each error with its location; only the outcome is left.
    if (!(error instanceof Error && 'errors' in error)) console.error(error);
    process.exitCode = 1;
  }
}
