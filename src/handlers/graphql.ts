import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { loadConfig } from '../config.js';
import { openTable } from '../store/db.js';
import { createGraphqlHandler } from './graphql-handler.js';
import { powertoolsObserver } from './observability.js';

const config = loadConfig();
const logger = new Logger({ serviceName: 'geo-gateway-graphql', persistentKeys: { stage: config.stage } });
const metrics = new Metrics({ namespace: 'GeoGateway', serviceName: 'graphql', defaultDimensions: { stage: config.stage } });
const tracer = new Tracer({ serviceName: 'geo-gateway-graphql' });
// Every DynamoDB call becomes an X-Ray subsegment of the invocation's trace.
const table = openTable(config, { instrument: (c) => tracer.captureAWSv3Client(c) });
const lambdaHandler = createGraphqlHandler(config, (message, error) => logger.error(message, error as Error), table, {
  observe: powertoolsObserver(logger, metrics),
});

/**
 * The GraphQL function's entry point (`dist/graphql/index.mjs`): configuration is read once,
 * at start; each request is logged with the Lambda request id, measured in EMF metrics, and
 * traced in X-Ray down to its DynamoDB calls.
 */
export const handler: typeof lambdaHandler = async (event, context) => {
  logger.addContext(context);
  return lambdaHandler(event, context);
};
