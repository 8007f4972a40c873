import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { GRAPHQL_TABLE_ACTIONS } from '../../src/store/commands.js';
import type { InfraConfig } from '../config.js';
import { NodeFunction } from './node-function.js';

export interface GraphqlApiProps {
  config: InfraConfig;
  table: dynamodb.ITable;
}

/** One JSON object per request, with the fields an HTTP API can log. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    method: '$context.httpMethod',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/**
 * The GraphQL function behind an HTTP API: `POST /graphql` for operations, `GET /graphql`
 * for queries sent as URL parameters (and the landing page), CORS and throttling from the
 * stage settings, and one access log line per request.
 */
export class GraphqlApi extends Construct {
  readonly function: lambda.Function;
  readonly api: apigw.HttpApi;
  /** The API's `$default` stage, whose metrics (5xx answers) the alarms watch. */
  readonly stage: apigw.HttpStage;
  /** The GraphQL endpoint, `<api endpoint>/graphql`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: GraphqlApiProps) {
    super(scope, id);
    const { config, table } = props;
    const { settings } = config;

    this.function = new NodeFunction(this, 'Graphql', {
      functionName: config.names.graphqlFunction,
      description: 'GraphQL gateway over the knowledge base (Apollo Server)',
      bundle: 'graphql',
      memoryMb: settings.graphqlMemoryMb,
      timeout: Duration.seconds(settings.graphqlTimeoutSeconds),
      environment: { TABLE_NAME: table.tableName, STAGE: config.stage },
      sourceMaps: settings.graphqlSourceMaps,
      // A flood runs at most this many instances (and costs at most that much); the rest of
      // the account's concurrency stays free for everything else.
      reservedConcurrency: settings.limits.graphqlConcurrency,
      logRetention: config.logRetention,
      removalPolicy: config.removalPolicy,
    }).function;
    // Exactly the operations the code sends (src/store/commands.ts), on the table and its indexes.
    table.grant(this.function, ...GRAPHQL_TABLE_ACTIONS.map((action) => `dynamodb:${action}`));

    this.api = new apigw.HttpApi(this, 'Api', {
      apiName: config.names.api,
      description: `GraphQL gateway (${config.stage})`,
      corsPreflight: {
        allowOrigins: config.corsOrigins,
        allowHeaders: settings.corsAllowHeaders,
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.OPTIONS],
        // Keys travel in headers (x-api-key, authorization), never in cookies, so browsers
        // need not send credentials; the origins are explicit all the same.
        allowCredentials: false,
        maxAge: Duration.seconds(settings.corsMaxAgeSeconds),
      },
      // The default stage is made below, where throttling and access logs can be set.
      createDefaultStage: false,
    });
    this.api.addRoutes({
      path: '/graphql',
      methods: [apigw.HttpMethod.POST, apigw.HttpMethod.GET],
      integration: new HttpLambdaIntegration('Graphql', this.function, {
        payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
      }),
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      logGroupName: config.names.apiAccessLogGroup,
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: settings.throttle.rateLimit, burstLimit: settings.throttle.burstLimit },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    this.url = `${this.api.apiEndpoint}/graphql`;

    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Callers authenticate with API keys checked in the GraphQL layer (editor mutations need a key, reads may be anonymous by design); an API Gateway authorizer would refuse anonymous reads.',
    });
  }
}
