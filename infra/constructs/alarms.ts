import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { InfraConfig } from '../config.js';

export interface OperationsAlarmsProps {
  config: InfraConfig;
  graphqlFunction: lambda.IFunction;
  syncFunction: lambda.IFunction;
  deadLetterQueue: sqs.IQueue;
}

const PERIOD = Duration.minutes(5);

/**
 * The alarms that say the service is unwell: GraphQL errors, throttles and slowness (the
 * p99 threshold sits below the timeout, so it fires before requests start failing), a
 * failed sync, and anything in the dead-letter queue. Quiet periods with no data are
 * healthy, not missing.
 */
export class OperationsAlarms extends Construct {
  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    const { config, graphqlFunction, syncFunction, deadLetterQueue } = props;
    const { alarms } = config.settings;
    const alarm = (name: string, description: string, options: Omit<cloudwatch.AlarmProps, 'alarmName' | 'alarmDescription'>) =>
      new cloudwatch.Alarm(this, name, {
        alarmName: `${config.names.alarmPrefix}${name}`,
        alarmDescription: description,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...options,
      });

    alarm('graphql-errors', `The GraphQL function failed ${alarms.graphqlErrorsPer5Minutes} times or more in 5 minutes`, {
      metric: graphqlFunction.metricErrors({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
      threshold: alarms.graphqlErrorsPer5Minutes,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
    alarm('graphql-throttles', 'Lambda throttled the GraphQL function (concurrency limit reached)', {
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
    alarm('sync-errors', 'The feed sync failed', {
      metric: syncFunction.metricErrors({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
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
