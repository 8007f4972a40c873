import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.js';

/**
 * Makes every mutation's answer `Cache-Control: no-store`. Schema hints are per type, so a
 * mutation returning a `Leader` would otherwise inherit the leader's maxAge; restricting the
 * policy before execution holds for every mutation, present and future.
 */
export function uncachedMutationsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, overallCachePolicy }) {
          if (operation?.operation === 'mutation') overallCachePolicy.restrict({ maxAge: 0 });
        },
      };
    },
  };
}
