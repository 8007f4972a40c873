import { defineConfig } from 'vitest/config';
import { javaFound } from './test/support/java.js';

// The global setups run in this process: its SDK clients should not warn about Node 20 either.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The tests that read and write a table: run on dynalite, and again on AWS's DynamoDB Local. */
const ENGINE_TESTS = ['test/store/**/*.test.ts', 'test/sync/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/security/**/*.test.ts'];

/**
 * DynamoDB Local needs Java. Where there is none the second run is left out and says why; in CI
 * (`CI` set) that is an error, so a run never passes without it.
 */
function dynamoDbLocalProject() {
  // Vitest reads this file more than once: Java is looked for, and a skip said, once a run
  // (the answer kept in the environment: empty when found, else why not).
  const first = process.env.DYNAMODB_LOCAL_JAVA === undefined;
  if (first) {
    const java = javaFound();
    process.env.DYNAMODB_LOCAL_JAVA = java.ok ? '' : java.reason;
  }
  const missing = process.env.DYNAMODB_LOCAL_JAVA;
  if (missing) {
    if (process.env.CI) throw new Error(`the DynamoDB Local tests cannot run in CI: ${missing}`);
    if (first) process.stderr.write(`DynamoDB Local tests SKIPPED: ${missing}\n`);
    return [];
  }
  return [
    {
      extends: true as const,
      test: { name: 'dynamodb-local', include: ENGINE_TESTS, globalSetup: ['test/support/global-setup-dynamodb-local.ts'] },
    },
  ];
}

export default defineConfig({
  // Node loads `graphql` for Apollo Server (left to Node, not transformed) from its CommonJS
  // entry, while Vite would give the project's modules the ES one: two copies, and a schema
  // built in src/graphql/schema.ts would be "from another module or realm" to Apollo. The
  // bundle and tsx have one copy either way.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'dynalite', include: ['test/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] } },
      ...dynamoDbLocalProject(),
    ],
  },
});
