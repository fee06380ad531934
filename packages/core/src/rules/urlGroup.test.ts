import { describe, expect, it } from 'vitest';
import { pathGroup, statusGroup } from './urlGroup.js';

describe('pathGroup', () => {
  it.each([
    ['/api/v1/tag/list', '/api/?/tag/list'],
    ['/users/42/orders/', '/users/?/orders'],
    ['/', '/'],
    ['', '/'],
    ['/checkout', '/checkout'],
    ['/item/abc-123-def', '/item/?'],
  ])('%j groups to %j', (path, group) => {
    expect(pathGroup(path)).toBe(group);
  });
});

describe('statusGroup', () => {
  it.each([
    [200, '2xx'],
    [404, '4xx'],
    ['503', '5xx'],
    [0, undefined],
    [99, undefined],
    [600, undefined],
    ['abc', undefined],
  ])('%j is in group %j', (status, group) => {
    expect(statusGroup(status)).toBe(group);
  });
});
