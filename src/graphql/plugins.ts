import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.js';

/**
 * Adds the request's DynamoDB accounting to the response outside production:
 * `extensions.dynamodb = { calls, operations: { Query: n, ... }, consumedCapacity }`.
 */
export function accountingPlugin(enabled: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!enabled || response.body.kind !== 'single') return;
          const { calls, operations, consumedCapacity } = contextValue.db.stats;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            dynamodb: { calls, operations: { ...operations }, consumedCapacity },
          };
        },
      };
    },
  };
}
