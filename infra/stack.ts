import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { InfraConfig } from './config.js';
import { OperationsAlarms } from './constructs/alarms.js';
import { FeedSync } from './constructs/feed-sync.js';
import { GraphqlApi } from './constructs/graphql-api.js';
import { KnowledgeTable } from './constructs/knowledge-table.js';

export interface GeoGatewayStackProps extends StackProps {
  config: InfraConfig;
}

/**
 * One stage of the gateway: the table, the GraphQL API in front of it, the scheduled feed
 * sync that fills it, and the alarms watching both. Nothing runs while nobody calls.
 */
export class GeoGatewayStack extends Stack {
  constructor(scope: Construct, id: string, props: GeoGatewayStackProps) {
    super(scope, id, props);
    const { config } = props;

    const { table } = new KnowledgeTable(this, 'Knowledge', {
      tableName: config.names.table,
      retainData: config.settings.retainData,
      removalPolicy: config.removalPolicy,
      maxReadUnits: config.settings.limits.tableMaxReadUnits,
      maxWriteUnits: config.settings.limits.tableMaxWriteUnits,
    });
    const graphql = new GraphqlApi(this, 'GraphqlApi', { config, table });
    const sync = new FeedSync(this, 'FeedSync', { config, table });
    new OperationsAlarms(this, 'Alarms', {
      config,
      graphqlFunction: graphql.function,
      graphqlStage: graphql.stage,
      syncFunction: sync.function,
      deadLetterQueue: sync.deadLetterQueue,
    });

    new CfnOutput(this, 'GraphqlUrl', { value: graphql.url, description: 'GraphQL endpoint: point frontends and the Apollo Sandbox here' });
    new CfnOutput(this, 'FeedBucketName', {
      value: sync.feedBucket.bucketName,
      description: 'Upload feed files here (see FEEDS on the sync function)',
    });
  }
}
