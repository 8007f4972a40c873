import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLES, type BundleReport, build } from '../../scripts/build.js';

const run = promisify(execFile);

describe('scripts/build.ts', () => {
  let root: string;
  let reports: BundleReport[];
  const bundle = { name: 'probe', entry: 'src/handler.ts', outfile: 'dist/probe/index.mjs' };

  beforeAll(async () => {
    // A throwaway project: an ES module handler over a CommonJS dependency that requires a
    // Node built-in, which only works in an ESM bundle through the banner's `require`.
    root = await mkdtemp(path.join(tmpdir(), 'build-probe-'));
    await mkdir(path.join(root, 'src'));
    await writeFile(
      path.join(root, 'src', 'legacy.cjs'),
      "const os = require('node:os');\nmodule.exports = { eol: () => JSON.stringify(os.EOL) };\n",
    );
    await writeFile(
      path.join(root, 'src', 'handler.ts'),
      "import legacy from './legacy.cjs';\nexport const handler = async (event: { name: string }) => ({ hello: event.name, eol: legacy.eol() });\n",
    );
    await mkdir(path.join(root, 'dist', 'probe'), { recursive: true });
    await writeFile(path.join(root, 'dist', 'probe', 'stale.js'), 'left over from an old build');
    reports = await build(root, [bundle]);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('bundles the real handlers into the folders the stack deploys', () => {
    expect(BUNDLES).toEqual([
      { name: 'graphql', entry: 'src/handlers/graphql.ts', outfile: 'dist/graphql/index.mjs' },
      { name: 'sync', entry: 'src/handlers/sync.ts', outfile: 'dist/sync/index.mjs' },
    ]);
  });

  it('writes one ES module exporting handler that runs, CommonJS dependencies included', async () => {
    // In a fresh Node process, as Lambda loads it: the test runner's own scope may define
    // a global `require` that would hide a missing banner.
    const runner = path.join(root, 'invoke.mjs');
    const bundleUrl = pathToFileURL(path.join(root, bundle.outfile)).href;
    await writeFile(
      runner,
      `const { handler } = await import(${JSON.stringify(bundleUrl)});\nconsole.log(JSON.stringify(await handler({ name: 'lambda' })));\n`,
    );
    const { stdout } = await run(process.execPath, [runner]);
    expect(JSON.parse(stdout)).toEqual({ hello: 'lambda', eol: JSON.stringify('\n') });
  });

  it('minifies, and writes a source map beside the bundle', async () => {
    const code = await readFile(path.join(root, bundle.outfile), 'utf8');
    expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
    expect(code.split('\n').length).toBeLessThan(10);
    const map = JSON.parse(await readFile(path.join(root, `${bundle.outfile}.map`), 'utf8'));
    expect(map.sources.some((source: string) => source.endsWith('handler.ts'))).toBe(true);
  });

  it('replaces the output folder, so nothing stale is deployed', async () => {
    await expect(readFile(path.join(root, 'dist', 'probe', 'stale.js'))).rejects.toThrow(/ENOENT/);
  });

  it('reports the sizes it wrote', () => {
    expect(reports).toEqual([{ name: 'probe', outfile: bundle.outfile, bytes: expect.any(Number), sourceMapBytes: expect.any(Number) }]);
    expect(reports[0]?.bytes).toBeGreaterThan(0);
  });
});
