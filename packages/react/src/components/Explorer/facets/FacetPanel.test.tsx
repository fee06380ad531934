import { DEFAULT_FACETS, type ExplorerCategory } from '@rumkit/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { explorerServerForFile, fixtureScope } from '../../../../../../test/mocks/explorer.js';
import { failingHandlers, loadingHandlers } from '../../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import { FacetPanel, type FacetPanelProps } from './FacetPanel.js';

const { server, serve } = explorerServerForFile();

/** The panel as the shell renders it: the committed search is state that each commit sets. */
function Panel({
  category = 'view',
  query: initial = '',
  onQuery,
  ...props
}: Partial<Omit<FacetPanelProps, 'scope'>> & {
  category?: ExplorerCategory;
  query?: string;
  onQuery?: (query: string) => void;
}) {
  const [query, setQuery] = useState(initial);
  return (
    <FacetPanel
      scope={fixtureScope(category, query)}
      onQueryChange={(next) => {
        setQuery(next);
        onQuery?.(next);
      }}
      {...props}
    />
  );
}

const facet = (field: string) => {
  const node = document.querySelector(`.rk-facet[data-field="${field}"]`);
  if (!node) throw new Error(`no facet ${field}`);
  return node as HTMLElement;
};
const checkbox = (field: string, value: string) =>
  within(facet(field)).getByRole('checkbox', { name: value }) as HTMLInputElement;
const checkedValues = (field: string) =>
  within(facet(field))
    .getAllByRole('checkbox')
    .filter((box) => (box as HTMLInputElement).checked)
    .map((box) => box.closest('label')?.textContent);
const ready = (field: string) =>
  waitFor(() => expect(facet(field).getAttribute('data-state')).toBe('ready'));

