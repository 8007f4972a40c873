import type { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { GLOBAL_SECONDARY_INDEXES, TABLE_KEYS } from '../../src/store/table.js';

export interface KnowledgeTableProps {
  tableName: string;
  /** Prod keeps the table (and refuses deletes); dev lets it go with the stack. */
  retainData: boolean;
  removalPolicy: RemovalPolicy;
  /**
   * On-demand ceilings, request units per second, for the table and each index: a flood is
   * throttled at them instead of being billed without bound.
   */
  maxReadUnits: number;
  maxWriteUnits: number;
}

const ATTRIBUTE_TYPES = { S: dynamodb.AttributeType.STRING } as const;

function attribute(key: { name: string; type: keyof typeof ATTRIBUTE_TYPES }): dynamodb.Attribute {
  return { name: key.name, type: ATTRIBUTE_TYPES[key.type] };
}

/**
 * The knowledge base's one table, with the keys and indexes of `src/store/table.ts`, so the
 * deployed table cannot drift from the one the store and the tests use. On demand: the
 * table costs nothing but storage and backups while idle, and at most its maximum
 * throughput (from the stage settings) under load.
 */
export class KnowledgeTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: KnowledgeTableProps) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: props.tableName,
      partitionKey: attribute(TABLE_KEYS.partitionKey),
      sortKey: attribute(TABLE_KEYS.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      maxReadRequestUnits: props.maxReadUnits,
      maxWriteRequestUnits: props.maxWriteUnits,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: props.retainData,
      removalPolicy: props.removalPolicy,
    });
    for (const index of GLOBAL_SECONDARY_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
        maxReadRequestUnits: props.maxReadUnits,
        maxWriteRequestUnits: props.maxWriteUnits,
      });
    }
  }
}
