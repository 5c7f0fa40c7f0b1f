// An answer's body as the gateway reads it. The gateway asks Model Studio for uncompressed answers
// (it meters and masks them as they pass); one compressed all the same is decompressed here, so
// nothing reaches the tool unread — and one in an encoding it cannot read is not passed on at all.
import { pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Dispatcher } from 'undici';

const DECODERS: Readonly<Record<string, () => NodeJS.ReadWriteStream>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** The body, uncompressed; undefined when its Content-Encoding is not one the gateway reads. */
export function decodedBody(upstream: Dispatcher.ResponseData): AsyncIterable<Buffer> | undefined {
  const given = upstream.headers['content-encoding'];
  const encoding = (Array.isArray(given) ? given.join(',') : (given ?? '')).trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return upstream.body;
  const decoder = DECODERS[encoding];
  if (!decoder) return undefined;
  // A broken stream ends the decoder with its error, which the reader meets.
  return pipeline(upstream.body, decoder(), () => undefined) as unknown as AsyncIterable<Buffer>;
}
