import type { Context } from '../../context.js';
import { type DeleteArgs, deleteRecord, readableId, type UpsertArgs, upsertRecord } from './records.js';

interface EventInput {
  id?: string | null;
  date?: string | null;
  summary?: string | null;
  [field: string]: unknown;
}

/** Creating, correcting and deleting events. */
export const eventMutations = {
  upsertEvent: (_: unknown, args: UpsertArgs<EventInput>, ctx: Context) =>
    upsertRecord(ctx, 'event', args, (input) => readableId('event', [input.date ?? 'undated', input.summary], 'input.summary')),
  deleteEvent: (_: unknown, args: DeleteArgs, ctx: Context) => deleteRecord(ctx, 'event', args),
};
