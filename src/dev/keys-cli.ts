import { parseArgs } from 'node:util';
import { NotFoundError } from '../errors.js';
import { KEY_CACHE_MS } from '../graphql/auth.js';
import { createApiKey, listApiKeys, type Role, revokeApiKey } from '../store/api-keys.js';
import type { Db } from '../store/db.js';
import { openToolTable } from './tool-table.js';

const USAGE = `usage: npm run keys -- create --role editor|reader --name <who>
       npm run keys -- list
       npm run keys -- revoke <id>`;

const ROLES: readonly Role[] = ['reader', 'editor'];

/** What a key holder is called: shown in lists and revisions, so short and printable. */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,99}$/u;

async function create(db: Db, role: string | undefined, name: string | undefined): Promise<number> {
  if (!role || !ROLES.includes(role as Role)) {
    console.error(`--role must be one of ${ROLES.join(', ')}\n${USAGE}`);
    return 2;
  }
  if (!name || !NAME.test(name)) {
    console.error(`--name must be 1 to 100 letters, digits, spaces or ._@- (it names the key's holder)\n${USAGE}`);
    return 2;
  }
  const { apiKey, key } = await createApiKey(db, name, role as Role);
  console.log(`created ${apiKey.role} key ${apiKey.id} for ${apiKey.name}; it is shown once, only its hash is stored:`);
  // The key alone on the last line, so a script can take it with `tail -n 1`.
  console.log(key);
  return 0;
}

async function list(db: Db): Promise<number> {
  const keys = await listApiKeys(db);
  if (keys.length === 0) {
    console.log('no API keys');
    return 0;
  }
  for (const k of keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    console.log([k.id, k.role.padEnd(6), k.createdAt, k.revokedAt ? `revoked ${k.revokedAt}` : 'active'.padEnd(32), k.name].join('  '));
  }
  return 0;
}

async function revoke(db: Db, id: string | undefined): Promise<number> {
  if (!id || !/^[0-9a-f]{12}$/.test(id)) {
    console.error(`revoke takes the id of a key, as \`list\` shows it (12 hex digits)\n${USAGE}`);
    return 2;
  }
  try {
    await revokeApiKey(db, id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    console.error(error.message);
    return 1;
  }
  console.log(`revoked key ${id}; a gateway that has just seen it accepts it for up to ${KEY_CACHE_MS / 1000} s more (its key cache)`);
  return 0;
}

/**
 * `npm run keys -- create|list|revoke`: manages API keys in TABLE_NAME at DYNAMODB_ENDPOINT
 * (by default the table and engine of `npm start`). A new key is printed once, alone on the
 * last line; nothing else ever prints a key, since the table holds only their hashes.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const table = await openToolTable();
  if (!table) return 1;
  const { db } = table;
  if (command === 'create' && rest.length === 0) return create(db, values.role, values.name);
  if (command === 'list' && rest.length === 0) return list(db);
  if (command === 'revoke' && rest.length <= 1) return revoke(db, rest[0]);
  console.error(USAGE);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
