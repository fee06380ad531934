import { fuzzyFilter } from '@rumkit/core';
import {
  type FocusEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Button, Highlight, PlusIcon, SearchIcon } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import type { AddableField } from './useFacetPanel.js';

/**
 * "Add facet": a button opening a searchable list of the category's catalogue fields and
 * custom keys (WAI-ARIA combobox with a listbox). Arrows move, Enter adds, Escape closes and
 * gives focus back to the button.
 */
export function AddFacet({
  fields,
  onAdd,
}: {
  fields: readonly AddableField[];
  onAdd: (field: string) => void;
}) {
  const { t } = useRumKit();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const results = useMemo(
    () => fuzzyFilter(fields, search, (field) => [field.name, field.description ?? '']),
    [fields, search],
  );
  const current = results[Math.min(active, results.length - 1)];

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!open || !current) return;
    document.getElementById(optionId(results.indexOf(current)))?.scrollIntoView?.({
      block: 'nearest',
    });
  });

  const close = (refocus: boolean) => {
    setOpen(false);
    setSearch('');
    setActive(0);
    if (refocus) buttonRef.current?.focus();
  };
  const pick = (name: string) => {
    onAdd(name);
    close(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const n = results.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive((i) => (n ? (Math.min(i, n - 1) + 1) % n : 0));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((i) => (n ? (Math.min(i, n - 1) - 1 + n) % n : 0));
        break;
      case 'Enter':
        event.preventDefault();
        if (current) pick(current.item.name);
        break;
      case 'Escape':
        event.preventDefault();
        close(true);
        break;
    }
  };
  // Focus leaving the popover (Tab, a click elsewhere) closes it.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close(false);
  };

  return (
    <div className="rk-facet-add">
      <Button
        ref={buttonRef}
        size="sm"
        variant="ghost"
        aria-expanded={open}
        aria-controls={open ? `${id}-popover` : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <PlusIcon />
        {t('facet.add')}
      </Button>
      {open ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: focusout of its controls, not an interaction
        <div id={`${id}-popover`} className="rk-facet-add-popover" onBlur={onBlur}>
          <div className="rk-search">
            <SearchIcon />
            <input
              ref={inputRef}
              className="rk-input"
              type="text"
              role="combobox"
              autoComplete="off"
              aria-label={t('facet.addLabel')}
              aria-autocomplete="list"
              aria-expanded="true"
              aria-controls={listId}
              aria-activedescendant={current ? optionId(results.indexOf(current)) : undefined}
              placeholder={t('facet.addPlaceholder')}
              value={search}
              onChange={(event) => {
                setSearch(event.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
            />
          </div>
          <div
            id={listId}
            role="listbox"
            aria-label={t('facet.addLabel')}
            className="rk-facet-add-list"
          >
            {results.length === 0 ? (
              <div className="rk-listbox-empty">
                {fields.length === 0
                  ? t('facet.addAllShown')
                  : t('facet.addEmpty', { query: search.trim() })}
              </div>
            ) : null}
            {results.map((result, index) => (
              <div
                key={result.item.name}
                id={optionId(index)}
                role="option"
                aria-selected={result === current}
                tabIndex={-1}
                className="rk-option"
                // Keep focus in the input: the click must not blur the popover first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(result.item.name)}
                onMouseMove={() => setActive(index)}
                onKeyDown={() => undefined}
              >
                <span className="rk-facet-add-name">
                  <Highlight
                    text={result.item.name}
                    ranges={result.field === 0 ? result.ranges : []}
                  />
                </span>
                <span className="rk-option-desc">
                  {result.item.custom ? t('facet.customKey') : result.item.description}
                </span>
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
