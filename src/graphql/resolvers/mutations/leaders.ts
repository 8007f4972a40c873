import type { Context } from '../../context.js';
import { type DeleteArgs, deleteRecord } from './records.js';

/** Leader mutations beside `upsertLeader`. */
export const leaderMutations = {
  deleteLeader: (_: unknown, args: DeleteArgs, ctx: Context) => deleteRecord(ctx, 'leader', args),
};
