import { defaultExplorerState, type ExplorerState, formatDuration } from '@rumkit/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { explorerServerForFile } from '../../../../../test/mocks/explorer.js';
import { T0 } from '../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../test/mocks/kit.js';
import { fakeLayoutForFile } from '../../../../../test/mocks/layout.js';
import { Explorer } from './Explorer.js';
import { withFilter } from './useExplorer.js';

const { serve } = explorerServerForFile();
fakeLayoutForFile();
const now = () => T0;
const twoHours = { type: 'relative', last: '2h' } as const;

/** The state the host gets with each change, last first. */
function recorder() {
  const states: ExplorerState[] = [];
  const onStateChange = vi.fn((state: ExplorerState) => void states.unshift(state));
  return { states, onStateChange };
}

const bodyRows = (root: HTMLElement) =>
  [...root.querySelectorAll('[role="row"][aria-rowindex]')].filter(
    (row) => row.getAttribute('aria-rowindex') !== '1',
  );

describe('Explorer', () => {
  it('lists the sessions of the range, newest first, with their total', async () => {
    const backend = serve();
    const { container } = renderKit(<Explorer now={now} defaultState={{ range: twoHours }} />);
    const root = container.querySelector('.rk-explorer') as HTMLElement;
    await waitFor(() => expect(root.getAttribute('data-state')).toBe('ready'), { timeout: 10_000 });
    const range = { category: 'session' as const, from: T0 - 2 * 3_600_000, to: T0 };
    const [newest] = (await backend.searchEvents({ ...range, limit: 1 })).rows;
    const total = (await backend.histogram(range)).buckets.reduce((n, b) => n + b.count, 0);
    // The virtualized list renders the rows in view, the newest first.
    await waitFor(() => expect(bodyRows(root).length).toBeGreaterThan(10), { timeout: 10_000 });
    expect(bodyRows(root).length).toBeLessThan(40);
    expect(bodyRows(root)[0]?.textContent).toContain(formatDuration(Number(newest?.time_spent)));
    await screen.findAllByText(`${total} sessions`);
    expect(screen.getByRole('button', { name: 'Sessions' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('keeps a search that fits the new category and resets its columns and detail', async () => {
    serve();
    const { states, onStateChange } = recorder();
    renderKit(
      <Explorer
        now={now}
        defaultState={{
          range: twoHours,
          query: 'browser:Chrome',
          columns: ['browser'],
          detail: { category: 'session', id: 'x' },
        }}
        onStateChange={onStateChange}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Errors' }));
    expect(states[0]).toMatchObject({
      category: 'error',
      query: 'browser:Chrome',
      columns: null,
      detail: null,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Long tasks' }));
    expect(states[0]?.category).toBe('long_task');
  });

  it('drops a search the new category cannot run', async () => {
    serve();
    const { states, onStateChange } = recorder();
    renderKit(
      <Explorer
        now={now}
        defaultState={{ range: twoHours, query: 'error_type:TypeError', category: 'error' }}
        onStateChange={onStateChange}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Views' }));
    expect(states[0]).toMatchObject({ category: 'view', query: '' });
  });

  it('opens the detail of a row it is given and leaves the state to a host that owns it', async () => {
    const backend = serve();
    const [session] = (
      await backend.searchEvents({ category: 'session', from: T0 - 7_200_000, to: T0, limit: 1 })
    ).rows;
    const id = String(session?.session_id);
    const { states, onStateChange } = recorder();
    const state: ExplorerState = {
      ...defaultExplorerState('session'),
      range: twoHours,
      detail: { category: 'session', id },
    };
    renderKit(<Explorer now={now} state={state} onStateChange={onStateChange} />);
    const drawer = await waitFor(() => {
      const aside = document.querySelector('aside.rk-drawer');
      if (!(aside instanceof HTMLElement)) throw new Error('no drawer yet');
      return aside;
    });
    await within(drawer).findByRole('tab', { name: 'Timeline' }, { timeout: 5_000 });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Close the detail' }));
    expect(states[0]?.detail).toBeNull();
    // Controlled: the drawer stays until the host takes the change.
    expect(document.querySelector('aside.rk-drawer')).toBe(drawer);
  }, 20_000);

  it('opens a row of the list in the drawer', async () => {
    serve();
    const { states, onStateChange } = recorder();
    const { container } = renderKit(
      <Explorer now={now} defaultState={{ range: twoHours }} onStateChange={onStateChange} />,
    );
    const root = container.querySelector('.rk-explorer') as HTMLElement;
    await waitFor(() => expect(bodyRows(root).length).toBeGreaterThan(0), { timeout: 10_000 });
    const first = bodyRows(root)[0] as HTMLElement;
    fireEvent.click(first);
    expect(states[0]?.detail).toMatchObject({ category: 'session' });
    expect(states[0]?.detail?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('changes the range from its presets', async () => {
    serve();
    const { states, onStateChange } = recorder();
    renderKit(<Explorer now={now} onStateChange={onStateChange} />);
    fireEvent.click(screen.getByRole('button', { name: /Last 15 minutes/ }));
    const dialog = screen.getByRole('dialog', { name: 'Time range' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Last 4 hours' }));
    expect(states[0]?.range).toEqual({ type: 'relative', last: '4h' });
  });

  it('refuses an absolute range that ends before it starts', async () => {
    serve();
    const { onStateChange } = recorder();
    renderKit(<Explorer now={now} onStateChange={onStateChange} />);
    fireEvent.click(screen.getByRole('button', { name: /Last 15 minutes/ }));
    const dialog = screen.getByRole('dialog', { name: 'Time range' });
    fireEvent.change(within(dialog).getByLabelText('From'), {
      target: { value: '2026-11-20T12:00' },
    });
    fireEvent.change(within(dialog).getByLabelText('To'), {
      target: { value: '2026-11-20T11:00' },
    });
    fireEvent.click(within(dialog).getAllByRole('button', { name: 'Apply' })[1] as HTMLElement);
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'The start must come before the end.',
    );
    expect(onStateChange).not.toHaveBeenCalled();
  });
});

describe('withFilter', () => {
  it('adds a filter, an exclusion, or replaces the conditions of a key', () => {
    expect(withFilter('', { key: 'browser', value: 'Chrome' })).toBe('browser:Chrome');
    expect(withFilter('env:prod', { key: 'browser', value: 'Chrome', negate: true })).toBe(
      'env:prod -browser:Chrome',
    );
    expect(
      withFilter('browser:Safari env:prod', { key: 'browser', value: 'Chrome', only: true }),
    ).toBe('env:prod browser:Chrome');
    expect(withFilter('', { key: 'view_url', value: 'https://x/?a=1' })).toBe(
      'view_url:"https://x/?a=1"',
    );
  });

  it('leaves the search as it is for a key the syntax cannot write', () => {
    expect(withFilter('env:prod', { key: 'my key', value: 1 })).toBe('env:prod');
  });
});
