import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { findApiKey } from '../../src/store/api-keys.js';
import { allItems } from '../support/checksum.js';
import { createTestTable, type TestTable } from '../support/table.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEY = /^geo_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/;

let table: TestTable;

beforeAll(async () => {
  table = await createTestTable();
});

const env = () => ({ ...process.env, DYNAMODB_ENDPOINT: table.endpoint, TABLE_NAME: table.config.tableName, NODE_NO_WARNINGS: '1' });

/** Runs the CLI as `npm run keys` does (tsx on the source), returning its exit code and output. */
async function keys(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/dev/keys-cli.ts', ...args], { cwd: ROOT, env: env() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

describe('Keys CLI', () => {
  it('`npm run keys -- create` prints the new key alone on the last line, and stores only its hash', async () => {
    const { stdout } = await run('npm', ['run', 'keys', '--', 'create', '--role', 'editor', '--name', 'cli editor'], {
      cwd: ROOT,
      env: env(),
    });

    const key = lastLine(stdout);
    expect(key).toMatch(KEY);
    expect(await findApiKey(table.db, key)).toMatchObject({ name: 'cli editor', role: 'editor' });
    expect(JSON.stringify(await allItems(table.db))).not.toContain(key);
  });

  it('lists keys with id, role, state and name, never a key or its hash', async () => {
    const created = await keys('create', '--role', 'reader', '--name', 'cli reader');
    const key = lastLine(created.stdout);
    const id = key.slice(4, 16);

    const listed = await keys('list');

    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${id}\\s+reader\\s+\\S+\\s+active\\s+cli reader$`, 'm'));
    expect(listed.stdout).not.toContain(key);
    expect(listed.stdout).not.toMatch(/[0-9a-f]{64}/);
  });

  it('revokes a key by id: the key stops being found, and the list says so', async () => {
    const key = lastLine((await keys('create', '--role', 'editor', '--name', 'to revoke')).stdout);
    const id = key.slice(4, 16);

    const revoked = await keys('revoke', id);

    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/revoked key [0-9a-f]{12}; .* up to 60 s more/);
    expect(await findApiKey(table.db, key)).toBeNull();
    expect((await keys('list')).stdout).toMatch(new RegExp(`^${id}\\s+editor\\s+\\S+\\s+revoked \\S+\\s+to revoke$`, 'm'));
  });

  it.each([
    ['an unknown role', 2, ['create', '--role', 'admin', '--name', 'x'], /--role must be one of reader, editor/],
    ['no name', 2, ['create', '--role', 'editor'], /--name must be/],
    ['a name with a line break', 2, ['create', '--role', 'editor', '--name', 'a\nb'], /--name must be/],
    ['an id of the wrong shape', 2, ['revoke', 'not-an-id'], /revoke takes the id of a key/],
    ['an id no key has', 1, ['revoke', '0123456789ab'], /no API key with id 0123456789ab/],
    ['an unknown command', 2, ['rotate'], /usage: npm run keys/],
  ])('refuses %s with exit code %i and a message', async (_, code, args, message) => {
    const result = await keys(...(args as string[]));

    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).not.toMatch(/geo_[0-9a-f]{12}_/);
  });
});
