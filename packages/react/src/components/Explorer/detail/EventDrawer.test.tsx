import type { ExplorerCategory, ExplorerDetail, Point } from '@rumkit/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  explorerServerForFile,
  FIXTURE_RANGE,
  fixtureScope,
} from '../../../../../../test/mocks/explorer.js';
import { failingHandlers, loadingHandlers, T0 } from '../../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import { EventDrawer, type EventDrawerProps } from './EventDrawer.js';

// A session with a replay, added to the shop's traffic: two views, an action with custom
// context, and an error, a resource and a long task that carry their ids (the demo traffic,
// like Guance's web SDK 3.x, sends none for those three).
const S = T0 - 30 * 60_000;
const base = { app_id: 'acme_web', session_id: 's-replay', env: 'production', browser: 'Firefox' };
const replaySession: Point[] = [
  {
    measurement: 'view',
    tags: { ...base, view_id: 'v-home', view_path: '/', view_url: 'https://shop.example.com/' },
    fields: {
      loading_time: 1_200_000_000,
      time_spent: 9e9,
      session_has_replay: true,
      view_error_count: 1,
    },
    time: S,
  },
  {
    measurement: 'action',
    tags: { ...base, view_id: 'v-home', action_id: 'a-1', action_type: 'click' },
    fields: { action_name: 'Add to cart', duration: 300_000_000, cart_size: 3, campaign: 'spring' },
    time: S + 2_000,
  },
  {
    measurement: 'error',
    tags: {
      ...base,
      view_id: 'v-home',
      action_id: 'a-1',
      error_id: 'err-1',
      error_type: 'TypeError',
      error_source: 'source',
    },
    fields: { error_message: 'cart is undefined', error_stack: 'TypeError: cart is undefined' },
    time: S + 2_100,
  },
  {
    measurement: 'view',
    tags: {
      ...base,
      view_id: 'v-cart',
      view_path: '/cart',
      view_url: 'https://shop.example.com/cart',
    },
    fields: { loading_time: 400_000_000, time_spent: 5e9, session_has_replay: true },
    time: S + 10_000,
  },
  {
    measurement: 'resource',
    tags: {
      ...base,
      view_id: 'v-cart',
      resource_id: 'res-1',
      resource_method: 'POST',
      resource_type: 'fetch',
      resource_status: '201',
    },
    fields: {
      resource_url: 'https://api.shop.example.com/cart',
      duration: 250_000_000,
      resource_dns: 10_000_000,
      resource_tcp: 30_000_000,
      resource_ssl: 20_000_000,
      resource_ttfb: 180_000_000,
      resource_trans: 30_000_000,
    },
    time: S + 10_500,
  },
  {
    measurement: 'long_task',
    tags: { ...base, view_id: 'v-cart', long_task_id: 'lt-1' },
    fields: { duration: 120_000_000 },
    time: S + 11_000,
  },
];

const { server, serve } = explorerServerForFile({ extra: replaySession });

function callbacks() {
  return {
    onClose: vi.fn(),
    onDetailChange: vi.fn(),
    onFilter: vi.fn(),
    onAddColumn: vi.fn(),
    onPlayReplay: vi.fn(),
  };
}

function open(
  category: ExplorerCategory,
  id: string,
  extra: Partial<EventDrawerProps> & { tab?: string } = {},
) {
  const { tab, ...props } = extra;
  const handlers = { ...callbacks(), ...props };
  const detail: ExplorerDetail = { category, id, ...(tab ? { tab } : {}) };
  const result = renderKit(<EventDrawer detail={detail} {...FIXTURE_RANGE} {...handlers} />);
  return { ...result, ...handlers };
}

const drawer = () => screen.getByRole('complementary');
const drawerState = () => drawer().getAttribute('data-state');
const ready = () => waitFor(() => expect(drawerState()).toBe('ready'));

async function pickSession(backend: ReturnType<typeof serve>) {
  const { rows } = await backend.searchEvents(
    { ...fixtureScope('session', 'session_view_count:>=3'), limit: 1 },
    {},
  );
  return String(rows[0]?.session_id);
}

afterEach(() => vi.restoreAllMocks());

/** A list with one row that opens the drawer, as the explorer's table does. */
function Host() {
  const [detail, setDetail] = useState<ExplorerDetail | null>(null);
  return (
    <>
      <button type="button" onClick={() => setDetail({ category: 'action', id: 'a-1' })}>
        Row a-1
      </button>
      {detail ? (
        <EventDrawer
          detail={detail}
          {...FIXTURE_RANGE}
          {...callbacks()}
          onClose={() => setDetail(null)}
        />
      ) : null}
    </>
  );
}

