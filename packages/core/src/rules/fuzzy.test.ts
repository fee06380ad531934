import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyMatch } from './fuzzy.js';

const marked = (text: string, ranges: [number, number][]) => {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${text.slice(at, start)}[${text.slice(start, end)}]`;
    at = end;
  }
  return out + text.slice(at);
};

describe('fuzzyMatch', () => {
  it('matches everything with an empty query', () => {
    expect(fuzzyMatch('  ', 'anything')).toEqual({ score: 0, ranges: [] });
  });

  it('finds a substring, ignoring case', () => {
    const match = fuzzyMatch('PERF', 'Web · Performance analysis');
    expect(marked('Web · Performance analysis', match?.ranges ?? [])).toBe(
      'Web · [Perf]ormance analysis',
    );
  });

  it('matches letters in order across words, preferring word starts', () => {
    const text = 'Mobile (Android/iOS) · Error analysis';
    const match = fuzzyMatch('mob err', text);
    expect(match).not.toBeNull();
    expect(marked(text, match?.ranges ?? [])).toBe('[Mob]ile (Android/iOS) · [Err]or analysis');
  });

  it('does not match letters out of order or missing', () => {
    expect(fuzzyMatch('rew', 'Web')).toBeNull();
    expect(fuzzyMatch('webz', 'Web · Overview')).toBeNull();
  });

  it('matches Chinese text', () => {
    expect(fuzzyMatch('错误', 'Web · 错误分析')?.ranges).toEqual([[6, 8]]);
    expect(fuzzyMatch('小分', '小程序 · 性能分析')).not.toBeNull();
  });

  it('ranks a prefix above a later substring, and both above a scattered match', () => {
    const prefix = fuzzyMatch('web', 'Web · Overview')?.score ?? 0;
    const later = fuzzyMatch('web', 'Mobile web view')?.score ?? 0;
    const scattered = fuzzyMatch('web', 'Water Error Bound')?.score ?? 0;
    expect(prefix).toBeGreaterThan(later);
    expect(later).toBeGreaterThan(scattered);
    expect(scattered).toBeGreaterThan(0);
  });
});

describe('fuzzyFilter', () => {
  const items = [
    { id: 'rum.web.overview', en: 'Web · Overview', zh: 'Web · 概览' },
    { id: 'rum.web.error', en: 'Web · Error analysis', zh: 'Web · 错误分析' },
    { id: 'rum.mobile.error', en: 'Mobile · Error analysis', zh: '移动端 · 错误分析' },
  ];
  const texts = (i: (typeof items)[number]) => [i.en, i.zh, i.id];

  it('keeps matching items, best first, and says which text matched', () => {
    const results = fuzzyFilter(items, 'error', texts);
    expect(results.map((r) => r.item.id)).toEqual(['rum.web.error', 'rum.mobile.error']);
    expect(results[0]?.field).toBe(0);
    expect(fuzzyFilter(items, '概览', texts)[0]).toMatchObject({ field: 1, ranges: [[6, 8]] });
  });

  it('keeps the original order for an empty query', () => {
    expect(fuzzyFilter(items, '', texts).map((r) => r.item.id)).toEqual(items.map((i) => i.id));
  });
});
