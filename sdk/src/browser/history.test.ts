import { expect, it } from 'vitest';
import { observeLocation } from './history.js';

it('notices URL changes through the History API and the hash, and can be undone', () => {
  const seen: string[] = [];
  const originalPush = history.pushState;
  const { changes, stop } = observeLocation();
  changes.subscribe((href) => seen.push(new URL(href).pathname + new URL(href).hash));
  history.pushState({}, '', '/products');
  history.replaceState({}, '', '/products?sort=price');
  history.pushState({}, '', '/products?sort=price');
  location.hash = '#/cart';
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  expect(seen).toEqual(['/products', '/products', '/products#/cart']);
  stop();
  expect(history.pushState).toBe(originalPush);
});
