import { type ExplorerAnalysis, formatFieldValue } from '@rumkit/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { explorerServerForFile, fixtureScope } from '../../../../../../test/mocks/explorer.js';
import { failingHandlers, loadingHandlers } from '../../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import type { ExplorerScope, FilterRequest } from '../types.js';
import { AnalysisPanel } from './AnalysisPanel.js';

const { server, serve } = explorerServerForFile();
/** The panel as a host holds it: the analysis in state, every change kept and recorded. */
function Harness({
  scope,
  initial,
  onChange,
  onFilter = () => {},
}: {
  scope: ExplorerScope;
  initial: ExplorerAnalysis;
  onChange?: (a: ExplorerAnalysis) => void;
  onFilter?: (filters: FilterRequest[]) => void;
}) {
  const [analysis, setAnalysis] = useState(initial);
  return (
    <AnalysisPanel
      scope={scope}
      analysis={analysis}
      onAnalysisChange={(next) => {
        onChange?.(next);
        setAnalysis(next);
      }}
      onFilter={onFilter}
    />
  );
}

const root = (container: HTMLElement) => container.querySelector('.rk-analysis') as HTMLElement;
const topRows = () =>
  within(screen.getByRole('list', { name: /^Top \d+ groups/ }))
    .getAllByRole('button')
    .map((b) => [
      b.querySelector('.rk-toplist-name')?.textContent,
      b.querySelector('.rk-toplist-value')?.textContent,
    ]);
const count: ExplorerAnalysis = {
  groupBy: ['view_path_group'],
  aggregate: 'count',
  chart: 'toplist',
};

const countBySource = (chart: ExplorerAnalysis['chart']): ExplorerAnalysis => ({
  groupBy: ['error_source'],
  aggregate: 'count',
  chart,
});

/** The panel with a fixed analysis, as a host that ignores changes renders it. */
function renderPanel(
  scope: ExplorerScope,
  analysis: ExplorerAnalysis,
  onFilter: (filters: FilterRequest[]) => void = () => {},
) {
  return renderKit(
    <AnalysisPanel
      scope={scope}
      analysis={analysis}
      onAnalysisChange={() => {}}
      onFilter={onFilter}
    />,
  );
}

