import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { Config } from '../config.js';
import { uncachedMutationsPlugin } from './cache-policy.js';
import type { Context } from './context.js';
import { costPlugin } from './cost-plugin.js';
import { createFormatError, type ErrorLog } from './errors.js';
import { QUERY_LIMITS, queryLimitRules } from './limits.js';
import { missingReferencesPlugin } from './missing-references.js';
import { accountingPlugin } from './plugins.js';
import { createSchema } from './schema.js';
import { hideSuggestionsPlugin } from './suggestions.js';

/** Most tokens a document may have; longer ones are refused before they are parsed further. */
export const MAX_TOKENS = QUERY_LIMITS.tokens;

/**
 * The Apollo Server, configured from the stage explicitly (Lambda sets no NODE_ENV):
 * no stack traces anywhere; the query limits of `limits.ts` and the cost model and budget of `cost-plugin.ts`; in prod no
 * introspection (unless configured on), no schema suggestions in any error, no DynamoDB
 * accounting or cost in responses, and the production landing page instead of the Sandbox.
 */
export function createApolloServer(config: Pick<Config, 'stage' | 'introspection'>, log: ErrorLog): ApolloServer<Context> {
  const prod = config.stage === 'prod';
  return new ApolloServer<Context>({
    schema: createSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: prod,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: queryLimitRules(),
    validationOptions: { maxErrors: QUERY_LIMITS.validationErrors },
    formatError: createFormatError(log),
    plugins: [
      costPlugin(!prod),
      ...(prod ? [hideSuggestionsPlugin()] : []),
      accountingPlugin(!prod),
      missingReferencesPlugin(),
      uncachedMutationsPlugin(),
      prod
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      // Apollo otherwise loads its inline tracing (and protobuf) at start, only to leave it off
      // for a schema that is not a federated subgraph: 130 KiB read on every cold start.
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
}
