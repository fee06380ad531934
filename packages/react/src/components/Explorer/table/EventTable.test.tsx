import { ApiError, DEFAULT_COLUMNS, type EventRecord, type ExplorerCategory } from '@rumkit/core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { explorerBackend } from '../../../../../../test/mocks/events.js';
import { fixtureScope } from '../../../../../../test/mocks/explorer.js';
import { T0 } from '../../../../../../test/mocks/fixtures.js';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import { fakeLayoutForFile } from '../../../../../../test/mocks/layout.js';
import { EventTable, type EventTableProps } from './EventTable.js';

fakeLayoutForFile();

const backend = explorerBackend();
async function fixture(category: ExplorerCategory, query = '', limit = 200) {
  const { rows } = await backend.searchEvents({ ...fixtureScope(category, query), limit });
  return rows as EventRecord[];
}

function renderTable(props: Partial<EventTableProps> & Pick<EventTableProps, 'rows'>) {
  const handlers = {
    onColumnsChange: vi.fn(),
    onSortChange: vi.fn(),
    onOpen: vi.fn(),
    onLoadMore: vi.fn(),
  };
  const all: EventTableProps = {
    category: 'session',
    columns: DEFAULT_COLUMNS.session,
    sort: null,
    hasMore: false,
    loadingMore: false,
    status: 'ready',
    ...handlers,
    ...props,
  };
  const result = renderKit(<EventTable {...all} />, { timeZone: 'UTC' });
  return { ...result, ...handlers, props: all };
}

const grid = () => screen.getByRole('grid');
const bodyRows = () => within(grid()).getAllByRole('row').slice(1);
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('gridcell');
const headerNames = () =>
  within(grid())
    .getAllByRole('columnheader')
    .map((h) => h.textContent ?? '');

