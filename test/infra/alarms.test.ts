import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KNOWN_OPERATIONS } from '../../src/metric-names.js';
import { v2Event } from '../support/events.js';
import { createTestTable } from '../support/table.js';
import { logicalIdOf, REPO_ROOT, type Synthesized, synthStage } from './synth.js';

/** One metric as an EMF line declares it: where it goes and the dimension values it carries. */
interface EmittedMetric {
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
  value: unknown;
}

/** The metrics in the embedded-metric-format lines a function wrote to stdout. */
function emittedMetrics(lines: string[]): EmittedMetric[] {
  return lines.flatMap((line) => {
    if (!line.includes('"_aws"')) return [];
    const emf = JSON.parse(line) as Record<string, unknown> & {
      _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
    };
    return emf._aws.CloudWatchMetrics.flatMap(({ Namespace, Dimensions, Metrics }) =>
      Dimensions.flatMap((set) =>
        Metrics.map(({ Name }) => ({
          namespace: Namespace,
          name: Name,
          dimensions: Object.fromEntries(set.map((key) => [key, String(emf[key])])),
          value: emf[Name],
        })),
      ),
    );
  });
}

/** Runs `act` with stdout captured line by line (Powertools writes EMF there) and stderr silenced. */
async function captureStdout(act: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await act();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines;
}

const lambdaContext = {
  awsRequestId: 'alarms-test',
  functionName: 'geo-gateway-dev-graphql',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

/** The operation names the frontend examples define: the set the metric dimension keeps. */
function exampleOperationNames(): string[] {
  const dir = path.join(REPO_ROOT, 'examples');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) =>
      [...readFileSync(path.join(dir, file), 'utf8').matchAll(/^(?:query|mutation)\s+(\w+)/gm)].map((m) => m[1] as string),
    );
}

