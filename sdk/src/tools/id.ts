/** `bytes` random bytes as lowercase hex. */
export function randomHex(bytes: number): string {
  let hex = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(bytes)))
    hex += (byte | 256).toString(16).slice(1);
  return hex;
}

/** A random UUID (v4 layout), also outside secure contexts, where randomUUID is missing. */
export const uuid = (): string =>
  randomHex(16).replace(/(.{8})(.{4}).(.{3}).(.{3})/, (_, a, b, c, d) => `${a}-${b}-4${c}-a${d}-`);
