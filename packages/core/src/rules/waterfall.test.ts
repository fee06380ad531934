import { describe, expect, it } from 'vitest';
import { lastItems, resourcePhases, waterfallExtent, waterfallItems } from './waterfall.js';

const T = 1_800_000_000_000;
const MS = 1e6;

describe('waterfallItems', () => {
  it('puts every event of a view on one axis from its start, by start', () => {
    const items = waterfallItems({
      view: { time: T, view_id: 'v' },
      resources: [{ time: T + 200, resource_id: 'r1', duration: 300 * MS }],
      long_tasks: [{ time: T + 50, duration: 80 * MS }],
      actions: [{ time: T + 200, action_id: 'a1', duration: 0 }],
      errors: [{ time: T + 900, error_id: 'e1', duration: 5 * MS }],
    });
    expect(items.map((i) => [i.kind, i.id, i.start, i.duration])).toEqual([
      ['long_task', null, 50, 80],
      ['resource', 'r1', 200, 300],
      ['action', 'a1', 200, 0],
      // An error is an instant, whatever else it carries.
      ['error', 'e1', 900, 0],
    ]);
  });

  it('starts an event sent before its view at the view', () => {
    const [item] = waterfallItems({
      view: { time: T },
      resources: [{ time: T - 40, duration: '1000000' }],
      long_tasks: [],
      actions: [],
      errors: [],
    });
    expect(item).toMatchObject({ start: 0, duration: 1 });
  });
});

describe('resourcePhases', () => {
  it('lays the phases back from the end of the request, the TLS handshake out of the connect time', () => {
    const phases = resourcePhases(
      {
        time: T,
        resource_dns: 10 * MS,
        resource_tcp: 30 * MS,
        resource_ssl: 20 * MS,
        resource_ttfb: 100 * MS,
        resource_trans: 40 * MS,
      },
      1000,
      200,
    );
    expect(phases).toEqual([
      // 20 ms before the DNS lookup that no phase covers: the request was queued.
      { name: 'dns', start: 1020, duration: 10 },
      { name: 'tcp', start: 1030, duration: 10 },
      { name: 'ssl', start: 1040, duration: 20 },
      { name: 'ttfb', start: 1060, duration: 100 },
      { name: 'trans', start: 1160, duration: 40 },
    ]);
  });

  it('gives none without timing, and cuts timings longer than the request at its start', () => {
    expect(resourcePhases({ time: T, resource_dns: 0 }, 0, 100)).toEqual([]);
    expect(
      resourcePhases({ time: T, resource_ttfb: 80 * MS, resource_trans: 50 * MS }, 0, 100),
    ).toEqual([
      { name: 'ttfb', start: 0, duration: 50 },
      { name: 'trans', start: 50, duration: 50 },
    ]);
  });
});

describe('lastItems and waterfallExtent', () => {
  it('keeps the last items in order, or all', () => {
    const items = [1, 2, 3, 4].map((start) => ({ start }));
    expect(lastItems(items, 2)).toEqual([{ start: 3 }, { start: 4 }]);
    expect(lastItems(items, null)).toHaveLength(4);
    expect(lastItems(items, 50)).toHaveLength(4);
  });

  it('ends the axis at the latest end or mark', () => {
    expect(waterfallExtent([{ start: 10, duration: 5 }], [12])).toBe(15);
    expect(waterfallExtent([{ start: 10, duration: 5 }], [40])).toBe(40);
    expect(waterfallExtent([])).toBe(1);
  });
});
