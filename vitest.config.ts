import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node loads `graphql` for Apollo Server (left to Node, not transformed) from its CommonJS
  // entry, while Vite would give the project's modules the ES one: two copies, and a schema
  // built in src/graphql/schema.ts would be "from another module or realm" to Apollo. The
  // bundle and tsx have one copy either way.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
