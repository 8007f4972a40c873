import type { Context } from '../../context.js';
import { type DeleteArgs, deleteRecord, readableId, type UpsertArgs, upsertRecord } from './records.js';

interface MeetingInput {
  id?: string | null;
  date?: string | null;
  occasion?: string | null;
  summary?: string | null;
  location?: { city?: string | null } | null;
  [field: string]: unknown;
}

/** Creating, correcting and deleting meetings. */
export const meetingMutations = {
  upsertMeeting: (_: unknown, args: UpsertArgs<MeetingInput>, ctx: Context) =>
    upsertRecord(ctx, 'meeting', args, (input) =>
      readableId('meeting', [input.date ?? 'undated', input.occasion ?? input.summary ?? input.location?.city], 'input.date'),
    ),
  deleteMeeting: (_: unknown, args: DeleteArgs, ctx: Context) => deleteRecord(ctx, 'meeting', args),
};
