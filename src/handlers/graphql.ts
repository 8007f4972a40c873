import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { loadConfig } from '../config.js';
import { createGraphqlHandler } from './graphql-handler.js';
import { powertoolsObserver } from './observability.js';

const config = loadConfig();
const logger = new Logger({ serviceName: 'geo-gateway-graphql', persistentKeys: { stage: config.stage } });
const metrics = new Metrics({ namespace: 'GeoGateway', serviceName: 'graphql', defaultDimensions: { stage: config.stage } });
const lambdaHandler = createGraphqlHandler(config, (message, error) => logger.error(message, error as Error), undefined, {
  observe: powertoolsObserver(logger, metrics),
});

/**
 * The GraphQL function's entry point (`dist/graphql/index.mjs`): configuration is read once,
 * at start; each request is logged with the Lambda request id and measured in EMF metrics.
 */
export const handler: typeof lambdaHandler = async (event, context) => {
  logger.addContext(context);
  return lambdaHandler(event, context);
};
