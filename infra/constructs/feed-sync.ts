import { Aws, type CfnElement, CfnResource, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SYNC_TABLE_ACTIONS } from '../../src/store/commands.js';
import { DEFAULT_FEED_KEY, type InfraConfig, s3Objects } from '../config.js';
import { ignoreRedundantRoleDependency, NodeFunction } from './node-function.js';

export interface FeedSyncProps {
  config: InfraConfig;
  table: dynamodb.ITable;
}

/**
 * The scheduled sync: a bucket for feed files, the function that reads the feeds into the
 * table, an EventBridge Scheduler schedule that starts it, and one dead-letter queue for
 * every run that could not be delivered or failed after its retries.
 */
export class FeedSync extends Construct {
  readonly function: lambda.Function;
  readonly feedBucket: s3.Bucket;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: FeedSyncProps) {
    super(scope, id);
    const { config, table } = props;
    const retain = config.removalPolicy === RemovalPolicy.RETAIN;
    // Bucket names are global across accounts: the account and region make them unique.
    const bucketName = (prefix: string) => `${prefix}-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
    // In dev the buckets are emptied and deleted with the stack, so a destroy leaves nothing
    // behind and a later deploy can reuse the names.
    const bucketLifetime = { removalPolicy: config.removalPolicy, autoDeleteObjects: !retain };

    const accessLogBucket = new s3.Bucket(this, 'AccessLogBucket', {
      bucketName: bucketName(config.names.accessLogBucketPrefix),
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // S3 server access logging can only deliver to a bucket with S3-managed keys.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(config.settings.logRetentionDays) }],
      ...bucketLifetime,
    });

    this.feedBucket = new s3.Bucket(this, 'FeedBucket', {
      bucketName: bucketName(config.names.feedBucketPrefix),
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // A bad upload can be rolled back to the previous feed; old versions expire.
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: accessLogBucket,
      serverAccessLogsPrefix: 'feed-bucket/',
      ...bucketLifetime,
    });

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      queueName: config.names.syncDeadLetterQueue,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself the dead-letter queue of the sync schedule and of the sync function's asynchronous invocations.",
    });

    const feeds = config.sync.feeds ?? [`s3://${this.feedBucket.bucketName}/${DEFAULT_FEED_KEY}`];
    this.function = new NodeFunction(this, 'Sync', {
      functionName: config.names.syncFunction,
      description: 'Reads the feeds into the knowledge base',
      bundle: 'sync',
      memoryMb: config.sync.memoryMb,
      timeout: config.sync.timeout,
      environment: { TABLE_NAME: table.tableName, STAGE: config.stage, FEEDS: feeds.join(',') },
      logRetention: config.logRetention,
      removalPolicy: config.removalPolicy,
    }).function;
    // The scheduler invokes asynchronously, so a run that throws is retried by Lambda, not
    // by the scheduler; once that retry fails too, the event lands in the same queue.
    this.function.configureAsyncInvoke({
      retryAttempts: 1,
      maxEventAge: Duration.hours(1),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });
    // Exactly the operations the code sends (src/store/commands.ts), on the table and its indexes.
    table.grant(this.function, ...SYNC_TABLE_ACTIONS.map((action) => `dynamodb:${action}`));
    // Each configured feed object, and nothing else: the permission follows FEEDS.
    const objects = config.sync.feeds
      ? s3Objects(config.sync.feeds).map(({ bucket, key }) => ({ bucketArn: `arn:${Aws.PARTITION}:s3:::${bucket}`, key }))
      : [{ bucketArn: this.feedBucket.bucketArn, key: DEFAULT_FEED_KEY }];
    if (objects.length > 0) {
      this.function.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: objects.map(({ bucketArn, key }) => `${bucketArn}/${key}`) }),
      );
      // Listing lets a missing feed answer NoSuchKey (404) instead of AccessDenied (403): the
      // sync tells "not uploaded yet" (nothing to sync) from "cannot be read" (a failure).
      this.function.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [...new Set(objects.map(({ bucketArn }) => bucketArn))] }),
      );
    }

    const stack = Stack.of(this);
    const scheduleRole = new iam.Role(this, 'ScheduleRole', {
      description: `Lets EventBridge Scheduler start ${config.names.syncFunction}`,
      // Only this account's default schedule group may use the role (no confused deputy).
      // Scheduler assumes the role with the schedule *group* as source ARN: its guide warns
      // that a condition naming the schedule itself can never match.
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': Aws.ACCOUNT_ID,
            'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
    });
    new scheduler.Schedule(this, 'Schedule', {
      scheduleName: config.names.syncSchedule,
      description: `Runs ${config.names.syncFunction}`,
      schedule: scheduler.ScheduleExpression.expression(config.sync.scheduleExpression),
      target: new LambdaInvoke(this.function, {
        role: scheduleRole,
        deadLetterQueue: this.deadLetterQueue,
        // Delivery retries (throttling, a function being updated): a run older than an hour
        // is dropped to the queue, the next scheduled one will do its work.
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
      }),
    });

    if (!retain) this.keepAutoDeleteLogsInStack(config);

    // cdk-nag 3 acknowledges a wildcard finding by its exact id, which names the resource by
    // logical id: derive it rather than copy a hash that changes when a construct moves.
    const logicalId = (construct: Construct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
    Validations.of(scheduleRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId(this.function)}.Arn>:*]`,
      reason:
        'The scheduler target grants lambda:InvokeFunction on the sync function and its versions/aliases (<arn>:*); the function is the only one it can invoke.',
    });
  }

  /**
   * The bucket-emptying custom resource's function writes to a log group Lambda would create
   * on its first call, outside the stack, and leave behind on destroy. The stack creates that
   * group itself (named after the function) and deletes it once the custom resources, which
   * depend on it, are gone.
   */
  private keepAutoDeleteLogsInStack(config: InfraConfig): void {
    const stack = Stack.of(this);
    const provider = stack.node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider');
    const handler = provider?.node.tryFindChild('Handler');
    if (!(handler instanceof CfnResource)) throw new Error('the S3 auto-delete provider was not found: has aws-cdk-lib renamed it?');
    ignoreRedundantRoleDependency(handler);
    const logGroup = new logs.LogGroup(this, 'AutoDeleteLogs', {
      logGroupName: Fn.join('', ['/aws/lambda/', handler.ref]),
      retention: config.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    for (const bucket of this.node.findAll()) {
      const custom = bucket.node.tryFindChild('AutoDeleteObjectsCustomResource');
      if (custom) custom.node.addDependency(logGroup);
    }
  }
}
