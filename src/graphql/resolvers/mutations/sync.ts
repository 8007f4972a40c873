import { ValidationError } from '../../../errors.js';
import { runSync } from '../../../sync/run.js';
import { recordsSource } from '../../../sync/sources/records.js';
import { requireEditor } from '../../auth.js';
import type { Context } from '../../context.js';

/** Most records one `syncRecords` call takes: one round of the sync, well inside the request deadline. */
export const MAX_SYNC_LINES = 500;

/** Feeding records to the sync pipeline, for external sync clients. */
export const syncMutations = {
  /**
   * Runs the lines through `runSync` as a feed (a header line is put in front of them), so
   * they are checked and written exactly as the scheduled sync would, and returns the run.
   */
  syncRecords: async (_: unknown, { lines }: { lines: string[] }, ctx: Context) => {
    const key = requireEditor(ctx.caller);
    if (lines.length === 0) throw new ValidationError('lines: send at least one record', { path: 'lines' });
    if (lines.length > MAX_SYNC_LINES) {
      throw new ValidationError(`lines: at most ${MAX_SYNC_LINES} records per call, got ${lines.length}`, { path: 'lines' });
    }
    // A line break would split one entry into several records and shift every line number after it.
    const broken = lines.findIndex((line) => /[\r\n]/.test(line));
    if (broken !== -1) throw new ValidationError(`lines[${broken}]: one record per entry, without line breaks`, { path: 'lines' });
    // The run ends with the request: its report carries the request's deadline.
    const report = await runSync(ctx.db, recordsSource('syncRecords', lines), {
      format: 'feed',
      actor: `editor:${key.name}`,
      startedBy: `editor:${key.name}`,
      linesBefore: 1,
      ...(ctx.deadline === undefined ? {} : { deadline: ctx.deadline }),
      log: ctx.log,
    });
    ctx.loaders.entity.clearAll();
    return { type: 'syncrun', ...report };
  },
};
