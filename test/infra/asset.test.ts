import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FileSystem } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
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
