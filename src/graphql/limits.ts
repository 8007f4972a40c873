import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';

/**
 * How large an operation may be. Each limit is checked before anything is read; an operation
 * over one is refused with HTTP 400 and `extensions.code` GRAPHQL_VALIDATION_FAILED (or
 * GRAPHQL_PARSE_FAILED for tokens). The values leave room for every query the API is meant
 * for (see test/security/legitimate-queries.ts) and are documented in docs/security.md.
 */
export const QUERY_LIMITS = {
  /** Tokens of the document, enforced by the parser (`parseOptions.maxTokens`). Armor's default is 1,000; Apollo Router's 15,000. */
  tokens: 5_000,
  /** Nested field levels, leaves included; fragments add none. Armor's default is 6: one connection costs two levels here. */
  depth: 10,
  /** Aliased fields, `__typename` included (armor lets its aliases through by default). Armor's default. */
  aliases: 15,
  /** Directives (`@include`, `@skip`). Armor's default is 50. */
  directives: 20,
  /** Validation errors reported before validation stops: a document of many unknown or repeated directives or fields gets a short answer. graphql-js' default is 100. */
  validationErrors: 5,
} as const;

/**
 * graphql-armor's depth, alias and directive limits as validation rules; the cost of an
 * operation is estimated once its variables are known (`cost-plugin.ts`). Rejections are
 * reported to the validation context rather than thrown (armor's Apollo default), so Apollo
 * answers 400 instead of 500. Armor's own token limit stays off: its Apollo plugin throws from
 * `unexpectedErrorProcessingRequest` and turns every parse error into a 500; the parser's
 * `maxTokens` does the same job. Field suggestions are hidden by the server's own settings.
 */
export function queryLimitRules(): ValidationRule[] {
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: QUERY_LIMITS.depth, flattenFragments: true },
    costLimit: { enabled: false },
    maxAliases: { n: QUERY_LIMITS.aliases, allowList: [] },
    maxDirectives: { n: QUERY_LIMITS.directives },
  });
  return armor.protect().validationRules;
}
