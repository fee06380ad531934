/** `bytes` random bytes as lowercase hex, from the browser's CSPRNG (trace and span ids). */
export function randomHex(bytes: number): string {
  let hex = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(bytes)))
    hex += (byte | 256).toString(16).slice(1);
  return hex;
}

/** 8 random hex digits. */
const hex8 = () => ((Math.random() * 2 ** 32) >>> 0).toString(16).padStart(8, '0');

/**
 * A random UUID (v4 layout). Event, view and session ids are not secrets: Math.random serves,
 * and costs less than crypto's first call while the page loads.
 */
export const uuid = (): string => {
  const hex = hex8() + hex8() + hex8() + hex8();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
};
