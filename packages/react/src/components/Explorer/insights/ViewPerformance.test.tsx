import type { EventRecord, ViewDetail } from '@rumkit/core';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { explorerBackend } from '../../../../../../test/mocks/events.js';
import { fixtureScope } from '../../../../../../test/mocks/explorer.js';
import { T0 } from '../../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import { ViewPerformance } from './ViewPerformance.js';

const signal = () => ({ signal: new AbortController().signal });

/** The fixture's view with the most resources, with everything the waterfall draws. */
async function busiestView(): Promise<ViewDetail> {
  const backend = explorerBackend();
  const { rows } = await backend.searchEvents(
    {
      ...fixtureScope('view', 'view_long_task_count:>0 view_action_count:>0'),
      sort: { field: 'view_resource_count', order: 'desc' },
      limit: 1,
    },
    signal(),
  );
  return backend.getView({ view_id: String(rows[0]?.view_id) }, signal());
}

const list = () =>
  screen.getByRole('list', { name: 'Events of the view on a time axis from its start' });
// Counted by the DOM: role queries over hundreds of rows are slow in happy-dom.
const rows = () => [...list().children];
const vital = (name: string) => document.querySelector(`[data-vital="${name}"]`) as HTMLElement;

// happy-dom takes seconds for what a browser draws in milliseconds, so "all" is 121 rows here.
const REQUESTS = 120;

/** A view of many requests (plus an error), one every 10 ms, each with its id. */
function bigView(): ViewDetail {
  const view = {
    time: T0,
    view_id: 'v-big',
    loading_time: 3_000e6,
    largest_contentful_paint: 2_000e6,
  };
  const resources: EventRecord[] = Array.from({ length: REQUESTS }, (_, i) => ({
    time: T0 + i * 10,
    resource_id: `r-${i}`,
    resource_url: `https://api.x.test/items/${i}`,
    resource_method: 'GET',
    resource_type: 'fetch',
    duration: 40e6,
    resource_ttfb: 30e6,
    resource_trans: 10e6,
  }));
  const errors = [{ time: T0 + 1_500, error_id: 'e-1', error_message: 'Boom <b>bold</b>' }];
  // A long task sent without an id: drawn, but it cannot be opened.
  const long_tasks = [{ time: T0 + 900, duration: 120e6 }];
  return { view, resources, errors, actions: [], long_tasks };
}

