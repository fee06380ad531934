import { promisify } from 'node:util';
import { deflate, gunzip, inflate, type ZlibOptions } from 'node:zlib';
import {
  parseSegmentBody,
  REPLAY_BODY_LIMIT,
  type ReplayRecord,
  SegmentMetaError,
} from '@rumkit/core/replay';
import { HttpError } from '../http/errors.js';

// Off the event loop: zlib's callback forms run in libuv's thread pool.
const inflateAsync = promisify<Buffer, ZlibOptions, Buffer>(inflate);
const gunzipAsync = promisify<Buffer, ZlibOptions, Buffer>(gunzip);
const deflateAsync = promisify<Buffer, ZlibOptions, Buffer>(deflate);

/** A segment's JSON is at most this big, however it was sent (a deflate bomb stops here). */
export const SEGMENT_JSON_LIMIT = REPLAY_BODY_LIMIT;

type Encoding = 'deflate' | 'gzip' | 'json';

/**
 * How an uploaded segment is encoded, by its first bytes: a zlib stream (RFC 1950, what
 * CompressionStream('deflate') and pako write: 0x78…), gzip (0x1f 0x8b), or the JSON itself,
 * which our SDK sends when the page goes away before compression could finish.
 */
function encodingOf(bytes: Buffer): Encoding | undefined {
  const [a = 0, b = 0] = bytes;
  if (a === 0x1f && b === 0x8b) return 'gzip';
  if (bytes.length >= 2 && (a & 0x0f) === 8 && a >> 4 <= 7 && ((a << 8) | b) % 31 === 0)
    return 'deflate';
  for (const byte of bytes) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x7b ? 'json' : undefined;
  }
  return undefined;
}

const invalid = (message: string) => new HttpError(400, 'segment.invalid', message);

/**
 * The records of an uploaded segment file: decompressed (at most SEGMENT_JSON_LIMIT bytes) and
 * checked by the shared parseSegmentBody. A 400 `segment.invalid` says what is wrong with it;
 * a 413 says it decompresses to too much.
 */
export async function decodeSegment(bytes: Buffer): Promise<ReplayRecord[]> {
  if (bytes.length === 0) throw invalid('the segment file part is empty');
  const encoding = encodingOf(bytes);
  if (!encoding)
    throw invalid('the segment must be deflate (zlib), gzip or JSON; its first bytes are neither');
  let json: Buffer = bytes;
  if (encoding !== 'json') {
    try {
      const options = { maxOutputLength: SEGMENT_JSON_LIMIT };
      json = await (encoding === 'gzip'
        ? gunzipAsync(bytes, options)
        : inflateAsync(bytes, options));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw new HttpError(
          413,
          'body.too_large',
          `the segment decompresses to more than ${SEGMENT_JSON_LIMIT / 1024 / 1024} MiB`,
        );
      throw invalid(`the segment is not valid ${encoding}: ${(error as Error).message}`);
    }
  }
  try {
    return parseSegmentBody(json.toString('utf8')).records;
  } catch (error) {
    if (error instanceof SegmentMetaError) throw invalid(error.message);
    throw error;
  }
}

/**
 * The stored form of a segment, one for every upload encoding: a zlib stream of the JSON array
 * of its records, nothing else. A replay then streams each segment's records as they are
 * stored, without parsing them again, and zlib's checksum finds a damaged blob.
 */
export function encodeStored(records: readonly ReplayRecord[]): Promise<Buffer> {
  return deflateAsync(Buffer.from(JSON.stringify(records)), {});
}

/**
 * A stored segment's records as JSON text without the array's brackets (`{…},{…}`; empty for
 * none), ready to join with the other segments'. Throws on a damaged blob.
 */
export async function storedRecordsJson(blob: Buffer): Promise<Buffer> {
  const json = await inflateAsync(blob, { maxOutputLength: SEGMENT_JSON_LIMIT });
  if (json.length < 2 || json[0] !== 0x5b || json[json.length - 1] !== 0x5d)
    throw new Error('the stored segment is not a JSON array');
  return json.subarray(1, -1);
}
