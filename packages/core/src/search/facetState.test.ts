import { describe, expect, it } from 'vitest';
import {
  clearFacet,
  clearFacetRange,
  durationBound,
  excludeFacetValue,
  facetRange,
  facetSelection,
  fitDurationUnit,
  invertFacetValues,
  isFacetValueChecked,
  onlyFacetValue,
  setFacetRange,
  toggleFacetValue,
} from './facetState.js';
import { parseSearch } from './parse.js';
import { printSearch } from './print.js';
import { readNumber } from './units.js';

const q = (text: string) => parseSearch(text);
const edit = (text: string, change: (f: ReturnType<typeof parseSearch>) => unknown) =>
  printSearch(change(q(text)) as ReturnType<typeof parseSearch>);

describe('facetSelection', () => {
  it('ticks every value when the search says nothing of the key', () => {
    const selection = facetSelection(q('browser:Chrome "time out"'), 'env');
    expect(selection).toEqual({ include: null, exclude: [], other: [] });
    expect(isFacetValueChecked(selection, 'anything')).toBe(true);
  });

  it('ticks only the values a key is restricted to', () => {
    const selection = facetSelection(q('env:prod browser:(Chrome OR Safari)'), 'browser');
    expect(selection.include).toEqual(['Chrome', 'Safari']);
    expect(isFacetValueChecked(selection, 'Chrome')).toBe(true);
    expect(isFacetValueChecked(selection, 'Firefox')).toBe(false);
  });

  it('unticks excluded values, single or grouped', () => {
    const selection = facetSelection(q('-browser:Edge -browser:(IE OR Opera)'), 'browser');
    expect(selection.exclude).toEqual(['Edge', 'IE', 'Opera']);
    expect(isFacetValueChecked(selection, 'Opera')).toBe(false);
    expect(isFacetValueChecked(selection, 'Chrome')).toBe(true);
  });

  it('keeps only the common values of two restrictions, and matches numbers as numbers', () => {
    const selection = facetSelection(
      q('resource_status:(200 OR 404) resource_status:404'),
      'resource_status',
    );
    expect(selection.include).toEqual(['404']);
    expect(isFacetValueChecked(selection, 404)).toBe(true);
    expect(isFacetValueChecked(selection, 200)).toBe(false);
  });

  it('lists wildcards and comparisons as other conditions, and ignores nested ones', () => {
    const selection = facetSelection(
      q('view_url:https://shop* (browser:Edge OR env:x)'),
      'view_url',
    );
    expect(selection).toEqual({ include: null, exclude: [], other: ['view_url:https://shop*'] });
    expect(facetSelection(q('browser:Edge OR env:x'), 'browser').include).toBeNull();
  });
});

