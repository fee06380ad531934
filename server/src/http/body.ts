import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Decompress as ZstdDecompress } from 'fzstd';
import { HttpError } from './errors.js';

export const ENCODINGS = ['gzip', 'deflate', 'br', 'zstd', 'identity'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface BodyLimits {
  /** Most bytes on the wire. */
  maxCompressed: number;
  /** Most bytes once decompressed: a gzip bomb stops here, without buffering it all. */
  maxDecompressed: number;
}

export function parseEncoding(raw: string | undefined): Encoding {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '') return 'identity';
  if (value === 'x-gzip') return 'gzip';
  if ((ENCODINGS as readonly string[]).includes(value)) return value as Encoding;
  throw new HttpError(
    415,
    'body.unsupported_encoding',
    `encoding ${JSON.stringify(raw)} is not supported; use ${ENCODINGS.join(', ')}`,
  );
}

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;

/**
 * Reads a request body, decompressing as it streams, and stops at either limit with a 413
 * (the rest of the upload is not read).
 */
export async function readBody(
  request: Readable & { headers: Record<string, unknown> },
  encoding: Encoding,
  limits: BodyLimits,
): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxCompressed) {
    throw tooLarge(
      `the body is ${mib(declared)}; at most ${mib(limits.maxCompressed)} may be sent`,
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const keep = (chunk: Uint8Array) => {
    total += chunk.byteLength;
    if (total > limits.maxDecompressed) {
      throw tooLarge(`the body decompresses to more than ${mib(limits.maxDecompressed)}`);
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  };

  let received = 0;
  const counted = async function* () {
    for await (const chunk of request) {
      received += (chunk as Buffer).byteLength;
      if (received > limits.maxCompressed) {
        throw tooLarge(`the body is over ${mib(limits.maxCompressed)}`);
      }
      yield chunk as Buffer;
    }
  };

  try {
    if (encoding === 'identity') {
      for await (const chunk of counted()) keep(chunk);
    } else if (encoding === 'zstd') {
      const zstd = new ZstdDecompress((data) => keep(data));
      for await (const chunk of counted()) zstd.push(chunk);
      zstd.push(new Uint8Array(0), true);
    } else {
      const inflater =
        encoding === 'gzip'
          ? createGunzip()
          : encoding === 'deflate'
            ? createInflate()
            : createBrotliDecompress();
      const feeding = (async () => {
        try {
          for await (const chunk of counted()) {
            if (!inflater.write(chunk))
              await new Promise((resolve) => inflater.once('drain', resolve));
          }
          inflater.end();
        } catch (error) {
          inflater.destroy(error as Error);
        }
      })();
      for await (const chunk of inflater) keep(chunk as Buffer);
      await feeding;
    }
  } catch (error) {
    if (error instanceof HttpError) {
      request.resume(); // drain the rest so the connection can be reused
      throw error;
    }
    throw new HttpError(
      400,
      'body.bad_encoding',
      `the body is not valid ${encoding}: ${(error as Error).message}`,
    );
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(message: string) {
  return new HttpError(413, 'body.too_large', message);
}