describe('EventDrawer', () => {
  it("shows a session's views in time order, and a click on a view opens it", async () => {
    const backend = serve();
    const id = await pickSession(backend);
    const { session, events } = await backend.getSession({ session_id: id }, {});
    const views = events.filter((e) => e.category === 'view');
    const { onDetailChange } = open('session', id);

    expect(await screen.findByRole('heading', { level: 2, name: /^Session: / })).toBeTruthy();
    const timeline = await screen.findByRole('list', { name: 'Session timeline' });
    const headers = [...timeline.querySelectorAll('.rk-timeline-view')];
    expect(headers.map((h) => h.getAttribute('data-category'))).toEqual(views.map(() => 'view'));
    expect(headers[0]?.textContent).toContain(String(views[0]?.view_path_group));
    expect(headers[0]?.textContent).toContain('+0 ms');
    expect(drawerState()).toBe('ready');
    expect(session.session_id).toBe(id);

    fireEvent.click(screen.getByRole('button', { name: 'Newest first' }));
    const reversed = [...timeline.querySelectorAll('.rk-timeline-view')];
    expect(reversed[0]?.textContent).toContain(String(views.at(-1)?.view_path_group));

    fireEvent.click(reversed[0] as HTMLElement);
    expect(onDetailChange).toHaveBeenCalledWith({ category: 'view', id: views.at(-1)?.view_id });
  });

  it('nests actions and errors under their view, hides resources until asked, and opens them', async () => {
    serve();
    const { onDetailChange } = open('session', 's-replay');
    const timeline = await screen.findByRole('list', { name: 'Session timeline' });
    const sections = within(timeline)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === timeline);
    expect(sections).toHaveLength(2);
    expect(sections[0]?.textContent).toContain('Add to cart');
    expect(sections[0]?.textContent).toContain('TypeError: cart is undefined');
    expect(sections[0]?.textContent).toContain('1 error');
    expect(timeline.textContent).not.toContain('POST https://api.shop.example.com/cart');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Show resources and long tasks (2)' }));
    expect(sections[1]?.textContent).toContain('POST https://api.shop.example.com/cart');
    fireEvent.click(within(timeline).getByRole('button', { name: /TypeError: cart is undefined/ }));
    expect(onDetailChange).toHaveBeenCalledWith({ category: 'error', id: 'err-1' });

    fireEvent.click(screen.getByRole('button', { name: 'Time of day' }));
    expect(sections[0]?.textContent).toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}/);
  });

  it('filters, excludes, adds as column and copies an attribute, custom context by its key', async () => {
    serve();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { onFilter, onAddColumn } = open('action', 'a-1', { tab: 'attributes' });
    await ready();

    const menu = (key: string, item: string) => {
      fireEvent.click(screen.getByRole('button', { name: `Actions for ${key}` }));
      fireEvent.click(screen.getByRole('menuitem', { name: item }));
    };
    menu('action_name', 'Filter by this value');
    expect(onFilter).toHaveBeenLastCalledWith({ key: 'action_name', value: 'Add to cart' });
    menu('browser', 'Exclude this value');
    expect(onFilter).toHaveBeenLastCalledWith({ key: 'browser', value: 'Firefox', negate: true });
    menu('cart_size', 'Filter by this value');
    expect(onFilter).toHaveBeenLastCalledWith({ key: 'cart_size', value: 3 });
    menu('duration', 'Add as a column');
    expect(onAddColumn).toHaveBeenCalledWith('duration');
    menu('campaign', 'Copy the value');
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('spring'));
    await waitFor(() =>
      expect(screen.getByText('The value of campaign was copied to the clipboard')).toBeTruthy(),
    );
    expect(onFilter).toHaveBeenCalledTimes(3);

    // Durations read in their unit; custom context has its own section.
    const custom = screen.getByRole('region', { name: 'Custom context' });
    expect(within(custom).getByText('cart_size')).toBeTruthy();
    expect(screen.getByText('300 ms')).toBeTruthy();
  });

  it('finds attributes by name or value', async () => {
    serve();
    open('action', 'a-1', { tab: 'attributes' });
    await ready();
    const search = screen.getByRole('searchbox', { name: 'Search fields' });
    fireEvent.change(search, { target: { value: 'firefox' } });
    expect(screen.getByText('browser')).toBeTruthy();
    expect(screen.queryByText('action_name')).toBeNull();
    expect(screen.getByText(/1 of \d+ fields match/)).toBeTruthy();
    fireEvent.change(search, { target: { value: 'nothing-like-this' } });
    expect(screen.getByText('No field matches “nothing-like-this”')).toBeTruthy();
    // Escape clears the search before it would close the drawer.
    fireEvent.keyDown(search, { key: 'Escape' });
    expect((search as HTMLInputElement).value).toBe('');
  });

  it('links an error to its session, view and action, to open, filter and replay', async () => {
    serve();
    const { onDetailChange, onFilter, onPlayReplay } = open('error', 'err-1', {
      tab: 'attributes',
    });
    const source = await screen.findByRole('region', { name: 'Source' });
    fireEvent.click(within(source).getByRole('button', { name: 'Open Session / → /cart' }));
    expect(onDetailChange).toHaveBeenLastCalledWith({ category: 'session', id: 's-replay' });
    fireEvent.click(within(source).getByRole('button', { name: 'Open View /' }));
    expect(onDetailChange).toHaveBeenLastCalledWith({ category: 'view', id: 'v-home' });
    fireEvent.click(within(source).getByRole('button', { name: 'Open Action Add to cart' }));
    expect(onDetailChange).toHaveBeenLastCalledWith({ category: 'action', id: 'a-1' });
    fireEvent.click(
      within(source).getByRole('button', { name: 'Filter the list by this session_id' }),
    );
    expect(onFilter).toHaveBeenCalledWith({ key: 'session_id', value: 's-replay' });
    fireEvent.click(within(source).getByRole('button', { name: 'Play replay' }));
    expect(onPlayReplay).toHaveBeenCalledWith({
      sessionId: 's-replay',
      viewId: 'v-home',
      time: S + 2_100,
    });
  });

  it('plays the replay from the header only when the session has one', async () => {
    const backend = serve();
    const { onPlayReplay, unmount } = open('view', 'v-cart');
    await ready();
    const header = drawer().querySelector('header') as HTMLElement;
    fireEvent.click(within(header).getByRole('button', { name: 'Play replay' }));
    expect(onPlayReplay).toHaveBeenCalledWith({
      sessionId: 's-replay',
      viewId: 'v-cart',
      time: S + 10_000,
    });
    unmount();

    open('session', await pickSession(backend));
    await ready();
    expect(screen.queryByRole('button', { name: 'Play replay' })).toBeNull();
  });

  it('switches tabs through onDetailChange and shows the tab it is given', async () => {
    serve();
    const { onDetailChange, rerender } = open('view', 'v-home');
    await ready();
    expect(screen.getByRole('tab', { name: 'Performance' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Errors (1)' }));
    expect(onDetailChange).toHaveBeenCalledWith({ category: 'view', id: 'v-home', tab: 'errors' });

    rerender(
      <EventDrawer
        detail={{ category: 'view', id: 'v-home', tab: 'errors' }}
        {...FIXTURE_RANGE}
        {...callbacks()}
        onDetailChange={onDetailChange}
      />,
    );
    const errors = await screen.findByRole('list', { name: 'Errors of this view' });
    fireEvent.click(within(errors).getByRole('button', { name: /cart is undefined/ }));
    expect(onDetailChange).toHaveBeenLastCalledWith({ category: 'error', id: 'err-1' });
  });

  it("breaks a resource's time into its phases", async () => {
    serve();
    open('resource', 'res-1');
    await ready();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
      'POST https://api.shop.example.com/cart',
    );
    const timing = screen.getByRole('region', { name: 'Timing' });
    const rows = within(timing)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(rows).toEqual([
      'DNS lookup10 ms',
      'TCP connection30 ms',
      'TLS handshake20 ms',
      'Time to first byte180 ms',
      'Download30 ms',
    ]);
  });

  it('says when a record is no longer stored', async () => {
    serve();
    open('view', 'no-such-view');
    await waitFor(() => expect(drawerState()).toBe('empty'));
    expect(screen.getByText('Record not found')).toBeTruthy();
    expect(
      screen.getByText('This record is no longer stored or lies outside the retention window.'),
    ).toBeTruthy();
  });

  it('shows the loading state, then an error that retries', async () => {
    server.use(...loadingHandlers());
    const { unmount } = open('action', 'a-1');
    expect(drawerState()).toBe('loading');
    expect(screen.getByText('Loading the record…')).toBeTruthy();
    unmount();

    server.use(...failingHandlers());
    open('action', 'a-1');
    await waitFor(() => expect(drawerState()).toBe('error'));
    expect(screen.getByRole('alert').textContent).toContain('the event store is not reachable');
    serve();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await ready();
    expect(screen.getByRole('heading', { level: 2, name: 'Action: Add to cart' })).toBeTruthy();
  });

  it('takes focus when it opens, closes with Escape from inside, and gives focus back', async () => {
    serve();
    renderKit(<Host />);
    const row = screen.getByRole('button', { name: 'Row a-1' });
    row.focus();
    fireEvent.click(row);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Action: Add to cart' });
    expect(document.activeElement).toBe(heading);
    expect(drawer().getAttribute('aria-labelledby')).toBe(heading.id);

    fireEvent.keyDown(row, { key: 'Escape' });
    expect(screen.getByRole('complementary')).toBeTruthy();
    fireEvent.keyDown(heading, { key: 'Escape' });
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(document.activeElement).toBe(row);
  });

  it('closes with its close button', async () => {
    serve();
    const { onClose } = open('action', 'a-1');
    fireEvent.click(screen.getByRole('button', { name: 'Close the detail' }));
    expect(onClose).toHaveBeenCalled();
  });
});
