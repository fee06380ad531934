import { expect, it, vi } from 'vitest';
import { CONTEXT_MAX_KEYS, createContext } from './contexts.js';

it('copies contexts in and out', () => {
  const context = createContext('global');
  const value = { a: 1 };
  context.set(value);
  value.a = 2;
  const got = context.get();
  got.a = 3;
  expect(context.get()).toEqual({ a: 1 });
  context.setProperty('b', 2);
  context.remove('a');
  expect(context.get()).toEqual({ b: 2 });
  context.clear();
  expect(context.get()).toEqual({});
});

it('keeps at most 128 keys and says so', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const context = createContext('global');
  context.set(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, i])));
  expect(Object.keys(context.get())).toHaveLength(CONTEXT_MAX_KEYS);
  expect(warn).toHaveBeenCalled();
  warn.mockRestore();
});

it('refuses what is not an object, with a message', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const context = createContext('user');
  context.set('ann');
  context.set(['ann']);
  expect(context.get()).toEqual({});
  expect(error).toHaveBeenCalledTimes(2);
  error.mockRestore();
});

it('keeps a user’s id, name and email as strings', () => {
  const user = createContext('user');
  user.set({ id: 7, name: null, email: 'a@b.c', tier: 2 });
  expect(user.get()).toEqual({ id: '7', email: 'a@b.c', tier: 2 });
});
