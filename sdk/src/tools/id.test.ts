import { expect, it } from 'vitest';
import { randomHex, uuid } from './id.js';

it('makes v4 UUIDs and hex ids of the asked length', () => {
  const ids = new Set(Array.from({ length: 100 }, uuid));
  expect(ids.size).toBe(100);
  for (const id of ids)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(randomHex(8)).toMatch(/^[0-9a-f]{16}$/);
});
