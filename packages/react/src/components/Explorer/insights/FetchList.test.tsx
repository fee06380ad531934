import type { EventRecord } from '@rumkit/core';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { explorerBackend } from '../../../../../../test/mocks/events.js';
import { fixtureScope } from '../../../../../../test/mocks/explorer.js';
import { T0 } from '../../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import { FetchList } from './FetchList.js';

const signal = () => ({ signal: new AbortController().signal });

/** The resources of a fixture view that made API calls, each given a resource_id. */
async function viewWithApiCalls(): Promise<EventRecord[]> {
  const backend = explorerBackend();
  const { rows } = await backend.searchEvents(
    { ...fixtureScope('resource', 'resource_type:(xhr OR fetch) trace_id:*'), limit: 1 },
    signal(),
  );
  const detail = await backend.getView({ view_id: String(rows[0]?.view_id) }, signal());
  // Ids of the test's own, so it knows what a row opens.
  return detail.resources.map((r, i) => ({ ...r, time: Number(r.time), resource_id: `res-${i}` }));
}

const isApi = (r: EventRecord) => r.resource_type === 'xhr' || r.resource_type === 'fetch';
const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

// Generous: the fixture's traffic is generated per test, and happy-dom draws slowly.
describe('FetchList', { timeout: 20_000 }, () => {
  it("lists only the view's XHR and Fetch requests, in time order, with their trace ids", async () => {
    const resources = await viewWithApiCalls();
    const api = resources.filter(isApi).sort((a, b) => a.time - b.time);
    expect(resources.length).toBeGreaterThan(api.length);
    renderKit(<FetchList resources={resources} onOpen={vi.fn()} />);
    expect(bodyRows()).toHaveLength(api.length);
    const first = api[0] as EventRecord;
    const cells = within(bodyRows()[0] as HTMLElement).getAllByRole('cell');
    expect(cells[0]?.textContent).toBe('+0 ns');
    expect(cells[1]?.textContent).toBe(first.resource_method);
    expect(cells[2]?.getAttribute('title')).toBe(first.resource_url);
    expect(cells[2]?.textContent).toBe(new URL(String(first.resource_url)).pathname);
    expect(cells[3]?.textContent).toBe(String(first.resource_status));
    // Without a link for traces, each id is shown with a copy button.
    for (const record of api.filter((r) => r.trace_id)) {
      expect(screen.getByText(String(record.trace_id))).toBeTruthy();
      expect(screen.getByRole('button', { name: `Copy trace id ${record.trace_id}` })).toBeTruthy();
    }
    expect(screen.getByRole('heading').textContent).toContain(`${api.length} request`);
  });

  it('links a trace id to the host APM, and opens the request from its row', async () => {
    const resources = await viewWithApiCalls();
    const api = resources.filter(isApi).sort((a, b) => a.time - b.time);
    const traced = api.find((r) => r.trace_id) as EventRecord;
    const onOpen = vi.fn();
    renderKit(
      <FetchList
        resources={resources}
        onOpen={onOpen}
        traceHref={(id) => `https://apm.example.com/traces/${id}`}
      />,
    );
    const link = screen.getByRole('link', { name: `Open trace ${traced.trace_id}` });
    expect(link.getAttribute('href')).toBe(`https://apm.example.com/traces/${traced.trace_id}`);
    // The trace's cell is the APM's, not the row's: a click there does not open the request.
    fireEvent.click(link.closest('td') as HTMLElement);
    expect(onOpen).not.toHaveBeenCalled();

    const path = new URL(String(traced.resource_url)).pathname;
    const [button] = screen.getAllByRole('button', {
      name: `Open request ${traced.resource_method} ${path}`,
    });
    fireEvent.click(button as HTMLElement);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(api.map((r) => r.resource_id)).toContain(onOpen.mock.calls[0]?.[0].id);
    // A click anywhere else on a row opens it too.
    fireEvent.click(within(bodyRows()[0] as HTMLElement).getAllByRole('cell')[4] as HTMLElement);
    expect(onOpen).toHaveBeenLastCalledWith({ category: 'resource', id: api[0]?.resource_id });
  });

  it('marks failed requests and says when a request has no trace', () => {
    const resources = [
      {
        time: T0,
        resource_id: 'a',
        resource_type: 'xhr',
        resource_method: 'POST',
        resource_url: 'https://x.test/a',
        resource_status: 503,
      },
      {
        time: T0 + 1200,
        resource_id: 'b',
        resource_type: 'fetch',
        resource_method: 'GET',
        resource_url: 'https://x.test/b',
        resource_status: 0,
      },
    ];
    renderKit(<FetchList resources={resources} onOpen={vi.fn()} />);
    expect(screen.getByText('503').getAttribute('data-tone')).toBe('error');
    expect(screen.getByText('Failed')).toBeTruthy();
    expect(screen.getAllByText('No trace')).toHaveLength(2);
    expect(screen.getByText('+1.2 s')).toBeTruthy();
  });

  it('says so when the view made no Fetch/XHR requests', () => {
    const { container } = renderKit(
      <FetchList
        resources={[{ time: T0, resource_type: 'js', resource_url: 'https://x.test/app.js' }]}
        onOpen={vi.fn()}
      />,
    );
    expect(screen.getByText('No Fetch/XHR requests in this view')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(container.querySelector('.rk-fetch')?.getAttribute('data-state')).toBe('empty');
  });
});