describe('facet value edits', () => {
  it('excludes a value with its checkbox, and takes the exclusion back', () => {
    expect(edit('env:prod', (f) => toggleFacetValue(f, 'browser', 'Edge'))).toBe(
      'env:prod -browser:Edge',
    );
    expect(
      edit('-browser:Edge env:prod -browser:IE', (f) => toggleFacetValue(f, 'browser', 'Edge')),
    ).toBe('-browser:IE env:prod');
  });

  it('adds a value to a restriction and takes it out, the last one lifting it', () => {
    expect(edit('browser:Chrome env:prod', (f) => toggleFacetValue(f, 'browser', 'Safari'))).toBe(
      'browser:(Chrome OR Safari) env:prod',
    );
    expect(
      edit('browser:(Chrome OR Safari)', (f) => toggleFacetValue(f, 'browser', 'Chrome')),
    ).toBe('browser:Safari');
    expect(edit('env:prod browser:Safari', (f) => toggleFacetValue(f, 'browser', 'Safari'))).toBe(
      'env:prod',
    );
  });

  it('"only this" replaces every other condition on the key', () => {
    expect(
      edit('-browser:Edge env:prod browser:Chrome* browser:(A OR B)', (f) =>
        onlyFacetValue(f, 'browser', 'Safari'),
      ),
    ).toBe('env:prod browser:Safari');
    expect(edit('', (f) => onlyFacetValue(f, 'resource_status', 404))).toBe('resource_status:404');
  });

  it('quotes values that need it and keeps the empty value', () => {
    expect(edit('', (f) => onlyFacetValue(f, 'action_name', 'Add to cart'))).toBe(
      'action_name:"Add to cart"',
    );
    expect(edit('', (f) => toggleFacetValue(f, 'env', ''))).toBe('-env:""');
    expect(isFacetValueChecked(facetSelection(q('-env:""'), 'env'), '')).toBe(false);
  });

  it('excludes a value, turning a one-value restriction into an exclusion', () => {
    expect(edit('env:prod', (f) => excludeFacetValue(f, 'browser', 'Edge'))).toBe(
      'env:prod -browser:Edge',
    );
    expect(edit('browser:(Chrome OR Edge)', (f) => excludeFacetValue(f, 'browser', 'Edge'))).toBe(
      'browser:Chrome',
    );
    expect(edit('browser:Edge', (f) => excludeFacetValue(f, 'browser', 'Edge'))).toBe(
      '-browser:Edge',
    );
    expect(edit('-browser:Edge', (f) => excludeFacetValue(f, 'browser', 'Edge'))).toBe(
      '-browser:Edge',
    );
  });

  it('inverts a selection both ways and clears a key', () => {
    expect(edit('browser:(Chrome OR Edge) env:x', (f) => invertFacetValues(f, 'browser'))).toBe(
      '-browser:Chrome -browser:Edge env:x',
    );
    expect(edit('-browser:Chrome -browser:Edge', (f) => invertFacetValues(f, 'browser'))).toBe(
      'browser:(Chrome OR Edge)',
    );
    expect(edit('browser:x -browser:y env:z', (f) => clearFacet(f, 'browser'))).toBe('env:z');
  });
});

describe('facet ranges', () => {
  it('reads a range or comparisons on a key', () => {
    const range = facetRange(q('duration:[100ms TO 2.5s] env:x'), 'duration');
    expect(range?.from).toMatchObject({ text: '100ms', number: 100_000_000, unit: 'ms' });
    expect(range?.to).toMatchObject({ text: '2.5s', number: 2_500_000_000 });
    expect(facetRange(q('duration:>=1s'), 'duration')).toMatchObject({
      from: { number: 1e9 },
      to: null,
    });
    expect(facetRange(q('env:x duration:*'), 'duration')).toBeNull();
  });

  it('sets one range in place of every range and comparison on the key', () => {
    expect(
      edit('duration:>1s env:x duration:<5s', (f) => setFacetRange(f, 'duration', '100ms', '2.5s')),
    ).toBe('duration:[100ms TO 2.5s] env:x');
    expect(edit('env:x', (f) => setFacetRange(f, 'duration', '120µs', null))).toBe(
      'env:x duration:>=120µs',
    );
    expect(edit('env:x', (f) => setFacetRange(f, 'cumulative_layout_shift', null, '0.1'))).toBe(
      'env:x cumulative_layout_shift:<=0.1',
    );
    expect(edit('duration:[1s TO 2s] env:x', (f) => clearFacetRange(f, 'duration'))).toBe('env:x');
  });

  it('writes bounds the parser reads back to the same ns', () => {
    expect(fitDurationUnit(0)).toBe('ns');
    expect(fitDurationUnit(850)).toBe('ns');
    expect(fitDurationUnit(12_400)).toBe('µs');
    expect(fitDurationUnit(340e6)).toBe('ms');
    expect(fitDurationUnit(2.35e9)).toBe('s');
    expect(fitDurationUnit(200e9)).toBe('min');
    expect(durationBound(2_500_000_000, 's')).toBe('2.5s');
    expect(durationBound(123_456_789, 'ms')).toBe('123.457ms');
    expect(durationBound(90e9, 'min')).toBe('1.5min');
    for (const bound of ['2.5s', '123.457ms', '1.5min', '120µs', '7ns']) {
      const reading = readNumber('duration', bound);
      expect(reading.ok).toBe(true);
    }
    expect(readNumber('duration', durationBound(1.5e9, 's'))).toMatchObject({
      ok: true,
      value: { number: 1.5e9 },
    });
  });
});
