import type { ApolloServerPlugin } from '@apollo/server';
import type { DbStats } from '../store/db.js';
import type { Context } from './context.js';

/** What one GraphQL request did, for logs and metrics. */
export interface RequestReport {
  operationName: string;
  operationType: string;
  durationMs: number;
  /** `extensions.code` of each error, in order. */
  errorCodes: string[];
  dynamodb: DbStats;
}

/** Where request reports go: Powertools on Lambda, a short line locally. */
export type RequestObserver = (report: RequestReport) => void;

/**
 * Reports every request once its response is ready: operation, duration, error codes and
 * the DynamoDB calls it made, so operators see the cost of each operation.
 */
export function observabilityPlugin(observe: RequestObserver): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, response, contextValue, errors }) {
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = (single?.errors ?? errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          observe({
            operationName: operationName ?? 'anonymous',
            operationType: operation?.operation ?? 'unknown',
            durationMs: performance.now() - started,
            errorCodes: codes,
            dynamodb: contextValue.db.stats,
          });
        },
      };
    },
  };
}
