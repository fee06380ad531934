import { DEFAULT_COLUMNS, type ExplorerCategory } from '@rumkit/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderKit } from '../../../../../../test/mocks/kit.js';
import { ColumnChooser } from './ColumnChooser.js';

/** The chooser as a host keeps it: columns in state, every change reported. */
function Host({
  initial,
  category = 'view',
  onChange,
  extraKeys,
}: {
  initial: string[];
  category?: ExplorerCategory;
  onChange: (columns: string[]) => void;
  extraKeys?: string[];
}) {
  const [columns, setColumns] = useState(initial);
  return (
    <ColumnChooser
      category={category}
      columns={columns}
      extraKeys={extraKeys}
      onChange={(next) => {
        setColumns(next);
        onChange(next);
      }}
    />
  );
}

function open(
  initial: string[],
  extra: { category?: ExplorerCategory; extraKeys?: string[] } = {},
) {
  const onChange = vi.fn();
  renderKit(<Host initial={initial} onChange={onChange} {...extra} />);
  fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
  const dialog = screen.getByRole('dialog', { name: 'Columns' });
  const shown = () =>
    within(within(dialog).getByRole('list', { name: 'Shown, in order' }))
      .getAllByRole('listitem')
      .map((item) => item.querySelector('code')?.textContent);
  return { onChange, dialog, shown };
}

describe('ColumnChooser', () => {
  it('opens on the search field and lists the fields of the category with their descriptions', () => {
    const { dialog } = open(['view_url']);
    expect(document.activeElement).toBe(
      within(dialog).getByRole('searchbox', { name: 'Search fields' }),
    );
    const lcp = within(dialog).getByRole('checkbox', { name: 'largest_contentful_paint' });
    expect(lcp.getAttribute('aria-describedby')).toBeTruthy();
    const description = document.getElementById(lcp.getAttribute('aria-describedby') as string);
    expect(description?.textContent?.length).toBeGreaterThan(10);
    // Fields of other categories are not offered.
    expect(within(dialog).queryByRole('checkbox', { name: 'resource_url' })).toBeNull();
    expect(
      (within(dialog).getByRole('checkbox', { name: 'view_url' }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('finds fields by name or description, and says when nothing matches', () => {
    const { dialog } = open(['view_url']);
    const search = within(dialog).getByRole('searchbox', { name: 'Search fields' });
    fireEvent.change(search, { target: { value: 'contentful' } });
    const names = within(dialog)
      .getAllByRole('checkbox')
      .map((c) => c.getAttribute('aria-label'));
    expect(names).toContain('largest_contentful_paint');
    expect(names).toContain('first_contentful_paint');
    expect(names).not.toContain('view_url');
    fireEvent.change(search, { target: { value: 'zzzz nothing' } });
    expect(within(dialog).getByText('No field matches “zzzz nothing”.')).toBeTruthy();
  });

  it('adds a ticked field at the end and removes an unticked one', () => {
    const { dialog, onChange, shown } = open(['view_url', 'loading_time']);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'browser' }));
    expect(onChange).toHaveBeenLastCalledWith(['view_url', 'loading_time', 'browser']);
    expect(shown()).toEqual(['view_url', 'loading_time', 'browser']);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'view_url' }));
    expect(onChange).toHaveBeenLastCalledWith(['loading_time', 'browser']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove browser' }));
    expect(onChange).toHaveBeenLastCalledWith(['loading_time']);
  });

  it('offers the custom keys seen in the data after the catalogue', () => {
    const { dialog, onChange } = open(['view_url'], { extraKeys: ['plan', 'view_url'] });
    const plan = within(dialog).getByRole('checkbox', { name: 'plan' });
    // A key that is also a catalogue field is offered once.
    expect(within(dialog).getAllByRole('checkbox', { name: 'view_url' })).toHaveLength(1);
    fireEvent.click(plan);
    expect(onChange).toHaveBeenLastCalledWith(['view_url', 'plan']);
  });

  it('reorders with the move buttons, keeping the focus on the moved column', async () => {
    const { dialog, onChange, shown } = open(['view_url', 'loading_time', 'time_spent']);
    const up = within(dialog).getByRole('button', { name: 'Move time_spent up' });
    up.focus();
    fireEvent.click(up);
    expect(onChange).toHaveBeenLastCalledWith(['view_url', 'time_spent', 'loading_time']);
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'Move time_spent up' }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move time_spent up' }));
    expect(shown()).toEqual(['time_spent', 'view_url', 'loading_time']);
    // At the top, "up" is disabled and the focus goes to the column's other move button.
    expect(
      (within(dialog).getByRole('button', { name: 'Move time_spent up' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'Move time_spent down' }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move view_url down' }));
    expect(shown()).toEqual(['time_spent', 'loading_time', 'view_url']);
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('status')
          .some((s) => s.textContent === 'Column view_url moved to position 3'),
      ).toBe(true),
    );
  });

  it('reorders by dragging a column onto another', () => {
    const { dialog, shown } = open(['view_url', 'loading_time', 'time_spent']);
    const item = (name: string) =>
      within(dialog)
        .getByText(name, { selector: '.rk-chooser-chosen code' })
        .closest('li') as HTMLElement;
    const dataTransfer = { setData: vi.fn(), effectAllowed: '', dropEffect: '' };
    fireEvent.dragStart(item('time_spent'), { dataTransfer });
    fireEvent.dragOver(item('view_url'), { dataTransfer });
    fireEvent.drop(item('view_url'), { dataTransfer });
    expect(shown()).toEqual(['time_spent', 'view_url', 'loading_time']);
  });

  it("resets to the category's defaults", () => {
    const { dialog, onChange, shown } = open(['browser'], { category: 'resource' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset to defaults' }));
    expect(onChange).toHaveBeenLastCalledWith([...DEFAULT_COLUMNS.resource]);
    expect(shown()).toEqual([...DEFAULT_COLUMNS.resource]);
  });

  it('closes with Escape, returning the focus to its button', () => {
    const { dialog } = open(['view_url']);
    fireEvent.keyDown(within(dialog).getByRole('searchbox'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Columns' }));
  });

  it('speaks Chinese', () => {
    renderKit(<Host initial={[]} onChange={() => {}} />, { locale: 'zh' });
    fireEvent.click(screen.getByRole('button', { name: '显示列' }));
    const dialog = screen.getByRole('dialog', { name: '显示列' });
    expect(within(dialog).getByText('目前只显示时间列。勾选下方字段即可添加列。')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '恢复默认' })).toBeTruthy();
  });
});
