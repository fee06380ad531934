import { ApiError } from '@rumkit/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { explorerServerForFile, fixtureScope } from '../../../../../../test/mocks/explorer.js';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import type { ExplorerScope } from '../types.js';
import { HISTORY_KEY } from './history.js';
import { SearchBar, type SearchBarProps } from './SearchBar.js';

const { server, serve } = explorerServerForFile();

/** The bar as the explorer holds it: the committed query lives above it. */
function Bar({
  initial = '',
  category = 'view',
  onCommit,
  ...props
}: Partial<SearchBarProps> & {
  initial?: string;
  category?: ExplorerScope['category'];
  onCommit?: (query: string) => void;
}) {
  const [query, setQuery] = useState(initial);
  return (
    <SearchBar
      scope={fixtureScope(category, query)}
      onChange={(next) => {
        setQuery(next);
        onCommit?.(next);
      }}
      {...props}
    />
  );
}

const input = () => screen.getByRole('combobox', { name: 'Search' }) as HTMLInputElement;
const type = (text: string) => fireEvent.change(input(), { target: { value: text } });
const press = (key: string, init: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(input(), { key, ...init });
const pillNames = () =>
  screen.queryByRole('list', { name: 'Filters' })
    ? within(screen.getByRole('list', { name: 'Filters' }))
        .getAllByRole('button', { name: /^Edit/ })
        .map((b) => b.getAttribute('aria-label'))
    : [];
const alert = () => document.querySelector('.rk-search-problem') as HTMLElement | null;
const marked = () => alert()?.querySelector('mark')?.textContent;
const optionTexts = () =>
  within(screen.getByRole('listbox'))
    .queryAllByRole('option')
    .map((o) => o.textContent);

beforeEach(() => localStorage.clear());

describe('SearchBar', () => {
  it('commits a typed search on Enter and shows it as a pill', async () => {
    serve();
    const onCommit = vi.fn();
    renderKit(<Bar onCommit={onCommit} />);
    type('env:prod');
    press('Enter');
    expect(onCommit).toHaveBeenCalledWith('env:prod');
    expect(pillNames()).toEqual(['Edit filter env:prod']);
    expect(input().value).toBe('');
    // The next term is added to the pills, not in their place.
    type('"time out"');
    press('Enter');
    expect(onCommit).toHaveBeenLastCalledWith('env:prod "time out"');
    expect(pillNames()).toEqual(['Edit filter env:prod', 'Edit filter "time out"']);
  });

  it('does not commit a search that does not parse, and marks where it breaks', () => {
    serve();
    const onCommit = vi.fn();
    renderKit(<Bar onCommit={onCommit} />);
    type('service:web (env:prod');
    press('Enter');
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('unclosed parenthesis opened at 12');
    expect(marked()).toBe('(');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().getAttribute('aria-describedby')).toBe(alert()?.id);
    // Typing again clears the complaint; the fixed search goes through.
    type('service:web (env:prod)');
    expect(alert()).toBeNull();
    press('Enter');
    expect(onCommit).toHaveBeenCalledWith('service:web env:prod');
  });

  it('refuses a field the category does not have, pointing at the key', () => {
    serve();
    const onCommit = vi.fn();
    renderKit(<Bar category="view" onCommit={onCommit} extraKeys={['cart_id']} />);
    type('cart_id:42 resource_status:404');
    press('Enter');
    expect(onCommit).not.toHaveBeenCalled();
    expect(alert()?.textContent).toContain('"resource_status" is not a field of view events');
    expect(marked()).toBe('resource_status');
    // A custom key the host knows of is fine.
    type('cart_id:42');
    press('Enter');
    expect(onCommit).toHaveBeenCalledWith('cart_id:42');
  });

  it('switches between pills and text without losing the search', () => {
    serve();
    const onCommit = vi.fn();
    const onModeChange = vi.fn();
    renderKit(
      <Bar initial="service:web (a OR b)" onCommit={onCommit} onModeChange={onModeChange} />,
    );
    expect(pillNames()).toEqual(['Edit filter service:web', 'Edit filter a OR b']);
    // A term being typed goes along into the text.
    type('-env:prod');
    fireEvent.click(screen.getByRole('button', { name: 'Switch to text' }));
    expect(onModeChange).toHaveBeenLastCalledWith('text');
    expect(input().value).toBe('service:web (a OR b) -env:prod');
    expect(screen.queryByRole('list', { name: 'Filters' })).toBeNull();

    type('service:web (a OR b) -env:prod browser:Chrome');
    fireEvent.click(screen.getByRole('button', { name: 'Switch to pills' }));
    expect(onCommit).toHaveBeenLastCalledWith('service:web (a OR b) -env:prod browser:Chrome');
    expect(pillNames()).toEqual([
      'Edit filter service:web',
      'Edit filter a OR b',
      'Edit filter NOT env:prod',
      'Edit filter browser:Chrome',
    ]);
  });

  it('stays in text mode, saying why, when the text does not parse', () => {
    serve();
    const onCommit = vi.fn();
    renderKit(<Bar defaultMode="text" initial="env:prod" onCommit={onCommit} />);
    expect(input().value).toBe('env:prod');
    type('env:prod "unclosed');
    fireEvent.click(screen.getByRole('button', { name: 'Switch to pills' }));
    expect(onCommit).not.toHaveBeenCalled();
    expect(alert()?.textContent).toContain('unclosed quote');
    expect(marked()).toBe('"');
    expect(screen.getByRole('button', { name: 'Switch to pills' })).toBeTruthy();
    // Enter in text mode commits the whole text.
    type('env:prod "closed now"');
    press('Enter');
    expect(onCommit).toHaveBeenCalledWith('env:prod "closed now"');
  });

  it('removes, excludes and edits pills, committing the text that results', async () => {
    serve();
    const onCommit = vi.fn();
    renderKit(<Bar initial="service:web env:prod browser:Chrome" onCommit={onCommit} />);

    fireEvent.click(screen.getByRole('button', { name: 'Remove filter service:web' }));
    expect(onCommit).toHaveBeenLastCalledWith('env:prod browser:Chrome');

    fireEvent.click(screen.getByRole('button', { name: 'Actions for filter env:prod' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Exclude' }));
    expect(onCommit).toHaveBeenLastCalledWith('-env:prod browser:Chrome');
    const excluded = screen.getByRole('button', { name: 'Edit filter NOT env:prod' });
    expect(excluded.textContent).toBe('NOT env:prod');

    fireEvent.click(screen.getByRole('button', { name: 'Actions for filter -env:prod' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Include' }));
    expect(onCommit).toHaveBeenLastCalledWith('env:prod browser:Chrome');

    // Editing puts the pill's text in the input; Enter puts the new term in its place.
    fireEvent.click(screen.getByRole('button', { name: 'Edit filter env:prod' }));
    expect(input().value).toBe('env:prod');
    type('env:test');
    press('Enter');
    expect(onCommit).toHaveBeenLastCalledWith('env:test browser:Chrome');

    // Backspace in the empty input removes the last pill.
    press('Backspace');
    expect(onCommit).toHaveBeenLastCalledWith('env:test');

    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(onCommit).toHaveBeenLastCalledWith('');
    expect(pillNames()).toEqual([]);
  });

  it('completes a field name, then a value from the facets, with the keyboard', async () => {
    const backend = serve();
    const onCommit = vi.fn();
    renderKit(<Bar initial="env:production" onCommit={onCommit} />);

    type('brows');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    const fields = screen.getByRole('group', { name: 'Fields' });
    expect(within(fields).getAllByRole('option')[0]?.textContent).toContain('browser');
    expect(within(fields).getAllByRole('option')[0]?.textContent).toContain('Browser name.');
    press('ArrowDown');
    const first = within(fields).getAllByRole('option')[0];
    expect(input().getAttribute('aria-activedescendant')).toBe(first?.id);
    expect(first?.getAttribute('aria-selected')).toBe('true');
    press('Enter');
    expect(input().value).toBe('browser:');
    expect(onCommit).not.toHaveBeenCalled();

    // Values come from the facet of the scope, with their counts.
    const facet = await backend.facet({
      ...fixtureScope('view', 'env:production'),
      field: 'browser',
      limit: 10,
    });
    const top = facet.values[0];
    if (!top) throw new Error('the fixture has no browsers');
    const values = await screen.findByRole('group', { name: 'Values of browser' });
    const option = within(values).getAllByRole('option')[0];
    expect(option?.textContent).toContain(String(top.value));
    expect(option?.textContent).toContain(top.count.toLocaleString('en-GB'));

    // A value with a space is typed in quotes; what is offered is quoted when inserted.
    type('browser:"Mobile S');
    await waitFor(() => expect(optionTexts()).toHaveLength(1));
    expect(optionTexts()[0]).toContain('Mobile Safari');
    press('ArrowDown');
    press('Enter');
    expect(onCommit).toHaveBeenCalledWith('env:production browser:"Mobile Safari"');
    expect(pillNames()).toEqual([
      'Edit filter env:production',
      'Edit filter browser:"Mobile Safari"',
    ]);
    expect(input().getAttribute('aria-expanded')).toBe('false');
  });

  it("asks for values without the key's own conditions, so other values stay on offer", async () => {
    serve();
    const requests: unknown[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.url.endsWith('/facet')) requests.push(await request.clone().json());
    });
    renderKit(<Bar initial="browser:Chrome env:production" />);
    type('browser:');
    await screen.findByRole('group', { name: 'Values of browser' });
    expect(requests.at(-1)).toMatchObject({ field: 'browser', query: 'env:production', limit: 10 });
    expect(optionTexts().some((text) => text?.includes('Safari'))).toBe(true);
    server.events.removeAllListeners();
  });

  it('offers duration forms for a duration field, and Tab takes the chosen one', () => {
    serve();
    const onCommit = vi.fn();
    renderKit(<Bar category="resource" onCommit={onCommit} />);
    type('duration:>2');
    const forms = screen.getByRole('group', { name: 'Duration filters' });
    expect(
      within(forms)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['duration:>2ms', 'duration:>2s', 'duration:>2us', 'duration:>2min']);
    press('ArrowDown');
    press('ArrowDown');
    press('Tab');
    expect(onCommit).toHaveBeenCalledWith('duration:>2s');
  });

  it('completes in text mode too, committing the whole text with the chosen value', async () => {
    serve();
    const onCommit = vi.fn();
    renderKit(<Bar defaultMode="text" initial="env:production" onCommit={onCommit} />);
    type('env:production brow');
    press('ArrowDown');
    press('Enter');
    expect(input().value).toBe('env:production browser:');
    const values = await screen.findByRole('group', { name: 'Values of browser' });
    fireEvent.click(within(values).getByRole('option', { name: /^Safari/ }));
    expect(onCommit).toHaveBeenCalledWith('env:production browser:Safari');
    expect(input().value).toBe('env:production browser:Safari');
  });

  it('puts a pill back unchanged when its edit is cancelled with Escape', () => {
    serve();
    const onCommit = vi.fn();
    renderKit(<Bar initial="service:web env:prod" onCommit={onCommit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit filter service:web' }));
    // The pill being edited steps aside while its text is in the input.
    expect(pillNames()).toEqual(['Edit filter env:prod']);
    type('service:api');
    press('Escape'); // closes the suggestions
    expect(input().value).toBe('service:api');
    press('Escape'); // cancels the edit
    expect(input().value).toBe('');
    expect(onCommit).not.toHaveBeenCalled();
    expect(pillNames()).toEqual(['Edit filter service:web', 'Edit filter env:prod']);
  });

  it('closes the list on Escape, and Enter then commits what was typed', () => {
    serve();
    const onCommit = vi.fn();
    renderKit(<Bar onCommit={onCommit} />);
    type('serv');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    press('Escape');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    press('Enter');
    expect(onCommit).toHaveBeenCalledWith('serv');
  });

  it('offers recent searches, newest first, on ArrowDown in the empty input', () => {
    serve();
    const onCommit = vi.fn();
    renderKit(<Bar onCommit={onCommit} />);
    type('env:prod');
    press('Enter');
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    type('service:web');
    press('Enter');
    expect(JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]')).toEqual([
      'service:web',
      'env:prod',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));

    press('ArrowDown');
    const listbox = screen.getByRole('listbox', { name: 'Recent searches' });
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['service:web', 'env:prod']);
    press('ArrowDown');
    press('ArrowDown');
    press('Enter');
    expect(onCommit).toHaveBeenLastCalledWith('env:prod');
    // Used again, it moves to the top, once.
    expect(JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]')).toEqual([
      'env:prod',
      'service:web',
    ]);
  });

  it('keeps working when the browser refuses storage', () => {
    serve();
    const onCommit = vi.fn();
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: refuse, setItem: refuse, removeItem: refuse });
    try {
      renderKit(<Bar onCommit={onCommit} />);
      type('env:prod');
      press('Enter');
      expect(onCommit).toHaveBeenCalledWith('env:prod');
      fireEvent.click(screen.getByRole('button', { name: 'Recent searches' }));
      expect(screen.getByRole('status').textContent).toBe('No recent searches yet');
      expect(screen.getByRole('listbox', { name: 'Recent searches' }).dataset.state).toBe('empty');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("shows the server's refusal of the committed search where it points", async () => {
    const backend = serve();
    const query = 'env:prod no_such_key:1';
    const refusal = await backend
      .searchEvents({ ...fixtureScope('view', query), limit: 1 })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    renderKit(<Bar initial={query} serverError={refusal} />);
    expect(alert()?.textContent).toContain('The server refused this search:');
    expect(alert()?.textContent).toContain('no_such_key');
    expect(marked()).toBe('no_such_key');
    expect(input().getAttribute('aria-describedby')).toBe(alert()?.id);
  });

  it('leaves failures that are not about the search to the results', () => {
    serve();
    renderKit(<Bar initial="env:prod" serverError={new ApiError(0, 'network', 'offline')} />);
    expect(alert()).toBeNull();
    expect(input().getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a committed search that does not parse as text with its error', () => {
    serve();
    renderKit(<Bar initial="env:(prod" />);
    expect(input().value).toBe('env:(prod');
    expect(alert()?.textContent).toContain('unclosed parenthesis');
    expect(screen.queryByRole('list', { name: 'Filters' })).toBeNull();
  });

  it('focuses the bar on "/" pressed outside a text field', () => {
    serve();
    renderKit(
      <>
        <input aria-label="Other" />
        <Bar />
      </>,
    );
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Other' }), { key: '/' });
    expect(document.activeElement).not.toBe(input());
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(input());
  });

  it('speaks Chinese', () => {
    serve();
    const onCommit = vi.fn();
    renderKit(<Bar onCommit={onCommit} />, { locale: 'zh' });
    const box = screen.getByRole('combobox', { name: '搜索' }) as HTMLInputElement;
    fireEvent.change(box, { target: { value: 'nope:1' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onCommit).not.toHaveBeenCalled();
    expect(alert()?.textContent).toContain('此类别中没有字段“nope”');
    expect(screen.getByRole('button', { name: '切换为文本' })).toBeTruthy();
  });
});
