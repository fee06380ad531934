import { type BuiltInView, PLATFORM_LABELS } from '@rumkit/core';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import {
  ArrowUpIcon,
  Button,
  ErrorIcon,
  ErrorPanel,
  errorText,
  Highlight,
  LinkIcon,
  NavAction,
  SearchIcon,
  StatePanel,
  TrashIcon,
  useAnnouncer,
} from '../../primitives/index.js';
import { useRumKit } from '../../provider/context.js';
import { type DashboardBinderOptions, useDashboardBinder } from './useDashboardBinder.js';

export interface DashboardBinderProps extends DashboardBinderOptions {
  /** The heading level of the title. Default 2. */
  headingLevel?: 2 | 3;
  /** Extra class names for the root element. */
  className?: string;
}

/**
 * Binds built-in views to a Custom app as its analysis dashboards (spec §1.2): a searchable
 * single-select dropdown over the catalogue, and the bound views, each of which can be opened
 * (with the app's app_id as its variable), made the one that opens first, or removed. With
 * nothing bound the app's dashboard link is disabled, and this says so.
 */
export function DashboardBinder({ headingLevel = 2, className, ...options }: DashboardBinderProps) {
  const { t, locale } = useRumKit();
  const binder = useDashboardBinder(options);
  const titleId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const [announcer, announce] = useAnnouncer();
  const title = (view: BuiltInView | undefined, id: string) =>
    view ? view.title[locale] : t('binder.unknownView', { id });

  // Say what each saved change did; a failed one says why, in the alert below.
  const { lastChange, saving, saveError } = binder;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change that has just settled should speak
  useEffect(() => {
    if (!lastChange || saving || saveError) return;
    const view = title(lastChange.view, lastChange.id);
    const key =
      lastChange.kind === 'bind'
        ? 'binder.bound'
        : lastChange.kind === 'remove'
          ? 'binder.removed'
          : 'binder.madeDefault';
    announce(t(key, { view }));
  }, [lastChange, saving, saveError]);

  return (
    <section
      className={`rk-root rk-binder${className ? ` ${className}` : ''}`}
      data-state={binder.state}
      aria-labelledby={titleId}
      aria-busy={binder.saving || undefined}
    >
      <Heading id={titleId} className="rk-binder-title">
        {t('binder.title')}
      </Heading>

      {binder.state === 'loading' ? (
        <p role="status" className="rk-muted">
          {t('binder.loading')}
        </p>
      ) : null}
      {binder.state === 'idle' ? <StatePanel title={t('common.waitingForNetwork')} /> : null}
      {binder.state === 'error' ? (
        <ErrorPanel
          title={t('binder.loadFailed')}
          error={binder.error}
          t={t}
          onRetry={binder.retry}
        />
      ) : null}

      {binder.app && !binder.isCustom ? (
        <p className="rk-muted">
          {t('binder.notCustom', { type: t(`appType.${binder.app.type}` as const) })}
        </p>
      ) : null}

      {binder.app && binder.isCustom ? (
        <>
          <p className="rk-muted">{t('binder.description')}</p>
          <ViewCombobox binder={binder} />
          {binder.saveError ? (
            <div className="rk-alert" role="alert">
              <ErrorIcon />
              <span>{t('binder.saveFailed', { message: errorText(binder.saveError, t) })}</span>
            </div>
          ) : null}
          {binder.bound.length === 0 ? (
            <StatePanel title={t('binder.empty.title')}>{t('binder.empty.body')}</StatePanel>
          ) : (
            <ol className="rk-bound" aria-label={t('binder.boundList')}>
              {binder.bound.map(({ id, view }, index) => {
                const name = title(view, id);
                return (
                  <li key={id} className="rk-bound-item" data-view-id={id}>
                    <div className="rk-bound-text">
                      <span className="rk-bound-title">
                        {name}
                        {index === 0 ? (
                          <span className="rk-badge">{t('binder.default')}</span>
                        ) : null}
                      </span>
                      {view ? <span className="rk-muted">{view.description[locale]}</span> : null}
                    </div>
                    <div className="rk-actions">
                      {view && binder.canOpen ? (
                        <NavAction
                          href={binder.viewHref(view)}
                          onOpen={binder.hasOpenCallback ? () => binder.openView(view) : undefined}
                          label={t('binder.openLabel', { view: name })}
                        >
                          <LinkIcon />
                          {t('binder.open')}
                        </NavAction>
                      ) : null}
                      {index > 0 ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={t('binder.makeDefaultLabel', { view: name })}
                          onClick={() => binder.makeFirst(id)}
                        >
                          <ArrowUpIcon />
                          {t('binder.makeDefault')}
                        </Button>
                      ) : null}
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t('binder.removeLabel', { view: name })}
                        onClick={() => binder.remove(id)}
                      >
                        <TrashIcon />
                        {t('binder.remove')}
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        </>
      ) : null}
      {announcer}
    </section>
  );
}

/**
 * The single-select dropdown with fuzzy search, after the WAI-ARIA combobox pattern (list
 * autocomplete): typing filters, ArrowDown and ArrowUp move through the views, Enter binds the
 * active one, Escape closes the list (or clears the text), Tab leaves.
 */
function ViewCombobox({ binder }: { binder: ReturnType<typeof useDashboardBinder> }) {
  const { t, locale } = useRumKit();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const labelId = useId();
  const optionId = (viewId: string) => `${listId}-${viewId.replace(/\W/g, '-')}`;
  const { results, search } = binder;
  const activeResult = open ? results[Math.min(active, results.length - 1)] : undefined;

  useEffect(() => {
    if (!activeResult) return;
    document.getElementById(optionId(activeResult.item.id))?.scrollIntoView?.({ block: 'nearest' });
  });

  const pick = (view: BuiltInView) => {
    binder.bind(view);
    binder.setSearch('');
    setActive(0);
    setOpen(false);
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(0);
        } else setActive((i) => (results.length ? (i + 1) % results.length : 0));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(Math.max(0, results.length - 1));
        } else setActive((i) => (results.length ? (i - 1 + results.length) % results.length : 0));
        break;
      case 'Enter':
        if (open && activeResult) {
          event.preventDefault();
          pick(activeResult.item);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else if (search) {
          event.preventDefault();
          binder.setSearch('');
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  // With no search text the views are grouped by platform; with text, best match first.
  const grouped = search.trim() === '';
  const groups = grouped
    ? [...new Set(results.map((r) => r.item.platform))].map((platform) => ({
        platform,
        results: results.filter((r) => r.item.platform === platform),
      }))
    : [{ platform: null, results }];

  return (
    <div className="rk-field">
      <label id={labelId} htmlFor={`${listId}-input`} className="rk-label">
        {t('binder.add')}
      </label>
      <div className="rk-combobox rk-search" style={{ maxWidth: 'none' }}>
        <SearchIcon />
        <input
          ref={inputRef}
          id={`${listId}-input`}
          className="rk-input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeResult ? optionId(activeResult.item.id) : undefined}
          placeholder={binder.availableCount === 0 ? t('binder.allBound') : t('binder.placeholder')}
          disabled={binder.availableCount === 0}
          value={search}
          onChange={(event) => {
            binder.setSearch(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <div
          id={listId}
          role="listbox"
          aria-labelledby={labelId}
          className="rk-listbox"
          hidden={!open}
        >
          {open && results.length === 0 ? (
            <div className="rk-listbox-empty">
              {t('binder.noResults', { query: search.trim() })}
            </div>
          ) : null}
          {open
            ? groups.map((group) => {
                const options = group.results.map((result) => {
                  const view = result.item;
                  const isActive = activeResult?.item.id === view.id;
                  const titleText = view.title[locale];
                  return (
                    <div
                      key={view.id}
                      id={optionId(view.id)}
                      role="option"
                      aria-selected={isActive}
                      tabIndex={-1}
                      className="rk-option"
                      // Keep focus in the input: the click must not blur it first.
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => pick(view)}
                      onMouseMove={() => setActive(results.indexOf(result))}
                      onKeyDown={() => undefined}
                    >
                      <span>
                        <Highlight
                          text={titleText}
                          ranges={result.field === 0 ? result.ranges : []}
                        />
                      </span>
                      <span className="rk-option-desc">{view.description[locale]}</span>
                    </div>
                  );
                });
                return group.platform ? (
                  // biome-ignore lint/a11y/useSemanticElements: a group of options in a listbox, not of form controls
                  <div
                    key={group.platform}
                    role="group"
                    aria-label={PLATFORM_LABELS[group.platform][locale]}
                    data-label={PLATFORM_LABELS[group.platform][locale]}
                    className="rk-listbox-group"
                  >
                    {options}
                  </div>
                ) : (
                  options
                );
              })
            : null}
        </div>
      </div>
    </div>
  );
}
