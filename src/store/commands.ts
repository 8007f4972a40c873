/**
 * The DynamoDB operations each function sends, by DynamoDB's names. The stack grants each
 * function's role exactly these actions on the table, and a test runs the real handler and
 * sync on the local engine and fails when the code sends one not listed here or one listed
 * here is never sent: the role follows the code, not the other way round.
 */

/** A DynamoDB data-plane operation, as IAM names it after `dynamodb:`. */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'BatchWriteItem';

/** What the GraphQL function sends: reads for queries, writes for editor mutations and API key use. */
export const GRAPHQL_TABLE_ACTIONS: readonly TableAction[] = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'BatchWriteItem',
];

/**
 * What the sync function sends: versions read in batches before conditional writes, one
 * record read again when an editor changed it meanwhile, index items and run reports, and
 * the deal lists the linking pass reads after a run that changed deals.
 */
export const SYNC_TABLE_ACTIONS: readonly TableAction[] = ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'BatchWriteItem'];
