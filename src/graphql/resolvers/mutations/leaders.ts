import type { Context } from '../../context.js';
import { type DeleteArgs, deleteRecord, readableId, type UpsertArgs, upsertRecord } from './records.js';

interface LeaderInput {
  id?: string | null;
  name: string;
  [field: string]: unknown;
}

/** Creating, correcting and deleting leaders (`upsertLeader` is the contract's). */
export const leaderMutations = {
  upsertLeader: (_: unknown, args: UpsertArgs<LeaderInput>, ctx: Context) =>
    upsertRecord(ctx, 'leader', args, (input) => readableId('leader', [input.name], 'input.name')),
  deleteLeader: (_: unknown, args: DeleteArgs, ctx: Context) => deleteRecord(ctx, 'leader', args),
};
