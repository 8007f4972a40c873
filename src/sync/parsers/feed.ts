import { checkRecord, describeIssues, FEED_FORMAT, FEED_VERSION, feedHeaderSchema, snapshotTime } from '../../domain/records.js';
import { readLines } from '../lines.js';
import type { Parsed } from '../parsed.js';

/** Longest line accepted: far above any real record, far below an item's 400 KB. */
const MAX_LINE_CHARS = 200_000;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Reads the feed format: UTF-8 NDJSON whose first line is the header
 * `{"format":"geo-feed","version":1}`, then one record per line. Blank lines and lines
 * starting with `//` are skipped. Each record is checked on its own: a bad one is refused
 * with its line number and the rest go on. The header's `generatedAt` dates every record.
 */
export async function* parseFeed(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Parsed> {
  let header = false;
  let snapshot: string | undefined;
  for await (const { number, text } of readLines(chunks, 'utf8')) {
    const line = text.trim();
    if (line === '' || line.startsWith('//')) continue;
    if (line.length > MAX_LINE_CHARS) {
      yield { line: number, ok: false, reason: `the line is longer than ${MAX_LINE_CHARS} characters` };
      continue;
    }
    const json = parseJson(line);
    if (!header) {
      const parsed = json.ok ? feedHeaderSchema.safeParse(json.value) : null;
      if (!parsed?.success) {
        yield {
          line: number,
          ok: false,
          reason: `the first line must be the header {"format":"${FEED_FORMAT}","version":${FEED_VERSION}}${parsed ? `: ${describeIssues(parsed.error)}` : ''}`,
        };
        return;
      }
      header = true;
      if (parsed.data.generatedAt !== undefined) snapshot = snapshotTime(parsed.data.generatedAt);
      continue;
    }
    if (!json.ok) {
      yield { line: number, ok: false, reason: 'the line is not valid JSON' };
      continue;
    }
    const checked = checkRecord(json.value);
    yield checked.ok
      ? { line: number, ok: true, record: checked.record, mode: 'upsert', ...(snapshot !== undefined ? { snapshot } : {}) }
      : { line: number, ok: false, reason: checked.reason };
  }
  if (!header) yield { line: 1, ok: false, reason: 'the feed is empty: it needs at least the header line' };
}