describe('Alarms watch the metrics the code really emits', () => {
  let graphqlMetrics: EmittedMetric[];
  let syncMetrics: EmittedMetric[];
  let dev: Synthesized;

  beforeAll(async () => {
    dev = synthStage('dev');
    const table = await createTestTable();
    // The real entry points, as Lambda loads them, configured from the environment.
    vi.stubEnv('STAGE', 'dev');
    vi.stubEnv('TABLE_NAME', table.config.tableName);
    vi.stubEnv('AWS_REGION', 'us-east-1');
    // A port nothing listens on: every DynamoDB call fails, as when DynamoDB is down.
    vi.stubEnv('DYNAMODB_ENDPOINT', 'http://127.0.0.1:9');
    vi.stubEnv('FEEDS', '');
    const { handler: graphql } = await import('../../src/handlers/graphql.js');
    const known = [...KNOWN_OPERATIONS][0] as string;
    graphqlMetrics = emittedMetrics(
      await captureStdout(async () => {
        const ask = (body: Record<string, unknown>) =>
          graphql(v2Event({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }), lambdaContext);
        // Answered SERVICE_UNAVAILABLE: a failure on the server's side.
        const down = await ask({ query: '{ leader(id: "leader:vladimir-putin") { name } }' });
        expect(JSON.parse(down.body ?? '{}').errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        // Valid operations under invented names, a known name and no name.
        for (let i = 0; i < 5; i++) await ask({ query: `query Invented${i}x${Date.now()} { __typename }` });
        await ask({ query: `query ${known} { __typename }` });
        await ask({ query: '{ __typename }' });
      }),
    );
    // The sync reads its configuration when loaded: this time the table is there.
    vi.stubEnv('DYNAMODB_ENDPOINT', table.endpoint);
    const { handler: sync } = await import('../../src/handlers/sync.js');
    syncMetrics = emittedMetrics(
      await captureStdout(async () => {
        // A feed that cannot be read (nothing listens there): the run fails, and so does the invocation.
        const syncContext = { ...lambdaContext, functionName: 'geo-gateway-dev-sync', getRemainingTimeInMillis: () => 60_000 };
        await expect(sync({ feeds: ['https://127.0.0.1:9/feed.jsonl'] }, syncContext)).rejects.toThrow(/could not read/);
      }),
    );
  }, 120_000);

  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('has exactly the alarms the stack documents', () => {
    const names = Object.values(dev.template.findResources('AWS::CloudWatch::Alarm'))
      .map((alarm) => alarm.Properties.AlarmName)
      .sort();
    expect(names).toEqual(
      [
        'graphql-5xx',
        'graphql-server-errors',
        'graphql-throttles',
        'graphql-p99-duration',
        'sync-errors',
        'sync-feed-failed',
        'sync-dlq-messages',
      ]
        .map((name) => `geo-gateway-dev-${name}`)
        .sort(),
    );
  });

  it.each([
    ['graphql-server-errors', 'ServerErrors', () => graphqlMetrics],
    ['sync-feed-failed', 'SyncFailed', () => syncMetrics],
  ])('%s watches %s with the namespace and dimensions the handler emits, which a failure sets to 1', (alarm, metric, emitted) => {
    const properties = Object.values(dev.template.findResources('AWS::CloudWatch::Alarm')).find(
      (resource) => resource.Properties.AlarmName === `geo-gateway-dev-${alarm}`,
    )?.Properties;
    const watched = {
      namespace: properties.Namespace,
      name: properties.MetricName,
      dimensions: Object.fromEntries((properties.Dimensions as { Name: string; Value: string }[]).map((d) => [d.Name, d.Value])),
    };
    const matching = emitted().filter(
      (m) =>
        m.namespace === watched.namespace && m.name === watched.name && JSON.stringify(m.dimensions) === JSON.stringify(watched.dimensions),
    );
    expect(watched.name).toBe(metric);
    expect(matching.length, JSON.stringify(emitted().filter((m) => m.name === metric))).toBeGreaterThan(0);
    expect(matching.map((m) => m.value)).toContain(1);
    expect(properties).toMatchObject({ Statistic: 'Sum', Period: 300, TreatMissingData: 'notBreaching' });
  });

  it('counts the 5xx answers of the API stage the GraphQL route is deployed to', () => {
    const apiId = logicalIdOf(dev.template, 'AWS::ApiGatewayV2::Api', 'Name', dev.config.names.api);
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'geo-gateway-dev-graphql-5xx',
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [
        { Name: 'ApiId', Value: { Ref: apiId } },
        { Name: 'Stage', Value: '$default' },
      ],
      Statistic: 'Sum',
      Threshold: dev.config.settings.alarms.graphqlErrorsPer5Minutes,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { ApiId: { Ref: apiId }, StageName: '$default' });
  });

  it('watches throttles, p99 duration and failed invocations of the functions, and the dead-letter queue', () => {
    const functionRef = (name: string) => ({ Ref: logicalIdOf(dev.template, 'AWS::Lambda::Function', 'FunctionName', name) });
    const expected: [string, string, string, unknown][] = [
      ['graphql-throttles', 'AWS/Lambda', 'Throttles', functionRef(dev.config.names.graphqlFunction)],
      ['graphql-p99-duration', 'AWS/Lambda', 'Duration', functionRef(dev.config.names.graphqlFunction)],
      ['sync-errors', 'AWS/Lambda', 'Errors', functionRef(dev.config.names.syncFunction)],
    ];
    for (const [alarm, namespace, metric, value] of expected) {
      dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `geo-gateway-dev-${alarm}`,
        Namespace: namespace,
        MetricName: metric,
        Dimensions: [{ Name: 'FunctionName', Value: value }],
      });
    }
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'geo-gateway-dev-graphql-p99-duration',
      ExtendedStatistic: 'p99',
      Threshold: dev.config.settings.alarms.graphqlP99DurationMs,
    });
    expect(dev.config.settings.alarms.graphqlP99DurationMs).toBeLessThan(dev.config.settings.graphqlTimeoutSeconds * 1000);
    const queueId = logicalIdOf(dev.template, 'AWS::SQS::Queue', 'QueueName', dev.config.names.syncDeadLetterQueue);
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'geo-gateway-dev-sync-dlq-messages',
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('watches the same metrics in prod, with the prod stage as dimension', () => {
    const prod = synthStage('prod');
    const own = Object.values(prod.template.findResources('AWS::CloudWatch::Alarm')).filter(
      (alarm) => alarm.Properties.Namespace === 'GeoGateway',
    );
    expect(own.map((alarm) => alarm.Properties.Dimensions)).toEqual([
      [
        { Name: 'service', Value: 'graphql' },
        { Name: 'stage', Value: 'prod' },
      ],
      [
        { Name: 'service', Value: 'sync' },
        { Name: 'stage', Value: 'prod' },
      ],
    ]);
  });

  describe('the operation dimension', () => {
    it('keeps exactly the operation names of the frontend examples', () => {
      expect([...KNOWN_OPERATIONS].sort()).toEqual(exampleOperationNames().sort());
    });

    it('takes only known names, "other" or "anonymous", whatever names callers send', () => {
      const values = new Set(graphqlMetrics.flatMap((m) => (m.dimensions.operation ? [m.dimensions.operation] : [])));
      expect([...values].sort()).toEqual(['anonymous', 'other', [...KNOWN_OPERATIONS][0]].sort());
    });
  });
});
