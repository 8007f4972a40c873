/**
 * Where each function's code comes from: the folders `scripts/build.ts` writes. The stack
 * deploys a folder as it is, so nothing here builds (and nothing needs Docker).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, so the stack finds `dist/` whatever directory the CLI runs in. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundles the stack deploys, one folder each under `dist/`. */
export type LambdaBundle = 'graphql' | 'sync';

/**
 * The folder deployed as a function's code, `dist/<bundle>`.
 * @throws Error saying how to build it when `dist/<bundle>/index.mjs` is missing, instead of
 *   letting the stack deploy an empty or stale folder.
 */
export function lambdaAssetDir(bundle: LambdaBundle): string {
  const dir = path.join(REPO_ROOT, 'dist', bundle);
  if (!existsSync(path.join(dir, 'index.mjs'))) {
    throw new Error(`dist/${bundle}/index.mjs is missing: run \`npx tsx scripts/build.ts\` before synthesizing or testing the stack.`);
  }
  return dir;
}
