import type { Point } from '@rumkit/core';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  explorerServerForFile,
  FIXTURE_RANGE,
  fixtureScope,
} from '../../../../../../test/mocks/explorer.js';
import { failingHandlers, loadingHandlers, T0 } from '../../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import { ErrorClusters } from './ErrorClusters.js';

/** Added to the fixture's traffic: 12 errors "Quota exceeded for key N" and 2 "Widget N crashed". */
const errors: Point[] = [
  ...Array.from({ length: 12 }, (_, i) => ({
    measurement: 'error',
    tags: {
      app_id: 'acme_web',
      error_id: `quota-${i}`,
      error_type: 'QuotaExceededError',
      error_source: 'source',
    },
    fields: { error_message: `Quota exceeded for key ${100 + i}` },
    time: T0 - 60_000 + i * 1000,
  })),
  // And two sent without an error_id, as some SDKs do.
  ...[7, 8].map((n) => ({
    measurement: 'error',
    tags: { app_id: 'acme_web', error_type: 'WidgetError', error_source: 'custom' },
    fields: { error_message: `Widget ${n} crashed` },
    time: T0 - 30_000 + n,
  })),
];
const { server, serve } = explorerServerForFile({ extra: errors });
const scope = fixtureScope('error');
const signal = () => ({ signal: new AbortController().signal });

const table = () => screen.getByRole('table');
const dataRows = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .filter((r) => !r.classList.contains('rk-cluster-detail'));
const patterns = () => dataRows().map((r) => r.querySelector('code')?.textContent);
const counts = () =>
  dataRows().map((r) => Number(r.querySelector('.rk-cluster-count')?.textContent));
const state = () => document.querySelector('.rk-clusters')?.getAttribute('data-state');

describe('ErrorClusters', { timeout: 20_000 }, () => {
  it("lists the backend's clusters by message pattern with counts, largest first, and sorts them", async () => {
    const backend = serve();
    const expected = await backend.errorClusters(
      { ...FIXTURE_RANGE, query: '', limit: 50 },
      signal(),
    );
    renderKit(<ErrorClusters scope={scope} onOpen={vi.fn()} onFilter={vi.fn()} />);
    await screen.findByRole('table');
    expect(state()).toBe('ready');
    expect(patterns()).toEqual(expected.clusters.map((c) => c.pattern));
    expect(counts()).toEqual(expected.clusters.map((c) => c.count));
    expect(patterns()[0]).toBe('Quota exceeded for key <n>');
    expect(
      screen.getByText(
        `Grouped the newest ${expected.sampled} errors of the range (at most 10,000).`,
      ),
    ).toBeTruthy();

    const countHeader = screen.getByRole('columnheader', { name: 'Count' });
    expect(countHeader.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(countHeader).getByRole('button'));
    expect(countHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(counts()).toEqual([...counts()].sort((a, b) => a - b));
    fireEvent.click(
      within(screen.getByRole('columnheader', { name: 'Pattern' })).getByRole('button'),
    );
    expect(patterns()).toEqual([...patterns()].sort((a, b) => String(a).localeCompare(String(b))));
    fireEvent.click(
      within(screen.getByRole('columnheader', { name: 'Last seen' })).getByRole('button'),
    );
    const newest = [...expected.clusters].sort((a, b) => b.last_seen - a.last_seen);
    expect(patterns()[0]).toBe(newest[0]?.pattern);
  });

  it('opens a cluster to its newest error, opens it, and searches its errors by the pattern', async () => {
    const backend = serve();
    const onOpen = vi.fn();
    const onSearch = vi.fn();
    renderKit(
      <ErrorClusters scope={scope} onOpen={onOpen} onFilter={vi.fn()} onSearch={onSearch} />,
    );
    const toggle = await screen.findByRole('button', {
      name: 'Details of Quota exceeded for key <n>',
    });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const detail = document.getElementById(
      toggle.getAttribute('aria-controls') as string,
    ) as HTMLElement;
    expect(within(detail).getByText('Quota exceeded for key 111')).toBeTruthy();

    fireEvent.click(within(detail).getByRole('button', { name: 'Open error' }));
    expect(onOpen).toHaveBeenCalledWith({ category: 'error', id: 'quota-11' });
    fireEvent.click(within(detail).getByRole('button', { name: 'Show these errors' }));
    const search = onSearch.mock.calls[0]?.[0] as string;
    expect(search).toMatch(/^error_message:Quota/);
    // The search finds exactly the cluster's errors.
    const found = await backend.searchEvents(
      { ...fixtureScope('error', search), limit: 100 },
      signal(),
    );
    expect(found.rows).toHaveLength(12);

    fireEvent.click(toggle);
    expect(document.getElementById(toggle.getAttribute('aria-controls') as string)).toBeNull();
  });

  it("filters by the error type when the host takes no search terms; an error without an id can't be opened", async () => {
    serve();
    const onFilter = vi.fn();
    renderKit(<ErrorClusters scope={scope} onOpen={vi.fn()} onFilter={onFilter} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Details of Widget <n> crashed' }));
    const open = screen.getByRole('button', { name: 'Open error' });
    expect(open.hasAttribute('disabled')).toBe(true);
    expect(
      screen.getByText('This error was sent without an error_id, so it cannot be opened.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show these errors' }));
    expect(onFilter).toHaveBeenCalledWith({ key: 'error_type', value: 'WidgetError' });
  });

  it('groups by chosen fields and filters by their values', async () => {
    const backend = serve();
    const onFilter = vi.fn();
    renderKit(<ErrorClusters scope={scope} onOpen={vi.fn()} onFilter={onFilter} />);
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('radio', { name: 'Fields' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Field 2' }), {
      target: { value: 'error_source' },
    });
    const expected = await backend.errorClusters(
      { ...FIXTURE_RANGE, query: '', fields: ['error_type', 'error_source'], limit: 50 },
      signal(),
    );
    await screen.findByRole('columnheader', { name: 'error_source' });
    expect(counts()).toEqual(expected.clusters.map((c) => c.count));
    const top = expected.clusters[0]?.group as Record<string, string>;
    fireEvent.click(
      screen.getByRole('button', { name: `Details of ${top.error_type} · ${top.error_source}` }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show these errors' }));
    expect(onFilter.mock.calls).toEqual([
      [{ key: 'error_type', value: top.error_type }],
      [{ key: 'error_source', value: top.error_source }],
    ]);
  });

  it('shows the loading, empty and error states', async () => {
    serve();
    const { unmount } = renderKit(
      <ErrorClusters
        scope={{ ...scope, query: 'error_type:NoSuchError' }}
        onOpen={vi.fn()}
        onFilter={vi.fn()}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Grouping errors…');
    expect(await screen.findByText('No errors in this range')).toBeTruthy();
    expect(state()).toBe('empty');
    unmount();

    server.resetHandlers(...failingHandlers());
    const second = renderKit(<ErrorClusters scope={scope} onOpen={vi.fn()} onFilter={vi.fn()} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Errors could not be grouped');
    expect(alert.textContent).toContain('the event store is not reachable; try again in a minute');
    expect(state()).toBe('error');
    second.unmount();

    server.resetHandlers(...loadingHandlers());
    renderKit(<ErrorClusters scope={scope} onOpen={vi.fn()} onFilter={vi.fn()} />);
    expect(state()).toBe('loading');
  });
});
