import type { Parsed } from './parsed.js';
import { parseFeed } from './parsers/feed.js';
import { parseSipri } from './parsers/sipri.js';

/** The input formats the sync reads. */
export const FORMATS = ['feed', 'sipri'] as const;
export type Format = (typeof FORMATS)[number];

const PARSERS: Record<Format, (chunks: AsyncIterable<Uint8Array | string>) => AsyncGenerator<Parsed>> = {
  feed: parseFeed,
  sipri: parseSipri,
};

/**
 * Looks at the first bytes to tell the feed (JSON lines, starting with "{") from a SIPRI
 * export (a text preamble), and returns the parser's output over the whole stream.
 */
export async function parseDetected(
  chunks: AsyncIterable<Uint8Array>,
  format?: Format,
): Promise<{ format: Format; records: AsyncGenerator<Parsed> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array() : first.value;
  const detected = format ?? (Buffer.from(head).toString('latin1').trimStart().startsWith('{') ? 'feed' : 'sipri');
  async function* replay(): AsyncGenerator<Uint8Array> {
    if (!first.done) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { format: detected, records: PARSERS[detected](replay()) };
}
