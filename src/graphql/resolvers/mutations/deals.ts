import type { Context } from '../../context.js';
import { type DeleteArgs, deleteRecord, idTail, readableId, type UpsertArgs, upsertRecord } from './records.js';

interface MilitaryDealInput {
  id?: string | null;
  supplier?: string | null;
  recipient?: string | null;
  agreedOn?: string | null;
  items?: { designation?: string | null; description: string }[] | null;
  [field: string]: unknown;
}

/** Creating, correcting and deleting military deals. */
export const dealMutations = {
  upsertMilitaryDeal: (_: unknown, args: UpsertArgs<MilitaryDealInput>, ctx: Context) =>
    upsertRecord(ctx, 'deal', args, (input) => {
      const item = input.items?.[0];
      return readableId(
        'deal',
        [input.agreedOn ?? 'undated', idTail(input.supplier), idTail(input.recipient), item?.designation ?? item?.description],
        'input.supplier',
      );
    }),
  deleteMilitaryDeal: (_: unknown, args: DeleteArgs, ctx: Context) => deleteRecord(ctx, 'deal', args),
};
