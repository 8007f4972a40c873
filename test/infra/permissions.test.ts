import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSyncConfig } from '../../src/config.js';
import { createGraphqlHandler } from '../../src/handlers/graphql-handler.js';
import { createSyncHandler } from '../../src/handlers/sync-handler.js';
import { GRAPHQL_TABLE_ACTIONS, SYNC_TABLE_ACTIONS } from '../../src/store/commands.js';
import type { Db } from '../../src/store/db.js';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { ARTICLE_SOURCE, bearer, createKeys, send } from '../security/helpers.js';
import { ARTICLE_FEED } from '../support/gateway.js';
import { createTestTable, type TestTable } from '../support/table.js';
import { actionsOf, functionStatements, REPO_ROOT, synthStage } from './synth.js';

/**
 * A `Db` whose SDK client records the name of every DynamoDB operation it puts on the wire
 * (`GetItem`, `Query`…), whatever store function or command class sent it. `answered` runs
 * after each answer, before the caller sees it (to make a concurrent write at that moment).
 */
function recordingDb(table: TestTable, sent: Set<string>, answered: (operation: string) => Promise<void> = async () => {}): Db {
  const record = (client: DynamoDBClient) => {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName).replace(/Command$/, '');
        sent.add(operation);
        const output = await next(args);
        await answered(operation);
        return output;
      },
      { step: 'initialize', name: 'recordTableAction' },
    );
    return client;
  };
  return table.reopen({ instrument: record });
}

/** lib-dynamodb's command classes, by the DynamoDB operation each sends. */
const DOCUMENT_COMMANDS: Record<string, string> = {
  GetCommand: 'GetItem',
  BatchGetCommand: 'BatchGetItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  BatchWriteCommand: 'BatchWriteItem',
  TransactGetCommand: 'TransactGetItems',
  TransactWriteCommand: 'TransactWriteItems',
  ExecuteStatementCommand: 'ExecuteStatement',
};

/** The table gateway's methods (`src/store/db.ts`), by the DynamoDB operation each sends. */
const GATEWAY_METHODS: Record<string, string> = {
  get: 'GetItem',
  put: 'PutItem',
  update: 'UpdateItem',
  delete: 'DeleteItem',
  query: 'Query',
  batchGetOnce: 'BatchGetItem',
  batchWriteOnce: 'BatchWriteItem',
};

const GATEWAY = path.join(REPO_ROOT, 'src', 'store', 'db.ts');

/** Every source file a bundle entry reaches through relative imports: what esbuild bundles of src/. */
function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      visit(path.resolve(path.dirname(file), (spec as string).replace(/\.js$/, '.ts')));
    }
  };
  visit(path.join(REPO_ROOT, entry));
  return [...seen];
}

