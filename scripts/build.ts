/**
 * Bundles each Lambda handler into an ESM entry file (plus the chunks it loads on demand, and
 * source maps), in the folder the CDK stack deploys as that function's code
 * (`dist/<name>/index.mjs`, handler `index.handler`).
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
const REQUIRE_BANNER =
  "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);";

/**
 * `@apollo/server` publishes an ES module build and a CommonJS one. The handler imports the
 * first; `@as-integrations/aws-lambda`, a CommonJS package, requires the second, so both went
 * into the bundle, each with its own copy of graphql-tools and lru-cache: 215 KiB more, and
 * about 40 ms more on every cold start (bench/README.md, "What changed for performance").
 * Its requires resolve as imports do, to the ES build: one Apollo Server, whose classes both
 * sides then share.
 */
const oneApolloServer: esbuild.Plugin = {
  name: 'one-apollo-server',
  setup(build) {
    build.onResolve({ filter: /^@apollo\/server(\/.*)?$/ }, async (args) => {
      if (args.kind !== 'require-call') return undefined;
      const resolved = await build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
    });
  },
};

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
 * Under half a MiB per function is a small price, far from Lambda's 50 MB zipped limit, and
 * the bundled SDK also starts faster: with it external, loaded from `node_modules`, a cold
 * start of the GraphQL function took 77 ms longer (bench/README.md, "What changed for
 * performance").
 */
export const COMMON_OPTIONS = {
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
  // Code reached only through a dynamic `import()` goes to chunks of its own, read when first
  // run: Apollo's usage reporting, the SDK's unused credential providers and the mutations
  // (with zod) stay off the cold start of a query, which then compiles 0.8 MiB instead of
  // 1.7 MiB (bench/README.md, "What changed for performance"). Entries keep their names;
  // chunks go to `chunks/`.
  splitting: true,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [oneApolloServer],
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
      await esbuild.build({
        ...COMMON_OPTIONS,
        absWorkingDir: root,
        entryPoints: [path.resolve(root, bundle.entry)],
        outdir: path.dirname(outfile),
        entryNames: path.basename(outfile, '.mjs'),
      });
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
      console.log(
        `${report.name.padEnd(8)} ${report.outfile.padEnd(24)} ${kib(report.bytes).padStart(12)}  (map ${kib(report.sourceMapBytes)})`,
      );
    }
  } catch (error) {
    // esbuild has already printed each error with its location; only the outcome is left.
    if (!(error instanceof Error && 'errors' in error)) console.error(error);
    process.exitCode = 1;
  }
}
