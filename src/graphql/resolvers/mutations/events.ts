import type { Context } from '../../context.js';
import { type DeleteArgs, deleteRecord, readableId, type UpsertArgs, upsertRecord } from './records.js';

interface EventInput {
  id?: string | null;
  date?: string | null;
  summary?: string | null;
  respondsTo?: string[] | null;
  respondsToLinks?: Record<string, unknown>[] | null;
  [field: string]: unknown;
}

/** The record's `respondsTo`: the links with their confidence when given, else the bare ids. */
function withLinks(input: EventInput): EventInput {
  const { respondsToLinks, ...rest } = input;
  return respondsToLinks === undefined || respondsToLinks === null ? rest : { ...rest, respondsTo: respondsToLinks as never };
}

/** Creating, correcting and deleting events. */
export const eventMutations = {
  upsertEvent: (_: unknown, args: UpsertArgs<EventInput>, ctx: Context) =>
    upsertRecord(ctx, 'event', { ...args, input: withLinks(args.input) }, (input) =>
      readableId('event', [input.date ?? 'undated', input.summary], 'input.summary'),
    ),
  deleteEvent: (_: unknown, args: DeleteArgs, ctx: Context) => deleteRecord(ctx, 'event', args),
};
