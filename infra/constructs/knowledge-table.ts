import type { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { GLOBAL_SECONDARY_INDEXES, TABLE_KEYS } from '../../src/store/table.js';

export interface KnowledgeTableProps {
  tableName: string;
  /** Prod keeps the table (and refuses deletes); dev lets it go with the stack. */
  retainData: boolean;
  removalPolicy: RemovalPolicy;
  /** On-demand maximum throughput, request units per second (table and each index). */
  maxRequestUnits: { read: number; write: number };
}

const ATTRIBUTE_TYPES = { S: dynamodb.AttributeType.STRING } as const;

function attribute(key: { name: string; type: keyof typeof ATTRIBUTE_TYPES }): dynamodb.Attribute {
  return { name: key.name, type: ATTRIBUTE_TYPES[key.type] };
}

/**
 * The knowledge base's one table, with the keys and indexes of `src/store/table.ts`, so the
 * deployed table cannot drift from the one the store and the tests use. On demand: the
 * table costs nothing but storage and backups while idle, and, with a maximum throughput,
 * no more than that while flooded.
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
      maxReadRequestUnits: props.maxRequestUnits.read,
      maxWriteRequestUnits: props.maxRequestUnits.write,
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
        maxReadRequestUnits: props.maxRequestUnits.read,
        maxWriteRequestUnits: props.maxRequestUnits.write,
      });
    }
  }
}
