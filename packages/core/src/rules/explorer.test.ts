import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../schema/index.js';
import {
  DEFAULT_COLUMNS,
  DEFAULT_FACETS,
  defaultExplorerState,
  type ExplorerState,
  eventStatus,
  explorerStateFromParams,
  explorerStateToParams,
} from './explorer.js';

describe('explorer defaults', () => {
  it("names only fields of each category's catalogue in its columns and facets", () => {
    for (const [category, columns] of Object.entries(DEFAULT_COLUMNS)) {
      const names = new Set(fieldsOf(category as keyof typeof DEFAULT_COLUMNS).map((f) => f.name));
      for (const field of [
        ...columns,
        ...DEFAULT_FACETS[category as keyof typeof DEFAULT_FACETS],
      ]) {
        expect(names.has(field), `${category}: ${field}`).toBe(true);
      }
    }
  });
});

describe('status marking', () => {
  it('marks a record with errors as a warning and one without as info', () => {
    expect(eventStatus('session', { session_error_count: 2 })).toBe('warning');
    expect(eventStatus('session', { session_error_count: 0 })).toBe('info');
    expect(eventStatus('view', { view_error_count: '1' })).toBe('warning');
    expect(eventStatus('action', { action_error_count: 0 })).toBe('info');
    expect(eventStatus('long_task', {})).toBe('info');
  });

  it('marks a request that failed as a warning, and no error (each would be)', () => {
    expect(eventStatus('error', {})).toBe('info');
    expect(eventStatus('resource', { resource_status: 503 })).toBe('warning');
    expect(eventStatus('resource', { resource_status: 404 })).toBe('warning');
    expect(eventStatus('resource', { resource_status: 200 })).toBe('info');
    expect(eventStatus('resource', {})).toBe('info');
  });
});

describe('explorer state in a URL', () => {
  it('writes only what differs from the defaults', () => {
    expect(explorerStateToParams(defaultExplorerState('view')).toString()).toBe('category=view');
  });

  it('reads back everything it wrote', () => {
    const state: ExplorerState = {
      category: 'error',
      range: { type: 'absolute', from: 1_700_000_000_000, to: 1_700_003_600_000 },
      query: 'service:shop -error_type:"Type Error" OR duration:>1s',
      columns: ['error_message', 'view_url'],
      sort: { field: 'time', order: 'asc' },
      mode: 'analysis',
      analysis: { groupBy: ['browser', 'os'], aggregate: 'p75', field: 'duration', chart: 'pie' },
      detail: { category: 'view', id: 'v:1/2', tab: 'performance' },
    };
    const params = new URLSearchParams(explorerStateToParams(state).toString());
    expect(explorerStateFromParams(params)).toEqual(state);
  });

  it('falls back to defaults for anything unreadable, so an old link still opens', () => {
    const state = explorerStateFromParams(
      new URLSearchParams(
        'category=nope&range=soon&mode=x&measure=p75&chart=bars&detail=bogus:1&sort=time',
      ),
      'view',
    );
    expect(state).toEqual(defaultExplorerState('view'));
  });
});
