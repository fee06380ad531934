import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Metric } from 'web-vitals';
import { startVitals } from './vitals.js';

const callbacks: Record<string, (metric: Metric) => void> = {};
const options: Record<string, unknown> = {};
vi.mock('web-vitals', () => {
  const register = (name: string) => (callback: (metric: Metric) => void, opts: unknown) => {
    callbacks[name] = callback;
    options[name] = opts;
  };
  return {
    onCLS: register('CLS'),
    onFCP: register('FCP'),
    onINP: register('INP'),
    onLCP: register('LCP'),
    onTTFB: register('TTFB'),
  };
});

describe('web vitals', () => {
  const seen: { name: string; fields: Record<string, unknown> }[] = [];
  beforeEach(() => {
    seen.length = 0;
    document.body.innerHTML =
      '<main id="app"><img class="hero"><button class="buy">Buy</button><p>text</p></main>';
    startVitals((metric, fields) => seen.push({ name: metric.name, fields: fields(1000) }));
  });
  const report = (name: string, value: number, entries: object[] = [], extra: object = {}) =>
    callbacks[name]?.({
      name,
      value,
      entries,
      navigationType: 'navigate',
      ...extra,
    } as unknown as Metric);
  const $ = (selector: string) => document.querySelector(selector);

  it('asks web-vitals for every change and for soft navigations', () => {
    expect(Object.keys(options).sort()).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
    for (const opts of Object.values(options))
      expect(opts).toEqual({ reportAllChanges: true, reportSoftNavs: true });
  });

  it('turns LCP, FCP and TTFB into ns, with the LCP element’s selector', () => {
    report('LCP', 1234.5, [{ element: $('p') }, { element: $('img') }]);
    report('FCP', 800);
    report('TTFB', 120);
    report('TTFB', 0, [], { navigationType: 'soft-navigation' });
    expect(seen.map((s) => s.fields)).toEqual([
      {
        largestContentfulPaint: 1_234_500_000,
        largestContentfulPaintElementSelector: 'main#app>img.hero',
      },
      { firstContentfulPaint: 800_000_000 },
      { firstByte: 120_000_000 },
      {},
    ]);
  });

  it('gives CLS unitless, with the time (ms from view start) and target of its largest shift', () => {
    report('CLS', 0.123456, [
      { value: 0.02, startTime: 1500, sources: [{ node: $('p') }] },
      { value: 0.1, startTime: 2600, sources: [{ node: null }, { node: $('button') }] },
    ]);
    expect(seen[0]?.fields).toEqual({
      cumulativeLayoutShift: 0.1235,
      cumulativeLayoutShiftTime: 1600,
      cumulativeLayoutShiftTargetSelector: 'main#app>button.buy',
    });
  });

  it('gives INP in ns with its target, or the browser’s own selector when the node is gone', () => {
    report('INP', 232, [{ target: $('button') }]);
    report('INP', 300, [{ target: null, targetSelector: 'DIV.gone' }]);
    expect(seen.map((s) => s.fields)).toEqual([
      {
        interactionToNextPaint: 232_000_000,
        interactionToNextPaintTargetSelector: 'main#app>button.buy',
      },
      { interactionToNextPaint: 300_000_000, interactionToNextPaintTargetSelector: 'DIV.gone' },
    ]);
  });
});
