import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadConfig } from '../config.js';
import { METRIC_NAMESPACE, METRIC_SERVICE } from '../metric-names.js';
import { STAGE_SETTINGS } from '../stages.js';
import { openTable } from '../store/db.js';
import { createGraphqlHandler } from './graphql-handler.js';
import { powertoolsObserver } from './observability.js';

const config = loadConfig();
const logger = new Logger({ serviceName: 'geo-gateway-graphql', persistentKeys: { stage: config.stage } });
const metrics = new Metrics({
  namespace: METRIC_NAMESPACE,
  serviceName: METRIC_SERVICE.graphql,
  defaultDimensions: { stage: config.stage },
});
// Where the stage asks for it, every DynamoDB call becomes an X-Ray subsegment of the
// invocation's trace. The tracer is imported only then: it is a chunk of its own, which a
// stage without tracing never reads (bench/README.md, "What changed for performance").
const instrument: ((client: DynamoDBClient) => DynamoDBClient) | undefined = STAGE_SETTINGS[config.stage].graphqlTraceDynamodb
  ? await import('@aws-lambda-powertools/tracer').then(({ Tracer }) => {
      const tracer = new Tracer({ serviceName: 'geo-gateway-graphql' });
      return (client: DynamoDBClient) => tracer.captureAWSv3Client(client);
    })
  : undefined;
const table = openTable(config, {
  ...(instrument ? { instrument } : {}),
  ...(config.awsCredentials ? { credentials: config.awsCredentials } : {}),
});
const lambdaHandler = createGraphqlHandler(config, (message, error) => logger.error(message, error as Error), table, {
  observe: powertoolsObserver(logger, metrics),
});

/**
 * The GraphQL function's entry point (`dist/graphql/index.mjs`): configuration is read once,
 * at start; each request is logged with the Lambda request id, measured in EMF metrics, and,
 * where the stage traces DynamoDB, traced in X-Ray down to its DynamoDB calls.
 */
export const handler: typeof lambdaHandler = async (event, context) => {
  logger.addContext(context);
  return lambdaHandler(event, context);
};
