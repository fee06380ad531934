import { describe, expect, it } from 'vitest';
import { clusterBunches, clusterErrors } from './errorClusters.js';

const T = Date.UTC(2026, 10, 20, 10);
// Newest first, as a store's search returns them.
const errors = [
  { time: T + 5000, error_message: 'Timeout after 5000 ms', error_source: 'network', custom: {} },
  {
    time: T + 3000,
    error_message: "Cannot read properties of undefined (reading 'price')",
    error_source: 'source',
    custom: { team: 'cart' },
  },
  { time: T + 1000, error_message: 'Timeout after 300 ms', error_source: 'network', custom: {} },
];

describe('clusterErrors', () => {
  it('groups messages that differ only in their values, largest cluster first', () => {
    const clusters = clusterErrors(errors, undefined, 50);
    expect(clusters.map((c) => [c.pattern, c.count])).toEqual([
      ['Timeout after <n> ms', 2],
      ["Cannot read properties of undefined (reading '<str>')", 1],
    ]);
    expect(clusters[0]).toMatchObject({
      group: null,
      first_seen: T + 1000,
      last_seen: T + 5000,
      sample: errors[0],
    });
  });

  it('groups by chosen fields, reading custom context for fields a record lacks', () => {
    const clusters = clusterErrors(errors, ['error_source', 'team'], 50);
    expect(clusters.map((c) => [c.pattern, c.count, c.group])).toEqual([
      ['network · ∅', 2, { error_source: 'network', team: null }],
      ['source · cart', 1, { error_source: 'source', team: 'cart' }],
    ]);
  });

  it('breaks ties by the latest error and keeps at most the limit', () => {
    const clusters = clusterErrors(errors.slice(0, 2), undefined, 1);
    expect(clusters.map((c) => c.pattern)).toEqual(['Timeout after <n> ms']);
  });
});

describe('clusterBunches', () => {
  it('gives the clusters of the errors its bunches hold, counts and times included', () => {
    const same = [
      ...errors,
      {
        time: T + 500,
        error_message: 'Timeout after 5000 ms',
        error_source: 'network',
        custom: {},
      },
    ];
    // Bunched by exact message, newest first, as a store groups them.
    const bunches = [
      { sample: same[0] as (typeof same)[0], count: 2, first_seen: T + 500, last_seen: T + 5000 },
      { sample: same[1] as (typeof same)[0], count: 1, first_seen: T + 3000, last_seen: T + 3000 },
      { sample: same[2] as (typeof same)[0], count: 1, first_seen: T + 1000, last_seen: T + 1000 },
    ];
    expect(clusterBunches(bunches, undefined, 50)).toEqual(clusterErrors(same, undefined, 50));
    expect(clusterBunches(bunches, undefined, 50)[0]).toMatchObject({
      pattern: 'Timeout after <n> ms',
      count: 3,
      first_seen: T + 500,
      last_seen: T + 5000,
      sample: same[0],
    });
  });
});
