import type { Context } from '../../context.js';
import { type DeleteArgs, deleteRecord, idTail, readableId, type UpsertArgs, upsertRecord } from './records.js';

interface StatementInput {
  id?: string | null;
  speaker?: string | null;
  quote?: string | null;
  date?: string | null;
  [field: string]: unknown;
}

/** Creating, correcting and deleting statements. */
export const statementMutations = {
  upsertStatement: (_: unknown, args: UpsertArgs<StatementInput>, ctx: Context) =>
    upsertRecord(ctx, 'statement', args, (input) =>
      readableId('statement', [input.date ?? 'undated', idTail(input.speaker), input.quote], 'input.quote'),
    ),
  deleteStatement: (_: unknown, args: DeleteArgs, ctx: Context) => deleteRecord(ctx, 'statement', args),
};
