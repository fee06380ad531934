import { eqTerm, printSearch } from '@rumkit/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  explorerServerForFile,
  FIXTURE_RANGE,
  fixtureScope,
} from '../../../../../../test/mocks/explorer.js';
import { failingHandlers, loadingHandlers, T0 } from '../../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import { SimilarErrors } from './SimilarErrors.js';

const { server, serve } = explorerServerForFile();
const MESSAGE = "Cannot read properties of undefined (reading 'price')";
const signal = () => ({ signal: new AbortController().signal });
const state = () => document.querySelector('.rk-similar')?.getAttribute('data-state');

describe('SimilarErrors', { timeout: 20_000 }, () => {
  it('counts the errors with the same message over the range, as the backend does, with first and last seen', async () => {
    const backend = serve();
    const query = printSearch(eqTerm('error_message', MESSAGE));
    const [histogram, all] = await Promise.all([
      backend.histogram({ ...fixtureScope('error', query), buckets: 30 }, signal()),
      backend.searchEvents({ ...fixtureScope('error', query), limit: 1000 }, signal()),
    ]);
    const total = histogram.buckets.reduce((sum, b) => sum + b.count, 0);
    expect(total).toBeGreaterThan(1);
    const error = all.rows[0] as { time: number };

    renderKit(<SimilarErrors error={{ ...error }} {...FIXTURE_RANGE} />);
    expect(await screen.findByText(`${total} errors`)).toBeTruthy();
    expect(state()).toBe('ready');
    const bars = [...document.querySelectorAll('.rk-similar-bar')];
    expect(bars).toHaveLength(histogram.buckets.length);
    expect(bars.map((b) => Number(b.getAttribute('data-count')))).toEqual(
      histogram.buckets.map((b) => b.count),
    );
    const times = all.rows.map((r) => Number(r.time)).sort((a, b) => a - b);
    const format = (ms: number) =>
      new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }).format(ms);
    expect((await screen.findByText('First seen')).nextSibling?.textContent).toBe(
      format(times[0] as number),
    );
    expect((await screen.findByText('Last seen')).nextSibling?.textContent).toBe(
      format(times.at(-1) as number),
    );
    expect(
      screen.getByRole('img', { name: new RegExp(`^${total} errors with this message between`) }),
    ).toBeTruthy();
  });

  it('says so when no error in the range has the message, or the error has none', async () => {
    serve();
    const { unmount } = renderKit(
      <SimilarErrors error={{ time: T0, error_message: 'never happened' }} {...FIXTURE_RANGE} />,
    );
    expect(
      await screen.findByText('No errors with this message in the selected range.'),
    ).toBeTruthy();
    expect(state()).toBe('empty');
    unmount();
    renderKit(<SimilarErrors error={{ time: T0 }} {...FIXTURE_RANGE} />);
    expect(screen.getByText('This error has no message to compare.')).toBeTruthy();
  });

  it('shows the loading state, then the error with the server message', async () => {
    server.use(...loadingHandlers());
    const { unmount } = renderKit(
      <SimilarErrors error={{ time: T0, error_message: MESSAGE }} {...FIXTURE_RANGE} />,
    );
    expect(screen.getByRole('status').textContent).toBe('Counting similar errors…');
    expect(state()).toBe('loading');
    unmount();
    server.resetHandlers(...failingHandlers());
    renderKit(<SimilarErrors error={{ time: T0, error_message: MESSAGE }} {...FIXTURE_RANGE} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Similar errors could not be counted');
    expect(alert.textContent).toContain('the event store is not reachable; try again in a minute');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