describe('EventTable', () => {
  it('shows the sessions with their durations, counts and URLs formatted, newest first', async () => {
    const rows = await fixture('session');
    const { container } = renderTable({ rows, total: rows.length });
    expect(container.querySelector('.rk-events')?.getAttribute('data-state')).toBe('ready');
    expect(headerNames()).toEqual(['Time', 'Status', ...DEFAULT_COLUMNS.session]);
    const first = rows[0] as EventRecord;
    const cells = cellsOf(bodyRows()[0] as HTMLElement).map((c) => c.textContent);
    // time_spent is in ns: 7.54 s reads as seconds, not as a 10-digit number.
    expect(cells[2]).toMatch(/^\d+(\.\d+)? (s|min \d+ s|ms)$/);
    expect(cells[3]).toBe(String(first.session_type));
    expect(cells[4]).toBe(String(first.session_view_count));
    expect(cells[7]).toBe(String(first.session_first_view_url));
    // The full URL is there for the cut-short cell.
    expect(cellsOf(bodyRows()[0] as HTMLElement)[7]?.getAttribute('title')).toBe(
      String(first.session_first_view_url),
    );
    expect(grid().getAttribute('aria-rowcount')).toBe(String(rows.length + 1));
    expect(screen.getByText(`${rows.length} sessions`)).toBeTruthy();
  });

  it('formats the time to the millisecond and resource statuses by class', async () => {
    const rows = await fixture('resource', 'resource_status:>=400');
    renderTable({ category: 'resource', rows, columns: DEFAULT_COLUMNS.resource });
    const row = bodyRows()[0] as HTMLElement;
    const [time, , , , status] = cellsOf(row);
    expect(time?.textContent).toMatch(/\d{2}:\d{2}:\d{2}[.,]\d{3}/);
    expect(time?.getAttribute('title')).toBe(new Date((rows[0] as EventRecord).time).toISOString());
    expect(status?.textContent).toMatch(/^[45]\d\d$/);
    expect(status?.getAttribute('data-status')).toMatch(/^[45]xx$/);
  });

  it('marks warning rows with an icon and a class, and leaves the others plain', async () => {
    const rows = await fixture('session');
    const withErrors = rows.findIndex((r) => Number(r.session_error_count) > 0);
    const clean = rows.findIndex((r) => Number(r.session_error_count) === 0);
    expect(withErrors).toBeGreaterThanOrEqual(0);
    renderTable({ rows: [rows[withErrors], rows[clean]] as EventRecord[] });
    const [warning, plain] = bodyRows() as [HTMLElement, HTMLElement];
    expect(warning.getAttribute('data-status')).toBe('warning');
    expect(
      within(warning).getByRole('img', { name: 'Warning: has errors or failed' }),
    ).toBeTruthy();
    expect(plain.getAttribute('data-status')).toBeNull();
    expect(within(plain).queryByRole('img')).toBeNull();
  });

  it('renders values as text, never as HTML, and reads custom keys from the custom context', () => {
    const rows = [
      {
        time: T0,
        session_id: 's-1',
        error_message: '<img src=x onerror=alert(1)>\nsecond line',
        custom: { plan: 'gold' },
      },
    ];
    renderTable({ category: 'error', rows, columns: ['error_message', 'plan'] });
    const cells = cellsOf(bodyRows()[0] as HTMLElement);
    expect(cells[2]?.textContent).toBe('<img src=x onerror=alert(1)> second line');
    expect(cells[2]?.querySelector('img')).toBeNull();
    expect(cells[3]?.textContent).toBe('gold');
  });

  it('cycles a header through ascending, descending and the default order', () => {
    const rows = [{ time: T0, session_id: 'a' }];
    const { onSortChange, rerender, props } = renderTable({ rows });
    const header = () => screen.getByRole('columnheader', { name: /session_view_count/ });
    const sortButton = () => within(header()).getByRole('button', { name: 'session_view_count' });
    expect(header().getAttribute('aria-sort')).toBe('none');
    fireEvent.click(sortButton());
    expect(onSortChange).toHaveBeenLastCalledWith({ field: 'session_view_count', order: 'asc' });

    const sorted = (sort: EventTableProps['sort']) =>
      rerender(<EventTable {...props} onSortChange={onSortChange} sort={sort} />);
    sorted({ field: 'session_view_count', order: 'asc' });
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(sortButton());
    expect(onSortChange).toHaveBeenLastCalledWith({ field: 'session_view_count', order: 'desc' });
    sorted({ field: 'session_view_count', order: 'desc' });
    expect(header().getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(sortButton());
    expect(onSortChange).toHaveBeenLastCalledWith(null);

    // Time is the default order (newest first); a click sorts it oldest first.
    sorted(null);
    const time = screen.getByRole('columnheader', { name: /Time/ });
    expect(time.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(time).getByRole('button', { name: 'Time' }));
    expect(onSortChange).toHaveBeenLastCalledWith({ field: 'time', order: 'asc' });
  });

  it("moves and removes columns from a column's menu; time has no remove", () => {
    const columns = ['view_url', 'loading_time', 'time_spent'];
    const { onColumnsChange, onSortChange } = renderTable({
      category: 'view',
      rows: [{ time: T0 }],
      columns,
    });
    const openMenu = (field: string) =>
      fireEvent.click(screen.getByRole('button', { name: `Column options for ${field}` }));

    openMenu('loading_time');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Move left' }));
    expect(onColumnsChange).toHaveBeenLastCalledWith(['loading_time', 'view_url', 'time_spent']);

    openMenu('loading_time');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Move right' }));
    expect(onColumnsChange).toHaveBeenLastCalledWith(['view_url', 'time_spent', 'loading_time']);

    openMenu('view_url');
    expect(screen.queryByRole('menuitem', { name: 'Move left' })).toBeNull();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Remove column' }));
    expect(onColumnsChange).toHaveBeenLastCalledWith(['loading_time', 'time_spent']);

    openMenu('time_spent');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Sort descending' }));
    expect(onSortChange).toHaveBeenLastCalledWith({ field: 'time_spent', order: 'desc' });

    openMenu('Time');
    const items = screen.getAllByRole('menuitem').map((i) => i.textContent);
    expect(items).not.toContain('Remove column');
    expect(items).toContain('Sort ascending');
  });

  it('adds a field to the quick filters and inserts a column after the one whose menu was used', () => {
    const onAddFacet = vi.fn();
    const { onColumnsChange } = renderTable({
      category: 'view',
      rows: [{ time: T0 }],
      columns: ['view_url', 'time_spent'],
      onAddFacet,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Column options for view_url' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Add to quick filters' }));
    expect(onAddFacet).toHaveBeenCalledWith('view_url');

    fireEvent.click(screen.getByRole('button', { name: 'Column options for view_url' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Insert column…' }));
    const dialog = screen.getByRole('dialog', { name: 'Columns' });
    expect(within(dialog).getByText('Ticked fields go in after view_url.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'browser' }));
    expect(onColumnsChange).toHaveBeenLastCalledWith(['view_url', 'browser', 'time_spent']);
  });

  it('moves the active row with the keyboard and opens it with Enter', async () => {
    const rows = await fixture('session');
    const { onOpen } = renderTable({ rows });
    grid().focus();
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    const active = grid().getAttribute('aria-activedescendant') as string;
    expect(document.getElementById(active)?.getAttribute('aria-rowindex')).toBe('3');
    fireEvent.keyDown(grid(), { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(rows[1]);
    fireEvent.keyDown(grid(), { key: 'Home' });
    fireEvent.keyDown(grid(), { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith(rows[0]);
  });

  it('opens a row on click and marks the open one', async () => {
    const rows = await fixture('session');
    const { onOpen } = renderTable({ rows, activeId: String(rows[2]?.session_id) });
    expect(bodyRows()[2]?.getAttribute('aria-selected')).toBe('true');
    expect(bodyRows()[0]?.getAttribute('aria-selected')).toBe('false');
    fireEvent.click(cellsOf(bodyRows()[3] as HTMLElement)[2] as HTMLElement);
    expect(onOpen).toHaveBeenCalledWith(rows[3]);
  });

  it('plays a session with a replay without opening its row', async () => {
    const rows = (await fixture('session')).slice(0, 5);
    const replay: EventRecord = { ...(rows[1] as EventRecord), session_has_replay: true };
    const onPlayReplay = vi.fn();
    const { onOpen } = renderTable({
      rows: [rows[0] as EventRecord, replay, ...rows.slice(2)],
      onPlayReplay,
    });
    const plays = screen.getAllByRole('button', { name: /^Play the replay of the session at / });
    expect(plays).toHaveLength(1);
    fireEvent.click(plays[0] as HTMLElement);
    expect(onPlayReplay).toHaveBeenCalledWith({ sessionId: replay.session_id, time: replay.time });
    expect(onOpen).not.toHaveBeenCalled();
  });

  it("plays any event of a recorded session from the event's own moment", async () => {
    const rows = (await fixture('error')).slice(0, 3);
    const recorded: EventRecord = { ...(rows[2] as EventRecord), session_has_replay: true };
    const onPlayReplay = vi.fn();
    renderTable({
      category: 'error',
      columns: DEFAULT_COLUMNS.error,
      rows: [rows[0] as EventRecord, rows[1] as EventRecord, recorded],
      onPlayReplay,
    });
    const plays = screen.getAllByRole('button', { name: /^Play the replay of the session at / });
    expect(plays).toHaveLength(1);
    fireEvent.click(plays[0] as HTMLElement);
    expect(onPlayReplay).toHaveBeenCalledWith({
      sessionId: recorded.session_id,
      time: recorded.time,
    });
  });

  it('renders only a window of 100k rows and keeps the real size for screen readers', async () => {
    const rows: EventRecord[] = Array.from({ length: 100_000 }, (_, i) => ({
      time: T0 - i * 1000,
      session_id: `s-${i}`,
      time_spent: i * 1e6,
      session_view_count: i % 7,
      session_error_count: i % 13 === 0 ? 1 : 0,
    }));
    renderTable({ rows, total: 100_000, hasMore: false });
    const rendered = bodyRows();
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(60);
    expect(grid().getAttribute('aria-rowcount')).toBe('100001');
    expect(screen.getByText('100,000 sessions')).toBeTruthy();

    fireEvent.keyDown(grid(), { key: 'End' });
    await waitFor(() => {
      const last = grid().getAttribute('aria-activedescendant') as string;
      expect(document.getElementById(last)?.getAttribute('aria-rowindex')).toBe('100001');
    });
    expect(bodyRows().length).toBeLessThan(60);
    expect(bodyRows()[0]?.getAttribute('aria-rowindex')).not.toBe('2');
  });

  it('asks for the next page once the last rows are in view, and shows it is loading', () => {
    const rows: EventRecord[] = Array.from({ length: 8 }, (_, i) => ({ time: T0 - i }));
    const { onLoadMore, rerender, props } = renderTable({ rows, hasMore: true });
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    expect(grid().getAttribute('aria-rowcount')).toBe('-1');
    rerender(<EventTable {...props} loadingMore />);
    expect(screen.getByText('Loading more…')).toBeTruthy();
    expect(grid().getAttribute('aria-busy')).toBe('true');
    expect(onLoadMore).toHaveBeenCalledTimes(1);
  });

  it('does not ask for more while the end is far away', async () => {
    const rows: EventRecord[] = Array.from({ length: 500 }, (_, i) => ({ time: T0 - i }));
    const { onLoadMore } = renderTable({ rows, hasMore: true });
    expect(onLoadMore).not.toHaveBeenCalled();
    fireEvent.keyDown(grid(), { key: 'End' });
    await waitFor(() => expect(onLoadMore).toHaveBeenCalledTimes(1));
  });

  it('shows skeleton rows while loading, and an empty message in the category words', () => {
    const { container, rerender, props } = renderTable({ rows: [], status: 'loading' });
    expect(container.querySelector('.rk-events')?.getAttribute('data-state')).toBe('loading');
    expect(container.querySelectorAll('.rk-events-skeleton').length).toBeGreaterThan(0);
    expect(screen.getByText('Loading sessions…')).toBeTruthy();
    rerender(<EventTable {...props} category="long_task" status="empty" />);
    expect(screen.getByText('No long tasks match this search in this range')).toBeTruthy();
  });

  it('says it in Chinese', () => {
    renderKit(
      <EventTable
        category="view"
        rows={[]}
        columns={['view_url']}
        onColumnsChange={() => {}}
        sort={null}
        onSortChange={() => {}}
        onOpen={() => {}}
        hasMore={false}
        loadingMore={false}
        onLoadMore={() => {}}
        status="empty"
      />,
      { locale: 'zh' },
    );
    expect(screen.getByText('此时间范围内没有符合搜索条件的页面')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /时间/ })).toBeTruthy();
  });

  it("shows the server's error and retries", async () => {
    const onRetry = vi.fn();
    const { container } = renderTable({
      rows: [],
      status: 'error',
      error: new ApiError(503, 'unavailable', 'The store is restarting'),
      onRetry,
    });
    expect(container.querySelector('.rk-events')?.getAttribute('data-state')).toBe('error');
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('The sessions could not be loaded')).toBeTruthy();
    expect(alert.textContent).toContain('The store is restarting');
    await act(async () =>
      fireEvent.click(within(alert).getByRole('button', { name: 'Try again' })),
    );
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
