import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import type { Config } from '../config.js';
import type { Context } from './context.js';
import { createFormatError, type ErrorLog } from './errors.js';
import { accountingPlugin } from './plugins.js';
import { resolvers } from './resolvers/index.js';
import { typeDefs } from './schema.generated.js';

/** Most tokens a document may have; longer ones are refused before they are parsed further. */
export const MAX_TOKENS = 5_000;

/**
 * The Apollo Server, configured from the stage explicitly (Lambda sets no NODE_ENV):
 * no stack traces anywhere; in prod no introspection (unless configured on), no field
 * suggestions, no DynamoDB accounting in responses, and the production landing page.
 */
export function createApolloServer(config: Pick<Config, 'stage' | 'introspection'>, log: ErrorLog): ApolloServer<Context> {
  const prod = config.stage === 'prod';
  return new ApolloServer<Context>({
    typeDefs,
    resolvers,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: prod,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    formatError: createFormatError(log),
    plugins: [
      accountingPlugin(!prod),
      prod ? ApolloServerPluginLandingPageProductionDefault({ footer: false }) : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
    ],
  });
}