/** The DynamoDB command classes a file constructs (`new PutCommand(`), when it imports the SDK's DynamoDB packages. */
function constructedCommands(text: string): string[] {
  if (!/from '@aws-sdk\/(lib-dynamodb|client-dynamodb)'/.test(text)) return [];
  return [...text.matchAll(/new (\w+Command)\(/g)].map((m) => m[1] as string);
}

/**
 * The DynamoDB operations the files may send: the gateway methods they call on a `db` (and the
 * gateway on itself), and any command they construct themselves, by DynamoDB's name.
 * @returns the operations, and what could not be named (a new gateway method or command class).
 */
function operationsSent(files: string[]): { operations: Set<string>; unknown: string[] } {
  const operations = new Set<string>();
  const unknown: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const receiver = file === GATEWAY ? 'this' : 'db';
    for (const [, method] of text.matchAll(new RegExp(`\\b${receiver}\\.(\\w+)\\(`, 'g'))) {
      const operation = GATEWAY_METHODS[method as string];
      if (operation) operations.add(operation);
    }
    if (file === GATEWAY) continue;
    for (const className of constructedCommands(text)) {
      const operation =
        DOCUMENT_COMMANDS[className] ?? (/^(\w+Item|Query|Scan)Command$/.test(className) ? className.replace(/Command$/, '') : undefined);
      if (operation) operations.add(operation);
      else unknown.push(`${path.relative(REPO_ROOT, file)}: ${className}`);
    }
  }
  return { operations, unknown };
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('Least privilege: the table actions each function sends (src/store/commands.ts)', () => {
  describe('the GraphQL function', () => {
    const sent = new Set<string>();

    beforeAll(async () => {
      // Prepare: a seeded table and keys, written outside the recording client.
      const table = await createTestTable();
      const seed = await runSync(table.db, resolveSource(ARTICLE_FEED), { actor: 'seed' });
      expect(seed.rejected).toBe(0);
      const keys = await createKeys(table.db);
      const handler = createGraphqlHandler(table.config, () => undefined, recordingDb(table, sent));
      const call = async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
        const response = await send(handler, query, variables, headers);
        expect(response.errors, query).toBeUndefined();
        return response;
      };

      // Act: every example frontends are given, then each kind of write an editor makes.
      const examples = path.join(REPO_ROOT, 'examples');
      for (const file of readdirSync(examples).filter((name) => name.endsWith('.graphql'))) {
        const variables = JSON.parse(readFileSync(path.join(examples, file.replace(/\.graphql$/, '.variables.json')), 'utf8'));
        await call(readFileSync(path.join(examples, file), 'utf8'), variables, bearer(keys.reader));
      }
      await call('{ syncRuns(first: 2) { edges { node { id status } } } }', undefined, bearer(keys.reader));
      const created = await call(
        'mutation ($input: LeaderInput!) { upsertLeader(input: $input, expectedVersion: 0) { id version } }',
        { input: { name: 'Least Privilege', country: 'IR', citations: [{ source: ARTICLE_SOURCE, excerpt: 'named in a test' }] } },
        bearer(keys.editor),
      );
      const { id } = (created.data as { upsertLeader: { id: string } }).upsertLeader;
      await call(
        'mutation ($input: LeaderInput!) { upsertLeader(input: $input, expectedVersion: 1) { id version } }',
        { input: { id, name: 'Least Privilege', aliases: ['LP'], country: 'IR' } },
        bearer(keys.editor),
      );
      await call('mutation ($id: ID!) { deleteLeader(id: $id, expectedVersion: 2) { id changed } }', { id }, bearer(keys.editor));
      await call(
        'mutation ($l: [String!]!) { syncRecords(lines: $l) { id status } }',
        { l: ['{"type":"country","id":"country:FR","code":"FR","name":"France"}'] },
        bearer(keys.editor),
      );
    });

    it('sends exactly GRAPHQL_TABLE_ACTIONS: none missing from the list, none listed but never sent', () => {
      expect(sorted(sent)).toEqual(sorted(GRAPHQL_TABLE_ACTIONS));
    });
  });

  describe('the sync function', () => {
    const sent = new Set<string>();

    beforeAll(async () => {
      const table = await createTestTable();
      const feed = readFileSync(ARTICLE_FEED, 'utf8');
      const changed = feed.replace('"name":"Russia"', '"name":"Russian Federation"');
      expect(changed).not.toBe(feed);
      let body = feed;
      const fetchFeed = (async () => new Response(body, { status: 200 })) as unknown as typeof fetch;
      const config = loadSyncConfig({
        TABLE_NAME: table.config.tableName,
        DYNAMODB_ENDPOINT: table.endpoint,
        FEEDS: 'https://feeds.example.org/article.ndjson',
      });
      // An editor's change landing between the sync's read of the versions and its write.
      let editBeforeWrite = false;
      const editRussia = async (operation: string) => {
        if (operation !== 'BatchGetItem' || !editBeforeWrite) return;
        editBeforeWrite = false;
        const line =
          '{"format":"geo-feed","version":1}\n{"type":"country","id":"country:RU","code":"RU","name":"Russia","aliases":["RF"]}\n';
        const lines = async function* () {
          yield Buffer.from(line);
        };
        const edit = await runSync(table.db, { name: 'editor', open: async () => lines() }, { actor: 'editor' });
        expect(edit, JSON.stringify(edit)).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
      };
      const db = recordingDb(table, sent, editRussia);
      const handler = createSyncHandler(config, () => undefined, { db, sources: { fetch: fetchFeed } });
      // A first run creates everything, a second finds it unchanged, a third changes one record
      // that an editor changes at the same time (the sync re-reads it and tries again).
      await handler({});
      await handler({});
      body = changed;
      editBeforeWrite = true;
      const third = await handler({});
      expect(editBeforeWrite).toBe(false);
      expect(third.runs[0]).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    });

    it('sends exactly SYNC_TABLE_ACTIONS: none missing from the list, none listed but never sent', () => {
      expect(sorted(sent)).toEqual(sorted(SYNC_TABLE_ACTIONS));
    });
  });

  it('knows every command the table gateway constructs, by its method', () => {
    const constructed = constructedCommands(readFileSync(GATEWAY, 'utf8')).map((className) => DOCUMENT_COMMANDS[className]);
    expect(sorted(constructed as string[])).toEqual(sorted(Object.values(GATEWAY_METHODS)));
  });

  describe.each([
    ['src/handlers/graphql.ts', GRAPHQL_TABLE_ACTIONS],
    ['src/handlers/sync.ts', SYNC_TABLE_ACTIONS],
  ] as const)('the code bundled from %s', (entry, actions) => {
    it('calls only gateway methods and commands of listed operations', () => {
      const files = importClosure(entry);
      expect(files).toContain(GATEWAY);
      const { operations, unknown } = operationsSent(files);
      expect(unknown).toEqual([]);
      expect(operations.size).toBeGreaterThan(0);
      for (const operation of operations) expect(actions, `${operation} is sent by code in ${entry}'s bundle`).toContain(operation);
    });
  });

  describe.each(['dev', 'prod'] as const)('the %s stack', (stage) => {
    it.each([
      ['graphqlFunction', GRAPHQL_TABLE_ACTIONS],
      ['syncFunction', SYNC_TABLE_ACTIONS],
    ] as const)("grants the %s's role exactly its listed table actions", (nameKey, actions) => {
      const { template, config } = synthStage(stage);
      const granted = functionStatements(template, config.names[nameKey])
        .flatMap(actionsOf)
        .filter((action) => action.startsWith('dynamodb:'));
      expect(sorted(granted)).toEqual(sorted(actions.map((action) => `dynamodb:${action}`)));
    });
  });
});
