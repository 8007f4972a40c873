import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, GraphQLError, Kind } from 'graphql';
import { budgetFor } from './budgets.js';
import type { Context } from './context.js';
import { estimateCalls } from './cost.js';

/**
 * Keeps every request within its budget (src/graphql/budgets.ts). Once the operation and its
 * variables are known, it estimates the DynamoDB calls (src/graphql/cost.ts) and refuses an
 * operation estimated over the caller's budget with HTTP 400, GRAPHQL_VALIDATION_FAILED and
 * `extensions.cost`, before anything is read. A request that runs out of budget while it
 * executes (the estimate is not a bound: lists may be longer than assumed) is stopped where its
 * reads are sent (`RequestBudget`); its answer is then `data: null` and one BUDGET_EXCEEDED
 * error with the budget and what was used, as the fields read so far may be incomplete without
 * saying so. A mutation is estimated, but its reads are not stopped half-way: a change must not
 * be left half made. With `report` (outside prod), `extensions.cost` shows the estimate and the
 * limits beside `extensions.dynamodb`.
 */
export function costPlugin(report: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let estimate: number | undefined;
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          estimate = estimateCalls(schema, operation, fragments, request.variables);
          const limit = budgetFor(contextValue.caller).calls;
          if (estimate > limit) {
            throw new GraphQLError(
              `The operation may make about ${estimate} DynamoDB calls, more than the ${limit} a request may make: ask for smaller pages or fewer nested lists.`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: { estimate, limit }, http: { status: 400 } } },
            );
          }
          if (operation.operation === 'mutation') contextValue.db.budget?.lift();
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const exceeded = contextValue.db.budget?.exceeded;
          if (exceeded) {
            result.data = null;
            result.errors = [{ message: exceeded.message, extensions: exceeded.extensions }];
          }
          if (report && estimate !== undefined) {
            const { calls, readUnits } = budgetFor(contextValue.caller);
            result.extensions = { ...result.extensions, cost: { estimate, limit: calls, readUnitLimit: readUnits } };
          }
        },
      };
    },
  };
}
