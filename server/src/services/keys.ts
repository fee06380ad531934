import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret: `rk_` and 32 random bytes, base64url. */
export function newSecret(prefix = 'rk'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares in constant time, so response times do not leak how much of a key matched. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(hashSecret(a), 'hex');
  const y = Buffer.from(hashSecret(b), 'hex');
  return timingSafeEqual(x, y);
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString('hex')}`;
}
