import { deflateSync, gzipSync } from 'node:zlib';

/** A replay segment as an SDK uploads it: its metadata fields and its records. */
export interface ReplayUploadInput {
  fields: Record<string, string | number | boolean | undefined>;
  records: readonly unknown[];
}

/** How the segment file is encoded: deflate (zlib, Guance's SDK), gzip, or plain JSON. */
export type SegmentEncoding = 'deflate' | 'gzip' | 'json';

/**
 * The multipart body Guance's SDK sends to `/v1/write/rum/replay` (spec §1.7): a `segment` file
 * part (`{"records":[…], …metadata}`, deflated) named `<session_id>-<start>`, and the metadata
 * flattened into form fields.
 */
export function replayForm(segment: ReplayUploadInput, encoding: SegmentEncoding = 'deflate') {
  const fields = Object.entries(segment.fields).filter(
    (entry): entry is [string, string | number | boolean] => entry[1] !== undefined,
  );
  const json = Buffer.from(
    JSON.stringify({ records: segment.records, ...Object.fromEntries(fields) }),
  );
  const bytes =
    encoding === 'deflate' ? deflateSync(json) : encoding === 'gzip' ? gzipSync(json) : json;
  const form = new FormData();
  form.append(
    'segment',
    new Blob([bytes], { type: 'application/octet-stream' }),
    `${segment.fields.session_id}-${segment.fields.start}`,
  );
  for (const [name, value] of fields) form.append(name, String(value));
  return form;
}

/** Uploads a segment to a server's `/v1/write/rum/replay`, as an SDK does. */
export function postReplay(
  origin: string,
  segment: ReplayUploadInput,
  options: { encoding?: SegmentEncoding; headers?: Record<string, string>; query?: string } = {},
): Promise<Response> {
  return fetch(`${origin}/v1/write/rum/replay${options.query ?? '?precision=ms'}`, {
    method: 'POST',
    body: replayForm(segment, options.encoding),
    ...(options.headers ? { headers: options.headers } : {}),
  });
}
