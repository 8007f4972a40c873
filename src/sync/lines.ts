import { StringDecoder } from 'node:string_decoder';

/** One line of an input, numbered from 1 as an editor shows it. */
export interface Line {
  number: number;
  text: string;
}

/**
 * Splits a stream of bytes into lines without holding the whole input in memory.
 * Accepts LF and CRLF line ends; a trailing CR is removed from each line.
 * @param encoding 'latin1' for SIPRI exports, 'utf8' for the feed.
 */
export async function* readLines(chunks: AsyncIterable<Uint8Array | string>, encoding: 'utf8' | 'latin1'): AsyncGenerator<Line> {
  const decoder = new StringDecoder(encoding);
  let pending = '';
  let number = 0;
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let start = 0;
    let newline = pending.indexOf('\n', start);
    while (newline !== -1) {
      number += 1;
      yield { number, text: stripCr(pending.slice(start, newline)) };
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending.length > 0) {
    number += 1;
    yield { number, text: stripCr(pending) };
  }
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
