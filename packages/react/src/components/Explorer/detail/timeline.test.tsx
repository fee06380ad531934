import type { EventRecord, SessionDetail } from '@rumkit/core';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import { timeFormats } from '../timeFormat.js';
import { displayValue, groupAttributes } from './attributeModel.js';
import { SessionTimeline } from './SessionTimeline.js';
import { buildTimeline } from './timeline.js';

const T = Date.UTC(2026, 10, 20, 14, 5, 0);
const at = (s: number, fields: Record<string, unknown>) =>
  ({ time: T + s * 1000, ...fields }) as EventRecord;
const events = [
  at(0, { category: 'view', view_id: 'v1', view_path_group: '/' }),
  at(1, { category: 'action', view_id: 'v1', action_id: 'a1', action_name: 'Search' }),
  at(2, { category: 'resource', view_id: 'v1', resource_method: 'GET', resource_url: '/api' }),
  at(3, { category: 'error', view_id: 'gone', error_type: 'Error', error_message: 'late' }),
  at(5, { category: 'view', view_id: 'v2', view_path_group: '/cart' }),
  at(6, { category: 'error', view_id: 'v2', error_id: 'e2', error_message: 'boom' }),
];

describe('session timeline', () => {
  it('puts each event under its view, and events of a view it lacks in their own section', () => {
    const sections = buildTimeline(events, { order: 'asc', all: false });
    expect(sections.map((s) => [s.view?.id ?? null, s.items.map((i) => i.category)])).toEqual([
      ['v1', ['action']],
      [null, ['error']],
      ['v2', ['error']],
    ]);
    const newest = buildTimeline(events, { order: 'desc', all: true });
    expect(newest.map((s) => s.view?.id ?? null)).toEqual(['v2', null, 'v1']);
    expect(newest[2]?.items.map((i) => i.category)).toEqual(['resource', 'action']);
  });

  it('says when the session had more events than it shows, and opens only what has an id', () => {
    const onOpen = vi.fn();
    const detail: SessionDetail = {
      session: { time: T, session_id: 's1' },
      events,
      truncated: true,
    };
    renderKit(<SessionTimeline detail={detail} onOpen={onOpen} />);
    expect(screen.getByText(/more events than a timeline shows/)).toBeTruthy();
    const timeline = screen.getByRole('list', { name: 'Session timeline' });
    expect(within(timeline).getByText('Page not recorded')).toBeTruthy();
    // The error without an error_id is shown, but there is nothing to open.
    expect(within(timeline).queryByRole('button', { name: /late/ })).toBeNull();
    expect(within(timeline).getByText('Error: late')).toBeTruthy();
    fireEvent.click(within(timeline).getByRole('button', { name: /boom/ }));
    expect(onOpen).toHaveBeenCalledWith({ category: 'error', id: 'e2' });
    expect(within(timeline).getByRole('button', { name: /\+5 s/ })).toBeTruthy();
  });
});

describe('attribute model', () => {
  it("lists the record's own fields first, its context after, custom context last", () => {
    const groups = groupAttributes('error', {
      time: T,
      error_message: 'x',
      view_url: 'https://a/',
      session_id: 's',
      browser: 'Chrome',
      country: 'CN',
      app_id: 'shop',
      empty: '',
      custom: { team: 'cart' },
    });
    expect(groups.map((g) => [g.group, g.attributes.map((a) => a.key)])).toEqual([
      ['event', ['time', 'error_message']],
      ['view', ['view_url']],
      ['session', ['session_id']],
      ['device', ['browser']],
      ['geo', ['country']],
      ['app', ['app_id']],
      ['custom', ['team']],
    ]);
  });

  it('reads values in their unit, instants to the millisecond and JSON indented', () => {
    const show = (key: string, value: unknown) =>
      displayValue({ key, value, group: 'event' }, timeFormats('en', 'UTC').instant);
    expect(show('loading_time', 1_234_000_000)).toBe('1.23 s');
    expect(show('time', T + 7_123)).toBe('20 Nov, 14:05:07.123');
    expect(show('view_url_query', '{"q":"shoes"}')).toBe('{\n  "q": "shoes"\n}');
  });
});
