/**
 * Deflate (zlib) through the browser's CompressionStream: no worker, so no `blob:` URL and no
 * `worker-src` in the page's Content-Security-Policy.
 */
export async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
