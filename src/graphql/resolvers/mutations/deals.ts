import { isRegisterDeal } from '../../../store/index-items.js';
import { releaseSourceRecords } from '../../../sync/link-deals.js';
import { requireEditor } from '../../auth.js';
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
  /** Deletes a deal; the register records that described it are listed on their own again. */
  deleteMilitaryDeal: async (_: unknown, args: DeleteArgs, ctx: Context) => {
    const result = await deleteRecord(ctx, 'deal', args);
    if (result.changed && !isRegisterDeal(args.id)) {
      await releaseSourceRecords(ctx.db, args.id, `editor:${requireEditor(ctx.caller).name}`);
      ctx.loaders.entity.clearAll();
    }
    return result;
  },
};
