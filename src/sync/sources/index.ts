import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { publicAddress } from '../../domain/addresses.js';

/** Where records come from: a local path, `s3://bucket/key`, or an `https://` URL. */
export interface Source {
  /** For reports: the file name, the s3:// address, the https:// address without credentials or query. */
  name: string;
  /** The bytes, streamed. */
  open(): Promise<AsyncIterable<Uint8Array>>;
}

/** A source that cannot be read: missing file, unknown object, failed download. */
export class SourceError extends Error {
  override readonly name: string = 'SourceError';
}

/**
 * An S3 feed whose object does not exist (S3 answered NoSuchKey, which it does only to a
 * caller allowed to list the bucket; without that right a missing object is AccessDenied).
 */
export class SourceNotFoundError extends SourceError {
  override readonly name = 'SourceNotFoundError';
}

/** Options for remote sources. */
export interface SourceOptions {
  s3?: S3Client;
  region?: string;
  fetch?: typeof fetch;
}

/**
 * Resolves a source address. Nothing is read until `open()`. Messages and reports name it
 * by its public form (`publicAddress`): a signed URL's signature never reaches a report.
 * @throws SourceError for an address of no known kind (http:// is refused: feeds travel over TLS).
 */
export function resolveSource(address: string, options: SourceOptions = {}): Source {
  const shown = publicAddress(address);
  if (address.startsWith('s3://')) {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(address);
    if (!match) throw new SourceError(`${shown}: an S3 source is s3://bucket/key`);
    const [, bucket, key] = match as unknown as [string, string, string];
    return {
      name: address,
      open: async () => {
        const s3 = options.s3 ?? new S3Client({ region: options.region ?? 'us-east-1' });
        try {
          const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
          return out.Body as unknown as AsyncIterable<Uint8Array>;
        } catch (error) {
          if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') {
            throw new SourceNotFoundError(`${shown}: no such object`, { cause: error });
          }
          throw new SourceError(`${shown}: cannot be read (${(error as Error).name})`, { cause: error });
        }
      },
    };
  }
  if (address.startsWith('https://')) {
    return {
      name: shown,
      open: async () => {
        let response: Response;
        try {
          response = await (options.fetch ?? fetch)(address);
        } catch (error) {
          throw new SourceError(`${shown}: cannot be downloaded`, { cause: error });
        }
        if (!response.ok || !response.body) throw new SourceError(`${shown}: the server answered ${response.status}`);
        return Readable.fromWeb(response.body as never) as AsyncIterable<Uint8Array>;
      },
    };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(address))
    throw new SourceError(`${shown}: only local paths, s3:// and https:// sources are supported`);
  return {
    name: basename(address),
    open: async () => {
      const stream = createReadStream(address, { highWaterMark: 256 * 1024 });
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', (error) =>
          reject(
            new SourceError(`${address}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error.message})`, { cause: error }),
          ),
        );
      });
      return stream;
    },
  };
}