// Role queries over a panel of full facets are slow in happy-dom: more time than the default
// five seconds.
describe('FacetPanel', { timeout: 20_000 }, () => {
  it('lists the top values of a field with their counts, five first, then more', async () => {
    serve();
    renderKit(<Panel />);
    await ready('view_path_group');
    const box = checkbox('view_path_group', '/products/?');
    expect(box.checked).toBe(true);
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      '9696 events',
    );
    const toggle = within(facet('view_path_group')).getByRole('button', { expanded: true });
    expect(toggle.textContent).toContain('9 values');
    expect(toggle.getAttribute('title')).toMatch(/Page path/);
    expect(within(facet('view_path_group')).getAllByRole('checkbox')).toHaveLength(5);

    fireEvent.click(within(facet('view_path_group')).getByRole('button', { name: 'Show more' }));
    expect(within(facet('view_path_group')).getAllByRole('checkbox')).toHaveLength(9);
    expect(checkbox('view_path_group', '/account/orders/?')).toBeTruthy();
  });

  it('opens a collapsed facet on demand and only then loads its values', async () => {
    serve();
    renderKit(<Panel />);
    const toggle = screen.getByRole('button', { name: 'browser' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(facet('browser').getAttribute('data-state')).toBe('idle');
    fireEvent.click(toggle);
    await ready('browser');
    const count = checkbox('browser', 'Chrome').getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(count)?.textContent).toBe('157157 events');
  });

  it('ticks the values the search lets through', async () => {
    serve();
    renderKit(<Panel query="view_loading_type:initial_load -view_path_group:/cart" />);
    await ready('view_loading_type');
    expect(checkbox('view_loading_type', 'initial_load').checked).toBe(true);
    expect(checkbox('view_loading_type', 'route_change').checked).toBe(false);
    await ready('view_path_group');
    expect(checkbox('view_path_group', '/cart').checked).toBe(false);
    expect(checkbox('view_path_group', '/search').checked).toBe(true);
    // The facet counts without its own conditions, so the excluded value keeps its count.
    expect(checkedValues('view_path_group')).not.toContain('/cart');
  });

  it('"only" replaces every other condition on the key, and "All" lifts it', async () => {
    serve();
    const onQuery = vi.fn();
    renderKit(
      <Panel
        query="view_path_group:/cart -view_path_group:/search browser:Chrome"
        onQuery={onQuery}
      />,
    );
    await ready('view_path_group');
    // The values the search names stay in sight among the top five.
    expect(checkedValues('view_path_group')).toEqual(['/cart']);
    expect(checkbox('view_path_group', '/search').checked).toBe(false);
    fireEvent.click(within(facet('view_path_group')).getByRole('button', { name: 'Show more' }));
    fireEvent.click(screen.getByRole('button', { name: 'Only /checkout' }));
    expect(onQuery).toHaveBeenLastCalledWith('browser:Chrome view_path_group:/checkout');
    await waitFor(() => expect(checkedValues('view_path_group')).toEqual(['/checkout']));

    fireEvent.click(screen.getByRole('button', { name: 'All values of view_path_group' }));
    expect(onQuery).toHaveBeenLastCalledWith('browser:Chrome');
  });

  it('excludes a value with its checkbox (mouse, Space or Enter) or its Exclude button', async () => {
    serve();
    const onQuery = vi.fn();
    renderKit(<Panel onQuery={onQuery} />);
    await ready('view_loading_type');
    fireEvent.click(checkbox('view_loading_type', 'route_change'));
    expect(onQuery).toHaveBeenLastCalledWith('-view_loading_type:route_change');
    await waitFor(() => expect(checkbox('view_loading_type', 'route_change').checked).toBe(false));

    fireEvent.keyDown(checkbox('view_loading_type', 'route_change'), { key: 'Enter' });
    expect(onQuery).toHaveBeenLastCalledWith('');

    await ready('view_path_group');
    fireEvent.click(screen.getByRole('button', { name: 'Exclude /cart' }));
    expect(onQuery).toHaveBeenLastCalledWith('-view_path_group:/cart');
  });

  it('inverts and clears the selection of a facet', async () => {
    serve();
    const onQuery = vi.fn();
    renderKit(<Panel query="view_path_group:(/cart OR /checkout)" onQuery={onQuery} />);
    await ready('view_path_group');
    fireEvent.click(
      screen.getByRole('button', { name: 'Invert the selection of view_path_group' }),
    );
    expect(onQuery).toHaveBeenLastCalledWith('-view_path_group:/cart -view_path_group:/checkout');
    await waitFor(() => expect(checkbox('view_path_group', '/cart').checked).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filters on view_path_group' }));
    expect(onQuery).toHaveBeenLastCalledWith('');
  });

  it('offers a value search past ten values, and asks the server for matching values', async () => {
    serve();
    renderKit(<Panel category="action" />);
    await ready('action_name');
    const toggle = within(facet('action_name')).getByRole('button', { expanded: true });
    expect(toggle.textContent).toContain('More than 10 values');
    // A facet with few values has no search.
    await ready('action_type');
    expect(within(facet('action_type')).queryByRole('searchbox')).toBeNull();

    const search = within(facet('action_name')).getByRole('searchbox', {
      name: 'Search values of action_name',
    });
    fireEvent.change(search, { target: { value: 'cart' } });
    await waitFor(() =>
      expect(
        within(facet('action_name')).queryByRole('checkbox', { name: 'Product card' }),
      ).toBeNull(),
    );
    expect(checkbox('action_name', 'Add to cart')).toBeTruthy();

    fireEvent.change(search, { target: { value: 'no such action' } });
    expect(
      await within(facet('action_name')).findByText('No value contains “no such action”'),
    ).toBeTruthy();
    expect(facet('action_name').getAttribute('data-state')).toBe('empty');
  });

  it('applies a duration range typed with a unit, and resets it', async () => {
    serve();
    const onQuery = vi.fn();
    renderKit(<Panel category="resource" fields={['duration']} onQuery={onQuery} />);
    await ready('duration');
    const range = facet('duration');
    expect(within(range).getByText('In scope: 0 ns to 7.3 s')).toBeTruthy();
    fireEvent.change(within(range).getByRole('combobox', { name: 'Unit' }), {
      target: { value: 'ms' },
    });
    fireEvent.change(within(range).getByRole('spinbutton', { name: 'Minimum' }), {
      target: { value: '100' },
    });
    fireEvent.change(within(range).getByRole('spinbutton', { name: 'Maximum' }), {
      target: { value: '2500' },
    });
    fireEvent.click(within(range).getByRole('button', { name: 'Apply' }));
    expect(onQuery).toHaveBeenLastCalledWith('duration:[100ms TO 2500ms]');

    expect(await within(range).findByText('Filtered: 100 ms to 2.5 s')).toBeTruthy();
    fireEvent.click(within(range).getByRole('button', { name: 'Reset the range of duration' }));
    expect(onQuery).toHaveBeenLastCalledWith('');
  });

  it('reads the range from the search, refuses a reversed one, and commits a slider move', async () => {
    serve();
    const onQuery = vi.fn();
    renderKit(
      <Panel
        category="resource"
        fields={['duration']}
        query="env:production duration:[100ms TO 2.5s]"
        onQuery={onQuery}
      />,
    );
    await ready('duration');
    const range = facet('duration');
    expect(within(range).getByText('Filtered: 100 ms to 2.5 s')).toBeTruthy();
    const min = within(range).getByRole('spinbutton', { name: 'Minimum' }) as HTMLInputElement;
    expect(min.value).toBe('100');
    expect((within(range).getByRole('combobox', { name: 'Unit' }) as HTMLSelectElement).value).toBe(
      'ms',
    );
    fireEvent.change(min, { target: { value: '3000' } });
    expect(within(range).getByRole('alert').textContent).toBe(
      'The minimum must not be above the maximum.',
    );
    expect(within(range).getByRole('button', { name: 'Apply' })).toHaveProperty('disabled', true);
    fireEvent.change(min, { target: { value: '100' } });

    const high = within(range).getByRole('slider', { name: 'Maximum of duration' });
    expect(high.getAttribute('aria-valuetext')).toBe('2.5 s');
    fireEvent.change(high, { target: { value: '990' } });
    fireEvent.pointerUp(high);
    expect(onQuery).toHaveBeenLastCalledWith(
      expect.stringMatching(/^env:production duration:\[100ms TO [\d.]+ms\]$/),
    );
    // Pushed to the end, a handle leaves its side open.
    await waitFor(() => expect(onQuery).toHaveBeenCalledTimes(1));
    const low = within(facet('duration')).getByRole('slider', { name: 'Minimum of duration' });
    fireEvent.change(low, { target: { value: '0' } });
    fireEvent.keyUp(low, { key: 'Home' });
    expect(onQuery).toHaveBeenLastCalledWith(
      expect.stringMatching(/^env:production duration:<=[\d.]+ms$/),
    );
  });

  it('adds a facet from a searchable list of the fields and removes one', async () => {
    serve();
    const onFieldsChange = vi.fn();
    renderKit(<Panel onFieldsChange={onFieldsChange} />);
    const add = screen.getByRole('button', { name: 'Add facet' });
    fireEvent.click(add);
    const input = screen.getByRole('combobox', { name: 'Field to add as a facet' });
    expect(document.activeElement).toBe(input);
    // Fields already shown are not offered.
    fireEvent.change(input, { target: { value: 'view_path' } });
    const offered = () =>
      [...document.querySelectorAll('[role="option"] .rk-facet-add-name')].map(
        (n) => n.textContent,
      );
    expect(offered()).not.toContain('view_path_group');
    expect(offered()).toContain('view_path');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('combobox', { name: 'Field to add as a facet' })).toBeNull();
    expect(document.activeElement).toBe(add);

    fireEvent.click(add);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'browser_version' } });
    expect(offered()[0]).toBe('browser_version');
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Enter' });
    expect(onFieldsChange).toHaveBeenLastCalledWith([...DEFAULT_FACETS.view, 'browser_version']);
    await ready('browser_version');
    expect(checkbox('browser_version', '17.4')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove the env facet' }));
    expect(onFieldsChange).toHaveBeenLastCalledWith(
      [...DEFAULT_FACETS.view, 'browser_version'].filter((f) => f !== 'env'),
    );
    expect(document.querySelector('.rk-facet[data-field="env"]')).toBeNull();
  });

  it('shows the loading, empty and error states per facet, and retries', async () => {
    server.use(...loadingHandlers());
    const first = renderKit(<Panel category="session" fields={['browser', 'country']} />);
    await waitFor(() => expect(facet('browser').getAttribute('data-state')).toBe('loading'));
    expect(within(facet('browser')).getByRole('status').textContent).toBe('Loading values…');
    first.unmount();

    server.resetHandlers();
    serve();
    const second = renderKit(<Panel category="session" fields={['browser', 'country']} />);
    await waitFor(() => expect(facet('country').getAttribute('data-state')).toBe('empty'));
    expect(within(facet('country')).getByText('No values in this range')).toBeTruthy();
    second.unmount();

    server.resetHandlers();
    server.use(...failingHandlers());
    renderKit(<Panel category="session" fields={['browser']} />);
    const alert = await within(facet('browser')).findByRole('alert');
    expect(alert.textContent).toContain('The values of browser could not be loaded');
    expect(alert.textContent).toContain('the event store is not reachable');
    expect(facet('browser').getAttribute('data-state')).toBe('error');
    server.resetHandlers();
    serve();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await ready('browser');
    expect(checkbox('browser', 'Chrome')).toBeTruthy();
  });

  it('speaks Chinese', async () => {
    serve();
    renderKit(<Panel fields={['view_loading_type']} />, { locale: 'zh' });
    await ready('view_loading_type');
    expect(screen.getByRole('heading', { name: '快捷筛选' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '仅看 initial_load' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '添加筛选字段' })).toBeTruthy();
  });
});
