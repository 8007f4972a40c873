import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { RequestObserver } from '../graphql/observability.js';
import { METRIC, operationDimension, SERVER_ERROR_CODES } from '../metric-names.js';

/**
 * Request reports on Lambda: one structured log line (with the request id Powertools adds
 * from the Lambda context) and EMF metrics — latency, errors (all, and those on the
 * server's side), and DynamoDB calls per operation — flushed at the end of each request.
 * The log line keeps the caller's operation name; the metric dimension is bounded.
 */
export function powertoolsObserver(logger: Logger, metrics: Metrics): RequestObserver {
  return (report) => {
    logger.info('graphql request', {
      operationName: report.operationName,
      operationType: report.operationType,
      durationMs: Math.round(report.durationMs * 10) / 10,
      errorCodes: report.errorCodes,
      dynamodbCalls: report.dynamodb.calls,
      dynamodbOperations: report.dynamodb.operations,
      consumedCapacity: report.dynamodb.consumedCapacity,
    });
    metrics.addMetric('Latency', MetricUnit.Milliseconds, report.durationMs);
    metrics.addMetric('Errors', MetricUnit.Count, report.errorCodes.length > 0 ? 1 : 0);
    metrics.addMetric(METRIC.graphqlServerErrors, MetricUnit.Count, report.errorCodes.some((code) => SERVER_ERROR_CODES.has(code)) ? 1 : 0);
    metrics.addMetric('DynamoDBCalls', MetricUnit.Count, report.dynamodb.calls);
    metrics.addMetric('ConsumedCapacity', MetricUnit.Count, report.dynamodb.consumedCapacity);
    const perOperation = metrics.singleMetric();
    perOperation.addDimension('operation', operationDimension(report.operationName));
    perOperation.addMetric('DynamoDBCallsPerOperation', MetricUnit.Count, report.dynamodb.calls);
    metrics.publishStoredMetrics();
  };
}
