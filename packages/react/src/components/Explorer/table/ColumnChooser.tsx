import { DEFAULT_COLUMNS, type ExplorerCategory, fieldsOf } from '@rumkit/core';
import { type KeyboardEvent, memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button, useAnnouncer } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { ChosenColumns } from './ChosenColumns.js';

export interface ColumnChooserProps {
  category: ExplorerCategory;
  /** The chosen columns, in order (the time column is always first and not listed). */
  columns: readonly string[];
  onChange: (columns: string[]) => void;
  /** Custom context keys seen in the data, offered after the catalogue's fields. */
  extraKeys?: readonly string[] | undefined;
  /** Open state, when the table opens it from a column menu; default uncontrolled. */
  open?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** Where added columns go (an index into `columns`); default at the end. */
  insertAt?: number | null | undefined;
}

interface Option {
  name: string;
  description: string;
  custom: boolean;
}

const matches = (option: Option, words: readonly string[]) => {
  const text = `${option.name} ${option.description}`.toLowerCase();
  return words.every((word) => text.includes(word));
};

/**
 * The "Columns" button and its popover: search the category's fields, tick to add or remove,
 * reorder the chosen ones, reset to the defaults. A non-modal dialog: Escape, the close button
 * or a click outside close it, and the focus goes back to the button. Memoized: the table
 * renders on every scroll, the chooser only when its props change.
 */
export const ColumnChooser = memo(function ColumnChooser({
  category,
  columns,
  onChange,
  extraKeys,
  open: openProp,
  onOpenChange,
  insertAt,
}: ColumnChooserProps) {
  const { t } = useRumKit();
  const [ownOpen, setOwnOpen] = useState(false);
  const open = openProp ?? ownOpen;
  const onOpenChangeRef = useRef(onOpenChange);
  onOpenChangeRef.current = onOpenChange;
  const setOpen = (next: boolean) => {
    setOwnOpen(next);
    onOpenChangeRef.current?.(next);
  };
  const [search, setSearch] = useState('');
  const [region, announce] = useAnnouncer();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // Successive additions from "insert column…" go in one after the other, in tick order.
  const insertion = useRef<number | null>(null);
  const titleId = useId();

  // Each opening starts inserting at the asked place again.
  useEffect(() => {
    if (open) insertion.current = insertAt ?? null;
  }, [open, insertAt]);

  useEffect(() => {
    if (!open) return;
    searchRef.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setOwnOpen(false);
        onOpenChangeRef.current?.(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const options = useMemo<Option[]>(() => {
    const catalogue = fieldsOf(category).map((def) => ({
      name: def.name,
      description: def.description,
      custom: false,
    }));
    const known = new Set(catalogue.map((o) => o.name));
    const custom = (extraKeys ?? [])
      .filter((key) => !known.has(key))
      .map((name) => ({ name, description: t('table.chooser.custom'), custom: true }));
    return [...catalogue, ...custom];
  }, [category, extraKeys, t]);

  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = words.length > 0 ? options.filter((o) => matches(o, words)) : options;
  const chosen = new Set(columns);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const add = (field: string) => {
    const at = insertion.current;
    const next = [...columns];
    if (at === null || at > next.length) next.push(field);
    else {
      next.splice(at, 0, field);
      insertion.current = at + 1;
    }
    onChange(next);
    announce(t('table.announce.added', { field }));
  };

  const remove = (field: string) => {
    const index = columns.indexOf(field);
    if (insertion.current !== null && index >= 0 && index < insertion.current)
      insertion.current -= 1;
    onChange(columns.filter((c) => c !== field));
    announce(t('table.announce.removed', { field }));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <div className="rk-chooser">
      <Button
        ref={buttonRef}
        size="sm"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('table.chooser.button')}
      </Button>
      {region}
      {open ? (
        <div
          ref={panelRef}
          role="dialog"
          aria-labelledby={titleId}
          className="rk-chooser-panel"
          onKeyDown={onKeyDown}
        >
          <div className="rk-chooser-head">
            <h3 id={titleId} className="rk-chooser-title">
              {t('table.chooser.title')}
            </h3>
            <Button variant="ghost" size="sm" onClick={close}>
              {t('table.chooser.close')}
            </Button>
          </div>
          <section className="rk-chooser-section" aria-label={t('table.chooser.shown')}>
            <h4 className="rk-chooser-subtitle">{t('table.chooser.shown')}</h4>
            <ChosenColumns
              columns={columns}
              t={t}
              onRemove={remove}
              onChange={(next, moved) => {
                onChange(next);
                if (moved) announce(t('table.announce.moved', moved));
              }}
            />
          </section>
          <section className="rk-chooser-section">
            <input
              ref={searchRef}
              type="search"
              className="rk-chooser-search"
              aria-label={t('table.chooser.search')}
              placeholder={t('table.chooser.search')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            {insertAt !== null && insertAt !== undefined ? (
              <p className="rk-muted rk-chooser-hint">
                {insertAt === 0
                  ? t('table.chooser.insertFirst')
                  : t('table.chooser.insertAfter', { field: columns[insertAt - 1] ?? '' })}
              </p>
            ) : null}
            {shown.length === 0 ? (
              <p className="rk-muted rk-chooser-none">
                {t('table.chooser.noMatch', { text: search })}
              </p>
            ) : (
              <ul className="rk-chooser-options" aria-label={t('table.chooser.available')}>
                {shown.map((option) => (
                  <li key={option.name}>
                    <label className="rk-chooser-option">
                      <input
                        type="checkbox"
                        aria-label={option.name}
                        aria-describedby={`${titleId}-${option.name}`}
                        checked={chosen.has(option.name)}
                        onChange={(event) =>
                          event.target.checked ? add(option.name) : remove(option.name)
                        }
                      />
                      <code className="rk-chooser-name">{option.name}</code>
                      <span id={`${titleId}-${option.name}`} className="rk-chooser-desc">
                        {option.description}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className="rk-chooser-foot">
            <Button
              size="sm"
              onClick={() => {
                onChange([...DEFAULT_COLUMNS[category]]);
                announce(t('table.announce.reset'));
              }}
            >
              {t('table.chooser.reset')}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
});
