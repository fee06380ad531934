import { describe, expect, it } from 'vitest';
import { APP_ID_MAX_LENGTH, checkAppId, generateAppId, isValidAppId } from './appId.js';

describe('checkAppId', () => {
  it('accepts letters, digits and underscore up to 48 characters', () => {
    expect(checkAppId('appid_0123456789abcdef0123456789abcdef')).toEqual({ ok: true });
    expect(isValidAppId('A'.repeat(APP_ID_MAX_LENGTH))).toBe(true);
  });

  it('rejects an empty id', () => {
    expect(checkAppId('')).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('rejects 49 characters and says how many it got', () => {
    const check = checkAppId('a'.repeat(49));
    expect(check).toMatchObject({ ok: false, problem: 'too_long' });
    expect(!check.ok && check.message).toContain('49');
  });

  it.each(['my-app', 'my app', 'app.id', 'appé', 'a/b', "a'b"])(
    'rejects %j and names the character',
    (id) => {
      const check = checkAppId(id);
      expect(check).toMatchObject({ ok: false, problem: 'bad_characters' });
      expect(!check.ok && check.message).toMatch(/found "/);
    },
  );

  it('generates ids in the console style that pass the rule', () => {
    const id = generateAppId(() => 'f'.repeat(32));
    expect(id).toBe(`appid_${'f'.repeat(32)}`);
    expect(isValidAppId(id)).toBe(true);
  });
});
