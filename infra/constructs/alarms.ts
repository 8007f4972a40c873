import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRIC_NAMESPACE, METRIC_SERVICE } from '../../src/metric-names.js';
import type { InfraConfig } from '../config.js';

export interface OperationsAlarmsProps {
  config: InfraConfig;
  graphqlFunction: lambda.IFunction;
  /** The HTTP API stage whose 5xx answers users see. */
  graphqlStage: apigw.IHttpStage;
  syncFunction: lambda.IFunction;
  deadLetterQueue: sqs.IQueue;
}

const PERIOD = Duration.minutes(5);

/**
 * The alarms that say the service is unwell, each on a metric that is really emitted: 5xx
 * answers as API Gateway counts them (the handler answers errors itself, so Lambda's own
 * Errors stays near zero), the handler's own count of requests failed on the server's side,
 * throttles and slowness (the p99 threshold sits below the timeout, so it fires before
 * requests start failing), a sync invocation that failed, a feed that could not be read, and
 * anything in the dead-letter queue. Quiet periods with no data are healthy, not missing.
 */
export class OperationsAlarms extends Construct {
  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    const { config, graphqlFunction, graphqlStage, syncFunction, deadLetterQueue } = props;
    const { alarms } = config.settings;
    const alarm = (name: string, description: string, options: Omit<cloudwatch.AlarmProps, 'alarmName' | 'alarmDescription'>) =>
      new cloudwatch.Alarm(this, name, {
        alarmName: `${config.names.alarmPrefix}${name}`,
        alarmDescription: description,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...options,
      });
    /** One of the functions' own metrics, with the dimensions Powertools gives it. */
    const own = (service: string, metricName: string) =>
      new cloudwatch.Metric({
        namespace: METRIC_NAMESPACE,
        metricName,
        dimensionsMap: { service, stage: config.stage },
        period: PERIOD,
        statistic: cloudwatch.Stats.SUM,
      });

    alarm('graphql-5xx', `The API answered ${alarms.graphqlErrorsPer5Minutes} or more requests with a 5xx status in 5 minutes`, {
      metric: graphqlStage.metricServerError({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
      threshold: alarms.graphqlErrorsPer5Minutes,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
    alarm(
      'graphql-server-errors',
      `${alarms.graphqlErrorsPer5Minutes} or more GraphQL requests failed on the server's side (INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE, TIMEOUT) in 5 minutes`,
      {
        metric: own(METRIC_SERVICE.graphql, METRIC.graphqlServerErrors),
        threshold: alarms.graphqlErrorsPer5Minutes,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      },
    );
    alarm('graphql-throttles', 'Lambda throttled the GraphQL function (its reserved concurrency is used up)', {
      metric: graphqlFunction.metricThrottles({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
    alarm('graphql-p99-duration', `The GraphQL function's p99 duration stayed above ${alarms.graphqlP99DurationMs} ms`, {
      metric: graphqlFunction.metricDuration({ period: PERIOD, statistic: cloudwatch.Stats.p(99) }),
      threshold: alarms.graphqlP99DurationMs,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      // Two slow periods out of three: one cold-start burst should not page anyone.
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
    alarm('sync-errors', 'A sync invocation failed (a feed could not be read, or the function crashed or timed out)', {
      metric: syncFunction.metricErrors({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
    alarm('sync-feed-failed', 'A feed could not be read to the end: see the sync run in syncRuns and the function log', {
      metric: own(METRIC_SERVICE.sync, METRIC.syncFailed),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
    alarm('sync-dlq-messages', 'A sync run could not be delivered or failed after its retries: see the dead-letter queue', {
      metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
  }
}
