import type { Context } from '../../context.js';
import { type DeleteArgs, deleteRecord, readableId, type UpsertArgs, upsertRecord } from './records.js';

interface SourceInput {
  id?: string | null;
  title: string;
  [field: string]: unknown;
}

/** Creating, correcting and deleting sources. */
export const sourceMutations = {
  upsertSource: (_: unknown, args: UpsertArgs<SourceInput>, ctx: Context) =>
    upsertRecord(ctx, 'source', args, (input) => readableId('source', [input.title], 'input.title')),
  deleteSource: (_: unknown, args: DeleteArgs, ctx: Context) => deleteRecord(ctx, 'source', args),
};
