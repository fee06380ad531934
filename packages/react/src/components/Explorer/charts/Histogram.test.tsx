import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { explorerServerForFile, fixtureScope } from '../../../../../../test/mocks/explorer.js';
import { failingHandlers, loadingHandlers } from '../../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import { Histogram } from './Histogram.js';

const { server, serve } = explorerServerForFile();

const root = (container: HTMLElement) => container.querySelector('.rk-histogram') as HTMLElement;
const stackBy = () => screen.getByRole('combobox', { name: 'Stack by' }) as HTMLSelectElement;
const legendLabels = () =>
  within(screen.getByRole('list', { name: 'Legend' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.rk-chart-legend-label')?.textContent);

describe('Histogram', () => {
  it("shows the total of the backend's buckets and reports it to the table", async () => {
    const backend = serve();
    const scope = fixtureScope('view');
    const expected = await backend.histogram({ ...scope, buckets: 60 });
    const sum = expected.buckets.reduce((n, b) => n + b.count, 0);
    expect(sum).toBeGreaterThan(100);
    const onTotal = vi.fn();
    const { container } = renderKit(<Histogram scope={scope} onTotal={onTotal} />);

    await screen.findByText(`${sum.toLocaleString('en-GB')} views`);
    expect(root(container).getAttribute('data-state')).toBe('ready');
    expect(onTotal).toHaveBeenLastCalledWith(sum);
    // Views stack by nothing by default: one bar per non-empty bucket, no legend.
    expect(stackBy().value).toBe('');
    expect(screen.queryByRole('list', { name: 'Legend' })).toBeNull();
    const nonEmpty = expected.buckets.filter((b) => b.count > 0).length;
    expect(container.querySelectorAll('.rk-histogram-bar')).toHaveLength(nonEmpty);
    // The same numbers, bucket by bucket, in the table for screen readers.
    const table = screen.getByRole('table', { name: 'Counts per time bucket' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(expected.buckets.length);
    const counts = rows.map((row) => Number(row.lastElementChild?.textContent?.replace(/,/g, '')));
    expect(counts).toEqual(expected.buckets.map((b) => b.count));
    // The slider's summary names the total too.
    const slider = screen.getByRole('slider', { name: 'Events over time' });
    expect(slider.getAttribute('aria-valuetext')).toContain(`${sum.toLocaleString('en-GB')} views`);
  });

  it('stacks errors by error_source by default, with a legend of the sources', async () => {
    const backend = serve();
    const scope = fixtureScope('error');
    const expected = await backend.histogram({ ...scope, group_by: 'error_source', buckets: 60 });
    expect(expected.groups.length).toBeGreaterThan(1);
    const onGroupByChange = vi.fn();
    renderKit(<Histogram scope={scope} onGroupByChange={onGroupByChange} />);

    await waitFor(() => expect(legendLabels()).toEqual(expected.groups));
    expect(stackBy().value).toBe('error_source');
    const total = expected.buckets.reduce((n, b) => n + b.count, 0);
    expect(screen.getByText(`${total} errors`)).toBeTruthy();

    // Choosing "Nothing" draws plain counts and tells the host.
    fireEvent.change(stackBy(), { target: { value: '' } });
    expect(onGroupByChange).toHaveBeenCalledWith(null);
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Legend' })).toBeNull());
    expect(stackBy().value).toBe('');
  });

  it('stacks by the tag a host passes, and offers only the tags of the category', async () => {
    serve();
    renderKit(<Histogram scope={fixtureScope('resource')} groupBy="resource_type" />);
    await waitFor(() => expect(legendLabels()).toContain('xhr'));
    const options = [...stackBy().options].map((o) => o.value);
    expect(options).toContain('resource_status_group');
    expect(options).not.toContain('error_source');
    expect(options).not.toContain('duration');
  });

  it('moves between bars with the arrows and zooms into one with Enter', async () => {
    const backend = serve();
    const scope = fixtureScope('view');
    const expected = await backend.histogram({ ...scope, buckets: 60 });
    const onRangeSelect = vi.fn();
    renderKit(<Histogram scope={scope} onRangeSelect={onRangeSelect} />);
    const slider = await screen.findByRole('slider', { name: 'Events over time' });
    await waitFor(() =>
      expect(slider.getAttribute('aria-valuemax')).toBe(String(expected.buckets.length)),
    );

    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    const second = expected.buckets[1] as { time: number; count: number };
    expect(slider.getAttribute('aria-valuenow')).toBe('2');
    expect(slider.getAttribute('aria-valuetext')).toContain(`, ${second.count}`);
    fireEvent.keyDown(slider, { key: 'Enter' });
    expect(onRangeSelect).toHaveBeenCalledWith({
      from: second.time,
      to: second.time + expected.interval_ms,
    });
  });

  it('zooms to the span dragged across the chart', async () => {
    serve();
    const scope = fixtureScope('view');
    const onRangeSelect = vi.fn();
    const { container } = renderKit(<Histogram scope={scope} onRangeSelect={onRangeSelect} />);
    await screen.findByRole('slider');
    const overlay = container.querySelector('.rk-histogram-overlay') as Element;
    fireEvent.pointerDown(overlay, { clientX: 100, button: 0, pointerId: 1 });
    fireEvent.pointerMove(overlay, { clientX: 300, pointerId: 1 });
    fireEvent.pointerUp(overlay, { clientX: 300, pointerId: 1 });
    expect(onRangeSelect).toHaveBeenCalledTimes(1);
    const [{ from, to }] = onRangeSelect.mock.calls[0] as [{ from: number; to: number }];
    expect(from).toBeGreaterThan(scope.from);
    expect(to).toBeGreaterThan(from);
    expect(to).toBeLessThan(scope.to);

    // A click without a drag is not a zoom.
    fireEvent.pointerDown(overlay, { clientX: 200, button: 0, pointerId: 1 });
    fireEvent.pointerUp(overlay, { clientX: 201, pointerId: 1 });
    expect(onRangeSelect).toHaveBeenCalledTimes(1);
  });

  it('says "No events" and still draws the axis when nothing matches', async () => {
    serve();
    const onTotal = vi.fn();
    const { container } = renderKit(
      <Histogram scope={fixtureScope('view', 'view_path_group:/nowhere')} onTotal={onTotal} />,
    );
    await screen.findByText('No events');
    expect(root(container).getAttribute('data-state')).toBe('empty');
    expect(container.querySelector('.rk-chart-axis')).not.toBeNull();
    expect(container.querySelectorAll('.rk-histogram-bar')).toHaveLength(0);
    expect(onTotal).toHaveBeenLastCalledWith(0);
  });

  it("shows the server's message and retries", async () => {
    server.use(...failingHandlers());
    const { container } = renderKit(<Histogram scope={fixtureScope('view')} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The histogram could not be loaded');
    expect(alert.textContent).toContain('the event store is not reachable');
    expect(root(container).getAttribute('data-state')).toBe('error');

    server.resetHandlers();
    serve();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(root(container).getAttribute('data-state')).toBe('ready'));
  });

  it('shows a skeleton while loading', async () => {
    server.use(...loadingHandlers());
    const { container } = renderKit(<Histogram scope={fixtureScope('view')} />);
    expect(await screen.findByText('Loading the histogram…')).toBeTruthy();
    expect(root(container).getAttribute('data-state')).toBe('loading');
  });

  it('speaks Chinese', async () => {
    serve();
    renderKit(<Histogram scope={fixtureScope('error')} />, { locale: 'zh' });
    expect(await screen.findByRole('combobox', { name: '堆叠依据' })).toBeTruthy();
    await screen.findByText(/个错误$/);
  });
});
