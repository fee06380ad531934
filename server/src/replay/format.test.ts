import { deflateRawSync, deflateSync, gzipSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeSegment, encodeStored, storedRecordsJson } from './format.js';

const records = [
  { type: 4, timestamp: 1, data: { href: 'https://shop.example.com/' } },
  { type: 3, timestamp: 2, data: { source: 2, text: 'héllo "quoted"' } },
];
const body = JSON.stringify({ records, app_id: 'shop', session_id: 's1' });

describe('uploaded segments', () => {
  it.each([
    ['deflate (zlib)', deflateSync(body)],
    ['gzip', gzipSync(body)],
    ['plain JSON', Buffer.from(body)],
    ['plain JSON after blanks', Buffer.from(`\n  ${body}`)],
  ])('read %s', async (_label, bytes) => {
    expect(await decodeSegment(bytes)).toEqual(records);
  });

  it('refuse raw deflate (no zlib header) and anything else by its first bytes', async () => {
    await expect(decodeSegment(deflateRawSync(body))).rejects.toMatchObject({ status: 400 });
    await expect(decodeSegment(Buffer.from('[{"type":1}]'))).rejects.toMatchObject({
      status: 400,
      code: 'segment.invalid',
    });
  });

  it('stop a deflate bomb at 32 MiB with a 413', async () => {
    const bomb = deflateSync(Buffer.alloc(33 * 1024 * 1024, 0x20));
    await expect(decodeSegment(bomb)).rejects.toMatchObject({
      status: 413,
      code: 'body.too_large',
    });
  });
});

describe('the stored format', () => {
  it('is the JSON array of the records, deflated, read back without its brackets', async () => {
    const stored = await encodeStored(records);
    expect(JSON.parse(inflateSync(stored).toString())).toEqual(records);
    expect(JSON.parse(`[${(await storedRecordsJson(stored)).toString()}]`)).toEqual(records);
    expect((await storedRecordsJson(await encodeStored([]))).length).toBe(0);
  });

  it('finds a damaged blob by its checksum', async () => {
    const stored = await encodeStored(records);
    stored[stored.length - 1] = (stored[stored.length - 1] ?? 0) ^ 0xff;
    await expect(storedRecordsJson(stored)).rejects.toThrow();
    await expect(storedRecordsJson(deflateSync('{"records":[]}'))).rejects.toThrow(
      /not a JSON array/,
    );
  });
});
