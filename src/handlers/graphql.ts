import { loadConfig } from '../config.js';
import { createGraphqlHandler } from './graphql-handler.js';

/** The GraphQL function's entry point (`dist/graphql/index.mjs`): configuration is read once, at start. */
export const handler = createGraphqlHandler(loadConfig(), (message, error) => {
  console.error(JSON.stringify({ level: 'ERROR', message, error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack, cause: String((error as Error).cause ?? '') } : String(error) }));
});
