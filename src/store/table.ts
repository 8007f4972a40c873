/**
 * The one table's definition, shared by the store, the local bootstrap, the tests and the
 * CDK stack. Every access pattern is a Query on `pk` (with a range on `sk`) or a GetItem /
 * BatchGetItem on `pk` + `sk`: entities live at `pk = <id>, sk = "#"`, and each list they
 * appear in is an index item written beside them (see `keys.ts`). So the table needs no
 * global secondary index, and a list is never a filter over a growing set.
 */
export const TABLE_KEYS = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
} as const;

/** Global secondary indexes: none, by design (index items in the base table serve every list). */
export const GLOBAL_SECONDARY_INDEXES: readonly {
  indexName: string;
  partitionKey: { name: string; type: 'S' };
  sortKey: { name: string; type: 'S' };
}[] = [];

/** The CreateTable input for the engine used locally and in tests (on demand, like the stack). */
export function createTableInput(tableName: string) {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [
      { AttributeName: TABLE_KEYS.partitionKey.name, AttributeType: TABLE_KEYS.partitionKey.type },
      { AttributeName: TABLE_KEYS.sortKey.name, AttributeType: TABLE_KEYS.sortKey.type },
    ],
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: TABLE_KEYS.sortKey.name, KeyType: 'RANGE' as const },
    ],
  };
}
