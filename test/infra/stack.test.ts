import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FEED_KEY, LOCALHOST_DEV_ORIGINS } from '../../infra/config.js';
import type { Stage } from '../../src/config.js';
import { STAGE_SETTINGS } from '../../src/stages.js';
import { GRAPHQL_TABLE_ACTIONS, SYNC_TABLE_ACTIONS } from '../../src/store/commands.js';
import { GLOBAL_SECONDARY_INDEXES, TABLE_KEYS } from '../../src/store/table.js';
import {
  actionsOf,
  functionStatements,
  identityStatements,
  logicalIdOf,
  REPO_ROOT,
  type Synthesized,
  synthStage,
  TEST_PROD_ORIGINS,
} from './synth.js';

const DATA_SERVICES = ['dynamodb:', 's3:', 'sqs:', 'lambda:'];

describe.each<Stage>(['dev', 'prod'])('%s stack', (stage) => {
  const settings = STAGE_SETTINGS[stage];
  let synth: Synthesized;
  let template: Template;
  const names = () => synth.config.names;
  const getAtt = (type: string, key: string, name: string, attribute = 'Arn') => ({
    'Fn::GetAtt': [logicalIdOf(template, type, key, name), attribute],
  });
  const tableRef = () => ({ Ref: logicalIdOf(template, 'AWS::DynamoDB::Table', 'TableName', names().table) });
  const tableArn = () => getAtt('AWS::DynamoDB::Table', 'TableName', names().table);
  const queueArn = () => getAtt('AWS::SQS::Queue', 'QueueName', names().syncDeadLetterQueue);
  const functionArn = (name: string) => getAtt('AWS::Lambda::Function', 'FunctionName', name);
  const bucketId = (prefix: string) => {
    const ids = Object.entries(template.findResources('AWS::S3::Bucket')).filter(([, bucket]) =>
      JSON.stringify(bucket.Properties.BucketName).includes(`"${prefix}-"`),
    );
    expect(ids).toHaveLength(1);
    return ids[0]?.[0] as string;
  };

  beforeAll(() => {
    synth = synthStage(stage);
    template = synth.template;
  });

  describe('table', () => {
    it('is built from the keys and indexes of src/store/table.ts', () => {
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        TableName: `geo-gateway-${stage}-knowledge`,
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey.name, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: TABLE_KEYS.partitionKey.name, AttributeType: TABLE_KEYS.partitionKey.type },
          { AttributeName: TABLE_KEYS.sortKey.name, AttributeType: TABLE_KEYS.sortKey.type },
        ]),
        GlobalSecondaryIndexes:
          GLOBAL_SECONDARY_INDEXES.length === 0
            ? Match.absent()
            : GLOBAL_SECONDARY_INDEXES.map((index) => Match.objectLike({ IndexName: index.indexName })),
      });
    });

    it('is on demand up to the stage ceiling, for the table and each index, so a flood is throttled rather than billed', () => {
      const ceiling = { MaxReadRequestUnits: settings.limits.tableMaxReadUnits, MaxWriteRequestUnits: settings.limits.tableMaxWriteUnits };
      template.hasResourceProperties('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST', OnDemandThroughput: ceiling });
      const table = Object.values(template.findResources('AWS::DynamoDB::Table'))[0];
      for (const index of table?.Properties.GlobalSecondaryIndexes ?? []) expect(index.OnDemandThroughput).toEqual(ceiling);
    });

    it('is on demand, with point-in-time recovery and AWS-managed encryption', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        ProvisionedThroughput: Match.absent(),
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      });
    });

    it(stage === 'prod' ? 'is kept and protected from deletion' : 'goes with the stack', () => {
      const retained = stage === 'prod';
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: retained ? 'Retain' : 'Delete',
        UpdateReplacePolicy: retained ? 'Retain' : 'Delete',
        Properties: Match.objectLike({ DeletionProtectionEnabled: retained }),
      });
    });
  });

  describe('functions', () => {
    it('run the GraphQL bundle on Node.js 22, arm64, traced, within the HTTP API limit', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: `geo-gateway-${stage}-graphql`,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: settings.graphqlMemoryMb,
        Timeout: settings.graphqlTimeoutSeconds,
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: {
            TABLE_NAME: tableRef(),
            STAGE: stage,
            NODE_OPTIONS: settings.graphqlSourceMaps ? '--enable-source-maps' : Match.absent(),
          },
        },
        ReservedConcurrentExecutions: settings.limits.graphqlConcurrency,
        LoggingConfig: {
          LogGroup: { Ref: logicalIdOf(template, 'AWS::Logs::LogGroup', 'LogGroupName', `/aws/lambda/geo-gateway-${stage}-graphql`) },
        },
      });
      const timeout =
        template.toJSON().Resources[logicalIdOf(template, 'AWS::Lambda::Function', 'FunctionName', names().graphqlFunction)].Properties
          .Timeout;
      expect(timeout).toBeLessThan(30);
    });

    it('run the sync bundle with 1024 MB, up to 15 minutes, reading FEEDS from the feed bucket', () => {
      const bucket = { Ref: bucketId(names().feedBucketPrefix) };
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: `geo-gateway-${stage}-sync`,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 1024,
        Timeout: 900,
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: {
            TABLE_NAME: tableRef(),
            STAGE: stage,
            NODE_OPTIONS: '--enable-source-maps',
            FEEDS: { 'Fn::Join': ['', ['s3://', bucket, `/${DEFAULT_FEED_KEY}`]] },
          },
        },
        ReservedConcurrentExecutions: Match.absent(),
        LoggingConfig: {
          LogGroup: { Ref: logicalIdOf(template, 'AWS::Logs::LogGroup', 'LogGroupName', `/aws/lambda/geo-gateway-${stage}-sync`) },
        },
      });
    });

    it('set only variables the code reads (and NODE_OPTIONS, which Node reads)', () => {
      const read = new Set<string>();
      const visit = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const file = path.join(dir, entry.name);
          if (entry.isDirectory() && entry.name !== 'dev') visit(file);
          else if (entry.name.endsWith('.ts')) {
            for (const [, name] of readFileSync(file, 'utf8').matchAll(/env\.([A-Z][A-Z0-9_]+)/g)) read.add(name as string);
          }
        }
      };
      visit(path.join(REPO_ROOT, 'src'));
      expect(read.has('TABLE_NAME')).toBe(true);
      for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
        for (const name of Object.keys(fn.Properties.Environment?.Variables ?? {})) {
          if (name !== 'NODE_OPTIONS') expect(read, `${fn.Properties.FunctionName} sets ${name}`).toContain(name);
        }
      }
    });

    it('reserve concurrency for the GraphQL function only, from the stage limits', () => {
      const reserved = Object.values(template.findResources('AWS::Lambda::Function')).map((fn) => [
        fn.Properties.FunctionName,
        fn.Properties.ReservedConcurrentExecutions,
      ]);
      expect(reserved.filter(([, value]) => value !== undefined)).toEqual([[names().graphqlFunction, settings.limits.graphqlConcurrency]]);
    });

    it('take FEEDS from -c feeds when given', () => {
      const feeds = 's3://elsewhere/feed.jsonl,https://example.org/sipri.csv';
      synthStage(stage, { feeds }).template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: `geo-gateway-${stage}-sync`,
        Environment: { Variables: Match.objectLike({ FEEDS: feeds }) },
      });
    });

    it('log to groups of their own, with the stage retention', () => {
      // Dev adds the group of the function that empties its buckets on destroy.
      template.resourceCountIs('AWS::Logs::LogGroup', stage === 'dev' ? 4 : 3);
      for (const name of [
        `/aws/lambda/geo-gateway-${stage}-graphql`,
        `/aws/lambda/geo-gateway-${stage}-sync`,
        `/aws/apigateway/geo-gateway-${stage}-api/access`,
      ]) {
        template.hasResource('AWS::Logs::LogGroup', {
          Properties: { LogGroupName: name, RetentionInDays: settings.logRetentionDays },
          DeletionPolicy: stage === 'prod' ? 'Retain' : 'Delete',
        });
      }
    });
  });

  describe('permissions', () => {
    it('grant no wildcard action and no data action on every resource', () => {
      const statements = identityStatements(template);
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        for (const action of actionsOf(statement)) {
          expect(action).not.toBe('*');
          expect(action).not.toMatch(/^[a-z0-9-]+:\*$/);
          if (DATA_SERVICES.some((service) => action.startsWith(service))) {
            expect(statement.Resource, `${action} on every resource`).not.toBe('*');
            expect([statement.Resource].flat(), `${action} on every resource`).not.toContain('*');
          }
        }
      }
    });

    it('let the GraphQL function send the table only the operations its code sends', () => {
      const statements = functionStatements(template, names().graphqlFunction);
      const dynamo = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
      for (const statement of dynamo) expect(statement.Resource).toEqual(tableArn());
      const granted = new Set(dynamo.flatMap(actionsOf));
      expect([...granted].sort()).toEqual(GRAPHQL_TABLE_ACTIONS.map((action) => `dynamodb:${action}`).sort());
      for (const never of ['dynamodb:Scan', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:GetRecords']) {
        expect(granted.has(never)).toBe(false);
      }
      for (const forbidden of [
        'dynamodb:DeleteTable',
        'dynamodb:UpdateTable',
        'dynamodb:CreateTable',
        'dynamodb:RestoreTableToPointInTime',
        'dynamodb:*',
      ]) {
        expect(granted.has(forbidden)).toBe(false);
      }
      const others = statements.flatMap(actionsOf).filter((action) => !action.startsWith('dynamodb:'));
      expect(others.sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    });

    it('let the sync read and write the table, read the feed bucket and fail into the queue', () => {
      const statements = functionStatements(template, names().syncFunction);
      const feedBucketArn = { 'Fn::GetAtt': [bucketId(names().feedBucketPrefix), 'Arn'] };
      const byResource = (resource: unknown) =>
        statements
          .filter((statement) => JSON.stringify(statement.Resource) === JSON.stringify(resource))
          .flatMap(actionsOf)
          .sort();
      expect(byResource(tableArn())).toEqual(SYNC_TABLE_ACTIONS.map((action) => `dynamodb:${action}`).sort());
      expect(byResource(tableArn())).not.toContain('dynamodb:DeleteTable');
      expect(byResource({ 'Fn::Join': ['', [feedBucketArn, `/${DEFAULT_FEED_KEY}`]] })).toEqual(['s3:GetObject']);
      expect(byResource(feedBucketArn)).toEqual(['s3:ListBucket']);
      expect(byResource(queueArn())).toContain('sqs:SendMessage');
      const s3Actions = statements.flatMap(actionsOf).filter((action) => action.startsWith('s3:'));
      expect(s3Actions.sort()).toEqual(['s3:GetObject', 's3:ListBucket']);
    });
  });

  describe('HTTP API', () => {
    it('routes POST and GET /graphql to the GraphQL function with payload format 2.0', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: `geo-gateway-${stage}-api`, ProtocolType: 'HTTP' });
      template.resourceCountIs('AWS::ApiGatewayV2::Route', 2);
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((route) => route.Properties.RouteKey);
      expect(routes.sort()).toEqual(['GET /graphql', 'POST /graphql']);
      template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: functionArn(names().graphqlFunction),
      });
    });

    it('answers CORS for the stage origins only', () => {
      const origins = new Capture();
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: {
          AllowOrigins: origins,
          AllowMethods: Match.arrayEquals(['GET', 'POST', 'OPTIONS']),
          AllowHeaders: settings.corsAllowHeaders,
          AllowCredentials: false,
          MaxAge: settings.corsMaxAgeSeconds,
        },
      });
      const allowed = origins.asArray() as string[];
      expect(allowed).not.toContain('*');
      for (const origin of allowed) expect(origin).toMatch(/^https?:\/\/[^*]+$/);
      expect(allowed).toEqual(expect.arrayContaining(settings.corsOrigins));
      if (stage === 'prod') {
        // The stage's own origins and those given at deploy time, nothing else.
        expect(allowed).toEqual([...settings.corsOrigins, TEST_PROD_ORIGINS]);
        expect(allowed.filter((origin) => /localhost|127\.0\.0\.1/.test(origin))).toEqual([]);
      } else {
        expect(allowed).toEqual(expect.arrayContaining([...LOCALHOST_DEV_ORIGINS, 'http://localhost:4000']));
      }
    });

    it('throttles the default stage and logs every request', () => {
      template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: settings.throttle.rateLimit, ThrottlingBurstLimit: settings.throttle.burstLimit },
        AccessLogSettings: {
          DestinationArn: getAtt('AWS::Logs::LogGroup', 'LogGroupName', `/aws/apigateway/geo-gateway-${stage}-api/access`),
          Format: Match.stringLikeRegexp('\\$context\\.requestId'),
        },
      });
    });

    it('outputs GraphqlUrl', () => {
      const apiId = logicalIdOf(template, 'AWS::ApiGatewayV2::Api', 'Name', names().api);
      template.hasOutput('GraphqlUrl', { Value: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }, '/graphql']] } });
    });
  });

  describe('sync', () => {
    it(`runs on a schedule every ${settings.syncEveryMinutes} minutes, failing into the dead-letter queue`, () => {
      template.resourceCountIs('AWS::Scheduler::Schedule', 1);
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: `geo-gateway-${stage}-sync`,
        ScheduleExpression: `rate(${settings.syncEveryMinutes} minutes)`,
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: functionArn(names().syncFunction),
          RoleArn: Match.anyValue(),
          DeadLetterConfig: { Arn: queueArn() },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        },
      });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalIdOf(template, 'AWS::Lambda::Function', 'FunctionName', names().syncFunction) },
        MaximumRetryAttempts: 1,
        DestinationConfig: { OnFailure: { Destination: queueArn() } },
      });
    });

    it('keeps the dead-letter queue encrypted and TLS-only', () => {
      template.resourceCountIs('AWS::SQS::Queue', 1);
      template.hasResourceProperties('AWS::SQS::Queue', { QueueName: `geo-gateway-${stage}-sync-dlq`, SqsManagedSseEnabled: true });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Resource: queueArn() }),
          ]),
        },
      });
    });

    it('keeps the buckets private, encrypted, TLS-only, and logs access to the feed bucket', () => {
      const feedBucket = bucketId(names().feedBucketPrefix);
      const logBucket = bucketId(names().accessLogBucketPrefix);
      template.resourceCountIs('AWS::S3::Bucket', 2);
      for (const id of [feedBucket, logBucket]) {
        const bucket = template.toJSON().Resources[id];
        expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
        expect(bucket.Properties.BucketEncryption).toEqual({
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        });
        expect(bucket.Properties.AccessControl).toBeUndefined();
        expect(bucket.DeletionPolicy).toBe(stage === 'prod' ? 'Retain' : 'Delete');
        template.hasResourceProperties('AWS::S3::BucketPolicy', {
          Bucket: { Ref: id },
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
      }
      template.hasResourceProperties('AWS::S3::Bucket', {
        BucketName: { 'Fn::Join': ['', [`geo-gateway-${stage}-feeds-`, { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]] },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: logBucket }, LogFilePrefix: 'feed-bucket/' },
      });
      // Emptied on destroy in dev only; prod's buckets outlive the stack with their contents.
      template.resourceCountIs('Custom::S3AutoDeleteObjects', stage === 'prod' ? 0 : 2);
    });
  });
});