// Generous: the fixture's traffic is generated per test, and happy-dom draws slowly.
describe('ViewPerformance', { timeout: 20_000 }, () => {
  it("rates the view's vitals against their thresholds, in words and with the marks", () => {
    const view = {
      time: T0,
      largest_contentful_paint: 4_200e6,
      interaction_to_next_paint: 200e6,
      cumulative_layout_shift: 0.12,
      first_contentful_paint: 1_900e6,
      first_byte: '800000000',
      loading_time: 3_100e6,
      dom_complete: 2_050e6,
    };
    renderKit(
      <ViewPerformance
        detail={{ view, resources: [], errors: [], actions: [], long_tasks: [] }}
        onOpen={vi.fn()}
      />,
    );
    expect(within(vital('LCP')).getByText('Poor')).toBeTruthy();
    expect(within(vital('LCP')).getByText('4.2 s')).toBeTruthy();
    expect(within(vital('LCP')).getByText('Good ≤ 2.5 s · poor > 4 s')).toBeTruthy();
    // At the good mark is still good; CLS is unitless.
    expect(within(vital('INP')).getByText('Good')).toBeTruthy();
    expect(within(vital('TTFB')).getByText('Good')).toBeTruthy();
    expect(within(vital('CLS')).getByText('Needs improvement')).toBeTruthy();
    expect(within(vital('CLS')).getByText('0.12')).toBeTruthy();
    expect(within(vital('FCP')).getByText('Needs improvement')).toBeTruthy();
    // FID was not sent, so it is not shown.
    expect(vital('FID')).toBeNull();
    expect(
      within(vital('LCP')).getByRole('img', {
        name: 'LCP 4.2 s on a scale where up to 2.5 s is good and over 4 s is poor',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Page load' })).toBeTruthy();
    expect(screen.getByText('Loading time').nextSibling?.textContent).toBe('3.1 s');
    expect(screen.getByText('DOM complete').nextSibling?.textContent).toBe('2.05 s');
  });

  it("draws a row for each of the view's resources, long tasks and actions, and filters them", async () => {
    const detail = await busiestView();
    const total =
      detail.resources.length +
      detail.long_tasks.length +
      detail.actions.length +
      detail.errors.length;
    renderKit(<ViewPerformance detail={detail} onOpen={vi.fn()} />);
    expect(rows()).toHaveLength(total);
    expect(screen.getByText(`Showing ${total} of ${total} events`)).toBeTruthy();
    expect(within(list()).getAllByText('Long task')).toHaveLength(detail.long_tasks.length);
    const first = detail.resources[0] as EventRecord;
    const path = new URL(String(first.resource_url)).pathname;
    expect(within(list()).getAllByText(`GET ${path}`).length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('checkbox', { name: /Resources/ }));
    expect(rows()).toHaveLength(total - detail.resources.length);
    fireEvent.click(screen.getByRole('checkbox', { name: /Actions/ }));
    expect(rows()).toHaveLength(detail.long_tasks.length + detail.errors.length);
    fireEvent.click(screen.getByRole('checkbox', { name: /Resources/ }));

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter events' }), {
      target: { value: 'googletagmanager' },
    });
    const tags = detail.resources.filter((r) =>
      String(r.resource_url).includes('googletagmanager'),
    );
    expect(tags.length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(rows()).toHaveLength(tags.length));

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter events' }), {
      target: { value: 'no such thing' },
    });
    expect(await screen.findByText('No events match these filters.')).toBeTruthy();
  });

  it('opens an action from its row', async () => {
    const detail = await busiestView();
    const onOpen = vi.fn();
    renderKit(<ViewPerformance detail={detail} onOpen={onOpen} />);
    const action = detail.actions[0] as EventRecord;
    const row = within(list()).getAllByRole('button', {
      name: new RegExp(`^Action: ${action.action_name}`),
    })[0] as HTMLElement;
    fireEvent.click(row);
    expect(onOpen).toHaveBeenCalledWith({ category: 'action', id: expect.any(String) });
    expect(detail.actions.map((a) => a.action_id)).toContain(onOpen.mock.calls[0]?.[0].id);
  });

  it('shows the last 50 of a view with hundreds of requests, and 100, 200 or all on request', {
    timeout: 15_000,
  }, () => {
    const onOpen = vi.fn();
    renderKit(<ViewPerformance detail={bigView()} onOpen={onOpen} />);
    expect(rows()).toHaveLength(50);
    expect(screen.getByText(`Showing 50 of ${REQUESTS + 2} events`)).toBeTruthy();
    // The last ones: the newest request is there, the first is not.
    expect(within(list()).getByText(`GET /items/${REQUESTS - 1}`)).toBeTruthy();
    expect(within(list()).queryByText('GET /items/0')).toBeNull();
    const show = screen.getByRole('combobox', { name: 'Show' });
    fireEvent.change(show, { target: { value: '100' } });
    expect(rows()).toHaveLength(100);
    fireEvent.change(show, { target: { value: 'all' } });
    expect(rows()).toHaveLength(REQUESTS + 2);

    // By label: role queries over hundreds of buttons are slow in happy-dom.
    const request = within(list()).getByLabelText('Resource: GET /items/0, at 0 ns, lasting 40 ms');
    expect(request.tagName).toBe('BUTTON');
    fireEvent.click(request);
    expect(onOpen).toHaveBeenLastCalledWith({ category: 'resource', id: 'r-0' });
    // An error is text, never markup, and opens as an error.
    const error = within(list()).getByLabelText('Error: Boom <b>bold</b>, at 1.5 s');
    expect(error.querySelector('b')).toBeNull();
    fireEvent.click(error);
    expect(onOpen).toHaveBeenLastCalledWith({ category: 'error', id: 'e-1' });
    const longTask = within(list()).getByLabelText(
      'Long task: Long task, at 900 ms, lasting 120 ms. Sent without an id, so it cannot be opened',
    );
    expect(longTask.tagName).not.toBe('BUTTON');
  });

  it('marks LCP and the loading time on the axis, and splits requests into their phases', () => {
    renderKit(<ViewPerformance detail={bigView()} onOpen={vi.fn()} />);
    expect(screen.getByText('LCP at 2 s')).toBeTruthy();
    expect(screen.getByText('Loaded at 3 s')).toBeTruthy();
    const row = within(list()).getByLabelText(/GET \/items\/119,/);
    expect(row.getAttribute('title')).toBe(
      'https://api.x.test/items/119\nWaiting (TTFB) 30 ms · Download 10 ms',
    );
    expect(
      [...row.querySelectorAll('[data-phase]')].map((p) => p.getAttribute('data-phase')),
    ).toEqual(['ttfb', 'trans']);
  });

  it('moves between rows with the arrow keys, one tab stop for the list', () => {
    renderKit(<ViewPerformance detail={bigView()} onOpen={vi.fn()} />);
    const buttons = within(list()).getAllByRole('button');
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    (buttons[0] as HTMLElement).focus();
    fireEvent.keyDown(buttons[0] as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1] as HTMLElement, { key: 'End' });
    expect(document.activeElement).toBe(buttons[buttons.length - 1]);
  });

  it('says so when a view has no events', () => {
    renderKit(
      <ViewPerformance
        detail={{ view: { time: T0 }, resources: [], errors: [], actions: [], long_tasks: [] }}
        onOpen={vi.fn()}
      />,
    );
    expect(
      screen.getByText('This view has no resources, long tasks, errors or actions.'),
    ).toBeTruthy();
    expect(screen.getByText('This view has no Web Vitals.')).toBeTruthy();
  });
});
