import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { HttpError } from '../../http/errors.js';

/** A replay upload as sent: its form fields (the segment's metadata) and its segment file. */
export interface SegmentUpload {
  fields: Record<string, string>;
  segment: Buffer;
}

export interface UploadLimits {
  /** Most bytes of the whole request body. */
  maxBytes: number;
  /** Most form fields. */
  maxFields: number;
  /** Most bytes of one field's value. */
  maxFieldBytes: number;
}

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;
const tooLarge = (limits: UploadLimits) =>
  new HttpError(413, 'body.too_large', `the body is over ${mib(limits.maxBytes)}`);
const invalid = (message: string) => new HttpError(400, 'segment.invalid', message);
const onlyOne = () => invalid('send exactly one "segment" file part; this body has more');
const unreadable = (message: string) =>
  new HttpError(400, 'body.invalid', `the multipart body cannot be read: ${message}`);

/**
 * Reads a replay upload (spec §1.7): multipart/form-data with one file part `segment` and the
 * metadata as fields, within the limits, through busboy's own limits. A problem is an
 * HttpError that names it; the rest of the body is then left unread (the caller closes the
 * connection after answering).
 */
export function readSegmentUpload(
  request: IncomingMessage,
  limits: UploadLimits,
): Promise<SegmentUpload> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw tooLarge(limits);
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*(;|$)/i.test(type)) {
    throw new HttpError(
      415,
      'body.unsupported_type',
      `send the segment as multipart/form-data (a "segment" file part and its fields), not ${JSON.stringify(type || 'no content type')}`,
    );
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      limits: {
        fieldNameSize: 100,
        fieldSize: limits.maxFieldBytes,
        fields: limits.maxFields,
        // One more than allowed, so a second file part is seen and named in the answer.
        files: 2,
        fileSize: limits.maxBytes,
        parts: limits.maxFields + 1,
        headerPairs: 20,
      },
    });
  } catch (error) {
    throw unreadable((error as Error).message);
  }

  return new Promise((resolve, reject) => {
    // No prototype: a field named __proto__ is a field like any other.
    const fields: Record<string, string> = Object.create(null);
    const chunks: Buffer[] = [];
    let segments = 0;
    let received = 0;
    let failed = false;
    const fail = (error: HttpError) => {
      if (failed) return;
      failed = true;
      request.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => undefined);
      request.off('data', count);
      // Drained, not destroyed: the answer still has to go out on this connection.
      request.resume();
      reject(error);
    };
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBytes) fail(tooLarge(limits));
    };
    request.on('data', count);

    parser.on('field', (name, value, info) => {
      if (info.nameTruncated) return fail(invalid('a form field name is over 100 bytes'));
      if (info.valueTruncated)
        return fail(invalid(`segment field ${name} is over ${limits.maxFieldBytes} bytes`));
      if (Object.hasOwn(fields, name)) return fail(invalid(`segment field ${name} is sent twice`));
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      if (name !== 'segment' || ++segments > 1) {
        stream.resume();
        return fail(
          name === 'segment'
            ? onlyOne()
            : invalid(`unexpected file part ${JSON.stringify(name)}: send one "segment"`),
        );
      }
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(tooLarge(limits)));
    });
    parser.on('filesLimit', () => fail(onlyOne()));
    parser.on('fieldsLimit', () =>
      fail(invalid(`too many form fields: at most ${limits.maxFields}`)),
    );
    parser.on('partsLimit', () => fail(invalid(`too many parts: at most ${limits.maxFields + 1}`)));
    parser.on('error', (error: Error) => fail(unreadable(error.message)));
    parser.on('close', () => {
      if (failed) return;
      request.off('data', count);
      if (segments === 0) return fail(invalid('the "segment" file part is missing'));
      resolve({ fields, segment: Buffer.concat(chunks) });
    });
    request.on('error', (error) => fail(unreadable(error.message)));
    request.pipe(parser);
  });
}
