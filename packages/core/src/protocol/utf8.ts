let decoder: TextDecoder | undefined;

/** Request bodies arrive as bytes; invalid UTF-8 becomes U+FFFD, as in Go's reading of it. */
export function decodeUtf8(bytes: Uint8Array): string {
  decoder ??= new TextDecoder();
  return decoder.decode(bytes);
}
