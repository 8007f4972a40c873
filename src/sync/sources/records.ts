import { FEED_FORMAT, FEED_VERSION } from '../../domain/records.js';
import type { Source } from './index.js';

/** The header line a feed of records sent without one is given. */
const HEADER = JSON.stringify({ format: FEED_FORMAT, version: FEED_VERSION });

/**
 * A feed held in memory: the header line, then one record per entry of `lines`. The header
 * is line 1, so `lines[i]` is line i + 2 of the feed.
 */
export function recordsSource(name: string, lines: readonly string[]): Source {
  return {
    name,
    open: async () =>
      (async function* () {
        yield Buffer.from([HEADER, ...lines].join('\n'), 'utf8');
      })(),
  };
}
