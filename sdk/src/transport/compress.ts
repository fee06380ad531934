/**
 * Deflate (zlib) through the browser's CompressionStream: no worker, so no `blob:` URL and no
 * `worker-src` in the page's Content-Security-Policy. The bytes are written to the stream
 * directly: in Chromium a Blob is registered with the browser process, which a profile showed
 * costing more than the compression.
 */
export async function deflate(data: string | Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate');
  const writer = stream.writable.getWriter();
  writer.write((typeof data === 'string' ? new TextEncoder().encode(data) : data) as BufferSource);
  writer.close();
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}