describe('AnalysisPanel', () => {
  it('lists the groups and counts the backend ranks, largest first', async () => {
    const backend = serve();
    const scope = fixtureScope('view');
    const expected = await backend.analysis({
      ...scope,
      group_by: ['view_path_group'],
      mode: 'toplist',
      limit: 20,
    });
    expect(expected.series.length).toBeGreaterThan(2);
    const { container } = renderPanel(scope, count);

    await waitFor(() =>
      expect(topRows()).toEqual(
        expected.series.map((s) => [
          String(s.group.view_path_group),
          (s.value as number).toLocaleString('en-GB'),
        ]),
      ),
    );
    expect(root(container).getAttribute('data-state')).toBe('ready');
    const values = expected.series.map((s) => s.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('filters the explorer by every value of a group it is clicked', async () => {
    const backend = serve();
    const scope = fixtureScope('view');
    const groupBy = ['view_path_group', 'browser'];
    const expected = await backend.analysis({
      ...scope,
      group_by: groupBy,
      mode: 'toplist',
      limit: 20,
    });
    const top = expected.series[0]?.group as Record<string, string>;
    const onFilter = vi.fn();
    renderPanel(scope, { ...count, groupBy }, onFilter);
    const name = `${top.view_path_group} · ${top.browser}`;
    const row = await screen.findByRole('button', {
      name: new RegExp(`^${name.replace(/[?*.]/g, '\\$&')}\\s*[\\d,]+$`),
    });
    fireEvent.click(row);
    expect(onFilter).toHaveBeenCalledWith([
      { key: 'view_path_group', value: top.view_path_group },
      { key: 'browser', value: top.browser },
    ]);
  });

  it('changes group-by, measure and chart through the host', { timeout: 20_000 }, async () => {
    serve();
    const onChange = vi.fn();
    renderKit(<Harness scope={fixtureScope('view')} initial={count} onChange={onChange} />);
    await screen.findByRole('list', { name: /^Top/ });

    fireEvent.change(screen.getByRole('combobox', { name: 'Group by, tag 1' }), {
      target: { value: 'browser' },
    });
    expect(onChange).toHaveBeenLastCalledWith({
      groupBy: ['browser'],
      aggregate: 'count',
      chart: 'toplist',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Add group' }));
    expect(onChange.mock.lastCall?.[0].groupBy).toHaveLength(2);
    expect(onChange.mock.lastCall?.[0].groupBy[0]).toBe('browser');
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }));
    expect(onChange.mock.lastCall?.[0].groupBy).toHaveLength(3);
    // Three is the most.
    expect(screen.queryByRole('button', { name: 'Add group' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove group browser' }));
    expect(onChange.mock.lastCall?.[0].groupBy).not.toContain('browser');
    expect(onChange.mock.lastCall?.[0].groupBy).toHaveLength(2);

    fireEvent.click(screen.getByRole('radio', { name: 'Pie' }));
    expect(onChange.mock.lastCall?.[0]).toMatchObject({ chart: 'pie' });
    expect((screen.getByRole('radio', { name: 'Pie' }) as HTMLInputElement).checked).toBe(true);
  });

  it('asks for a field when the measure needs one, then measures it in its unit', async () => {
    const backend = serve();
    const scope = fixtureScope('view');
    const onChange = vi.fn();
    const { container } = renderKit(<Harness scope={scope} initial={count} onChange={onChange} />);
    await screen.findByRole('list', { name: /^Top/ });

    fireEvent.change(screen.getByRole('combobox', { name: 'Aggregate' }), {
      target: { value: 'p75' },
    });
    expect(onChange).toHaveBeenLastCalledWith({
      groupBy: ['view_path_group'],
      aggregate: 'p75',
      chart: 'toplist',
    });
    expect(await screen.findByText('Choose a field to measure')).toBeTruthy();
    const fieldSelect = screen.getByRole('combobox', { name: 'Measured field' });
    expect(fieldSelect.getAttribute('aria-invalid')).toBe('true');
    expect(root(container).getAttribute('data-state')).toBe('idle');
    // Only numeric fields, and no instants.
    const options = [...(fieldSelect as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toContain('loading_time');
    expect(options).not.toContain('view_path_group');

    fireEvent.change(fieldSelect, { target: { value: 'loading_time' } });
    expect(onChange).toHaveBeenLastCalledWith({
      groupBy: ['view_path_group'],
      aggregate: 'p75',
      field: 'loading_time',
      chart: 'toplist',
    });
    const expected = await backend.analysis({
      ...scope,
      group_by: ['view_path_group'],
      aggregate: 'p75',
      field: 'loading_time',
      mode: 'toplist',
      limit: 20,
    });
    await waitFor(() =>
      expect(topRows()).toEqual(
        expected.series.map((s) => [
          String(s.group.view_path_group),
          formatFieldValue('loading_time', s.value),
        ]),
      ),
    );
    expect(screen.getByRole('list', { name: /p75 of loading_time/ })).toBeTruthy();

    // Back to count drops the field.
    fireEvent.change(screen.getByRole('combobox', { name: 'Aggregate' }), {
      target: { value: 'count' },
    });
    expect(onChange.mock.lastCall?.[0]).not.toHaveProperty('field');
  });

  it('draws a pie of counts with shares of everything in scope', async () => {
    const backend = serve();
    const scope = fixtureScope('error');
    const expected = await backend.analysis({
      ...scope,
      group_by: ['error_source'],
      mode: 'toplist',
      limit: 10,
    });
    const all = expected.series.reduce((n, s) => n + (s.value as number), 0);
    const onFilter = vi.fn();
    const { container } = renderPanel(scope, countBySource('pie'), onFilter);
    expect(await screen.findByRole('img', { name: 'Share of Count by group' })).toBeTruthy();
    await waitFor(() =>
      expect(container.querySelectorAll('.rk-pie-slice')).toHaveLength(expected.series.length),
    );
    const legend = screen.getByRole('list', { name: 'Legend' });
    const first = expected.series[0] as { group: Record<string, string>; value: number };
    const share = new Intl.NumberFormat('en-GB', {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(first.value / all);
    const item = within(legend).getByRole('button', {
      name: `Filter by ${first.group.error_source} ${first.value} · ${share}`,
    });
    fireEvent.click(item);
    expect(onFilter).toHaveBeenCalledWith([
      { key: 'error_source', value: first.group.error_source },
    ]);
  });

  it('draws one line per group over time, with a legend and the numbers as a table', async () => {
    const backend = serve();
    const scope = fixtureScope('error');
    const expected = await backend.analysis({
      ...scope,
      group_by: ['error_source'],
      mode: 'timeseries',
      limit: 10,
      buckets: 60,
    });
    const { container } = renderPanel(scope, countBySource('timeseries'));
    const legend = await screen.findByRole('list', { name: 'Legend' });
    expect(within(legend).getAllByRole('button')).toHaveLength(expected.series.length);
    expect(container.querySelectorAll('.visx-line, path.visx-linepath').length).toBeGreaterThan(0);
    const table = screen.getByRole('table', { name: 'Count per time bucket' });
    expect(within(table).getAllByRole('row')).toHaveLength(
      (expected.series[0]?.points?.length ?? 0) + 1,
    );
  });

  it("shows the server's message with a retry, and a loading state", async () => {
    server.use(...failingHandlers());
    const first = renderPanel(fixtureScope('view'), count);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The analysis could not be loaded');
    expect(alert.textContent).toContain('the event store is not reachable');
    expect(root(first.container).getAttribute('data-state')).toBe('error');
    first.unmount();

    server.resetHandlers();
    server.use(...loadingHandlers());
    const { container } = renderPanel(fixtureScope('view'), count);
    expect(await screen.findByText('Loading the analysis…')).toBeTruthy();
    expect(root(container).getAttribute('data-state')).toBe('loading');
  });

  it('says so when nothing matches', async () => {
    serve();
    const { container } = renderPanel(fixtureScope('view', 'view_path_group:/nowhere'), count);
    expect(await screen.findByText('No data')).toBeTruthy();
    expect(root(container).getAttribute('data-state')).toBe('empty');
  });
});
