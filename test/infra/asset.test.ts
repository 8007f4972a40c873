import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileSystem } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaAssetDir } from '../../infra/assets.js';
import { BUNDLES } from '../../scripts/build.js';
import { logicalIdOf, REPO_ROOT, type Synthesized, synthStage } from './synth.js';

/** The files of a folder, by relative name, with their bytes. */
function contents(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => [
      path.relative(dir, path.join(entry.parentPath, entry.name)),
      readFileSync(path.join(entry.parentPath, entry.name)),
    ]),
  );
}

describe('function code', () => {
  let synth: Synthesized;
  let assetsManifest: { files: Record<string, { source: { path: string; packaging: string } }> };
  let assemblyDir: string;

  beforeAll(() => {
    synth = synthStage('dev');
    const assembly = synth.app.synth();
    assemblyDir = assembly.directory;
    assetsManifest = JSON.parse(readFileSync(path.join(assemblyDir, `${synth.config.stackName}.assets.json`), 'utf8'));
  });

  describe.each([
    ['graphql', 'graphqlFunction'],
    ['sync', 'syncFunction'],
  ] as const)('%s', (bundle, nameKey) => {
    const dist = path.join(REPO_ROOT, 'dist', bundle);
    const s3KeyOf = () => {
      const id = logicalIdOf(synth.template, 'AWS::Lambda::Function', 'FunctionName', synth.config.names[nameKey]);
      return synth.template.toJSON().Resources[id].Properties.Code.S3Key as string;
    };

    it(`is the asset whose hash is the fingerprint of dist/${bundle}`, () => {
      expect(s3KeyOf()).toBe(`${FileSystem.fingerprint(dist)}.zip`);
    });

    it(`deploys exactly the files of dist/${bundle}, zipped`, () => {
      const hash = s3KeyOf().replace(/\.zip$/, '');
      const asset = assetsManifest.files[hash];
      expect(asset?.source.packaging).toBe('zip');
      const staged = contents(path.join(assemblyDir, asset?.source.path ?? ''));
      const built = contents(dist);
      expect([...staged.keys()].sort()).toEqual([...built.keys()].sort());
      expect([...built.keys()]).toEqual(expect.arrayContaining(['index.mjs', 'index.mjs.map']));
      for (const [name, bytes] of built) expect(staged.get(name)?.equals(bytes), name).toBe(true);
    });
  });

  it('gives each function its own bundle', () => {
    const keys = (['graphqlFunction', 'syncFunction'] as const).map((key) => {
      const id = logicalIdOf(synth.template, 'AWS::Lambda::Function', 'FunctionName', synth.config.names[key]);
      return synth.template.toJSON().Resources[id].Properties.Code.S3Key;
    });
    expect(new Set(keys).size).toBe(2);
  });
});

describe('A deploy ships the current code', () => {
  it('builds the bundles before every cdk synth, diff and deploy (cdk.json build runs the build script)', () => {
    const cdk = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(cdk.build).toBe('npm run build --silent');
    expect(pkg.scripts.build).toBe('tsx scripts/build.ts');
    // The build writes exactly the folders the stack deploys.
    expect(BUNDLES.map((bundle) => bundle.outfile)).toEqual(['dist/graphql/index.mjs', 'dist/sync/index.mjs']);
    expect(path.relative(REPO_ROOT, lambdaAssetDir('graphql'))).toBe(path.join('dist', 'graphql'));
  });

  describe('the stack', () => {
    // A throwaway checkout: one source file and a bundle built from it.
    let root: string;
    const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

    beforeAll(() => {
      root = mkdtempSync(path.join(tmpdir(), 'assets-'));
      mkdirSync(path.join(root, 'src'));
      mkdirSync(path.join(root, 'dist', 'sync'), { recursive: true });
      writeFileSync(path.join(root, 'src', 'handler.ts'), 'export const handler = () => 1;');
      writeFileSync(path.join(root, 'package-lock.json'), '{}');
    });

    afterAll(() => {
      rmSync(root, { recursive: true, force: true });
    });

    it('refuses a missing bundle, saying how to build it', () => {
      expect(() => lambdaAssetDir('graphql', root)).toThrow(/dist\/graphql\/index\.mjs is missing: run `npm run build`/);
    });

    it('deploys a bundle built after its sources', () => {
      utimesSync(path.join(root, 'src', 'handler.ts'), at(0), at(0));
      utimesSync(path.join(root, 'package-lock.json'), at(0), at(0));
      writeFileSync(path.join(root, 'dist', 'sync', 'index.mjs'), 'export const handler = () => 1;');
      utimesSync(path.join(root, 'dist', 'sync', 'index.mjs'), at(10), at(10));
      expect(lambdaAssetDir('sync', root)).toBe(path.join(root, 'dist', 'sync'));
    });

    it('refuses a bundle older than a source it is built from, naming the source', () => {
      utimesSync(path.join(root, 'dist', 'sync', 'index.mjs'), at(10), at(10));
      utimesSync(path.join(root, 'src', 'handler.ts'), at(20), at(20));
      expect(() => lambdaAssetDir('sync', root)).toThrow(/dist\/sync\/index\.mjs is older than src\/handler\.ts: run `npm run build`/);
    });

    it('refuses a bundle older than the locked dependencies', () => {
      utimesSync(path.join(root, 'src', 'handler.ts'), at(0), at(0));
      utimesSync(path.join(root, 'package-lock.json'), at(30), at(30));
      expect(() => lambdaAssetDir('sync', root)).toThrow(/older than package-lock\.json/);
    });
  });
});
