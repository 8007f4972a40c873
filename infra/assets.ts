/**
 * Where each function's code comes from: the folders `scripts/build.ts` writes. `cdk synth`
 * and `cdk deploy` run that build first (`build` in cdk.json); the stack then deploys each
 * folder as it is, and refuses one older than the code it is built from.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, so the stack finds `dist/` whatever directory the CLI runs in. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundles the stack deploys, one folder each under `dist/`. */
export type LambdaBundle = 'graphql' | 'sync';

/** What a bundle is built from: the sources, the locked dependencies and the build script. */
const BUILD_INPUTS = ['src', 'package-lock.json', 'scripts/build.ts'];

/** The newest modification time among the build's inputs, and the file that has it. */
function newestInput(root: string): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  const visit = (file: string) => {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) visit(path.join(file, entry));
    } else if (stat.mtimeMs > newest.mtimeMs) newest = { file, mtimeMs: stat.mtimeMs };
  };
  for (const input of BUILD_INPUTS) if (existsSync(path.join(root, input))) visit(path.join(root, input));
  return newest;
}

/**
 * The folder deployed as a function's code, `dist/<bundle>`.
 * @throws Error saying how to build it when `dist/<bundle>/index.mjs` is missing or older
 *   than a source it is built from, instead of letting the stack deploy yesterday's code.
 */
export function lambdaAssetDir(bundle: LambdaBundle, root: string = REPO_ROOT): string {
  const dir = path.join(root, 'dist', bundle);
  const entry = path.join(dir, 'index.mjs');
  if (!existsSync(entry)) {
    throw new Error(`dist/${bundle}/index.mjs is missing: run \`npm run build\` (cdk synth and cdk deploy do) before synthesizing.`);
  }
  const newest = newestInput(root);
  if (newest.mtimeMs > statSync(entry).mtimeMs) {
    throw new Error(
      `dist/${bundle}/index.mjs is older than ${path.relative(root, newest.file)}: run \`npm run build\` (cdk synth and cdk deploy do) so the stack deploys the current code.`,
    );
  }
  return dir;
}
