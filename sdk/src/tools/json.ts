/** JSON of any value; what cannot be serialised (cycles, BigInt) becomes its String(). */
export function json(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) return text;
  } catch {
    // fall through
  }
  return String(value);
}

/** A shallow copy of a plain object given by the host, or undefined if it is not one. */
export const asContext = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : undefined;
