/**
 * The GraphQL function's entry as it was before the cold-start work of bench/README.md
 * ("What changed for performance", 6–8): the Powertools Tracer imported and wrapping the
 * client on every stage, and the SDK finding credentials through its provider chain. The
 * bench starts it with `--enable-source-maps`, as the stack then did, beside the current
 * entry, so the change is measured in the same run. Everything below the entry is today's code.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { loadConfig } from '../../src/config.js';
import { createGraphqlHandler } from '../../src/handlers/graphql-handler.js';
import { powertoolsObserver } from '../../src/handlers/observability.js';
import { openTable } from '../../src/store/db.js';

const config = loadConfig();
const logger = new Logger({ serviceName: 'geo-gateway-graphql', persistentKeys: { stage: config.stage } });
const metrics = new Metrics({ namespace: 'GeoGateway', serviceName: 'graphql', defaultDimensions: { stage: config.stage } });
const tracer = new Tracer({ serviceName: 'geo-gateway-graphql' });
// `credentials: undefined` undoes the static ones the factory sets for a local endpoint, so
// the SDK walks its provider chain as it does on Lambda, where there is no endpoint.
const table = openTable(config, { instrument: (c) => tracer.captureAWSv3Client(c), extra: { credentials: undefined } });
const lambdaHandler = createGraphqlHandler(config, (message, error) => logger.error(message, error as Error), table, {
  observe: powertoolsObserver(logger, metrics),
});

export const handler: typeof lambdaHandler = async (event, context) => {
  logger.addContext(context);
  return lambdaHandler(event, context);
};