describe('dev and prod in one account', () => {
  /** Every explicit physical name in a template, with the account and region parts dropped. */
  function physicalNames(template: Template): string[] {
    const keys = ['TableName', 'FunctionName', 'Name', 'QueueName', 'LogGroupName', 'AlarmName', 'BucketName'];
    return Object.values(template.toJSON().Resources as Record<string, { Properties?: Record<string, unknown> }>).flatMap((resource) =>
      keys.flatMap((key) => {
        const value = resource.Properties?.[key];
        if (typeof value === 'string') return [value];
        const joined = (value as { 'Fn::Join'?: [string, unknown[]] } | undefined)?.['Fn::Join'];
        // A name made from another resource's generated name (which CloudFormation prefixes
        // with the stack name) is as distinct as that resource.
        const derived = joined?.[1].some(
          (part) => typeof (part as { Ref?: unknown }).Ref === 'string' && !/^AWS::/.test((part as { Ref: string }).Ref),
        );
        return joined && !derived ? [joined[1].filter((part) => typeof part === 'string').join('')] : [];
      }),
    );
  }

  it('name every resource after its stage, so the two never collide', () => {
    const dev = physicalNames(synthStage('dev').template);
    const prod = physicalNames(synthStage('prod').template);
    expect(dev.length).toBeGreaterThanOrEqual(15);
    for (const name of dev) expect(name).toMatch(/geo-gateway-dev-/);
    for (const name of prod) expect(name).toMatch(/geo-gateway-prod-/);
    expect(dev.filter((name) => prod.includes(name))).toEqual([]);
  });
});
