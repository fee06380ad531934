import type { ReactNode } from 'react';
import { INTL_LOCALE } from '../../../i18n/index.js';
import { errorText, VisuallyHidden } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import type { Suggestions as Model, SuggestionGroup, SuggestionOption } from './useSuggestions.js';

/**
 * The listbox of the search combobox. Focus stays in the input (aria-activedescendant), so
 * options take the mouse without taking focus. Groups are labelled: fields, values of a key
 * with their counts, duration forms, recent searches.
 */
export function Suggestions({
  id,
  open,
  suggestions,
  history,
  active,
  optionId,
  onPick,
  onHover,
}: {
  id: string;
  open: boolean;
  suggestions: Model;
  /** Recent searches are shown (possibly none). */
  history: readonly string[] | null;
  active: SuggestionOption | undefined;
  optionId: (option: SuggestionOption) => string;
  onPick: (option: SuggestionOption) => void;
  onHover: (option: SuggestionOption) => void;
}) {
  const { t, locale } = useRumKit();
  const numbers = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const { state, valueKey } = suggestions;

  const title = (group: SuggestionGroup) => {
    switch (group.id) {
      case 'keys':
        return t('search.suggest.fields');
      case 'values':
        return t('search.suggest.values', { key: group.key ?? '' });
      case 'forms':
        return t('search.suggest.forms');
      case 'history':
        return t('search.history');
    }
  };

  const content = (option: SuggestionOption): ReactNode => {
    switch (option.kind) {
      case 'key':
        return (
          <>
            <span className="rk-search-option-main">
              <code>{option.key}</code>
              {option.custom ? (
                <span className="rk-search-option-badge">{t('search.suggest.custom')}</span>
              ) : null}
            </span>
            {option.hint ? <span className="rk-option-desc">{option.hint}</span> : null}
          </>
        );
      case 'value':
        return (
          <span className="rk-search-option-main">
            <span className="rk-search-option-value">{String(option.value)}</span>
            {option.count !== undefined ? (
              <>
                <span className="rk-search-option-count" aria-hidden="true">
                  {numbers.format(option.count)}
                </span>
                <VisuallyHidden>
                  {`, ${t.plural('search.suggest.count', option.count, {
                    count: numbers.format(option.count),
                  })}`}
                </VisuallyHidden>
              </>
            ) : null}
          </span>
        );
      case 'form':
        return <code className="rk-search-option-main">{`${option.key}:${option.form}`}</code>;
      case 'history':
        return <code className="rk-search-option-main">{option.query}</code>;
    }
  };

  let status: ReactNode = null;
  if (history !== null && history.length === 0) status = t('search.history.empty');
  else if (history === null && valueKey !== null) {
    if (state === 'loading') status = t('search.suggest.loading', { key: valueKey });
    else if (state === 'empty') status = t('search.suggest.empty', { key: valueKey });
    else if (state === 'error') {
      status = t('search.suggest.failed', { message: errorText(suggestions.error, t) });
    }
  }

  return (
    <div className="rk-search-popup" hidden={!open}>
      <div
        id={id}
        role="listbox"
        aria-label={history !== null ? t('search.history') : t('search.suggest.list')}
        className="rk-search-listbox"
        data-state={history === null ? state : history.length > 0 ? 'ready' : 'empty'}
      >
        {open
          ? suggestions.groups.map((group) => (
              // biome-ignore lint/a11y/useSemanticElements: a group of options in a listbox, not of form controls
              <div
                key={group.id}
                role="group"
                aria-label={title(group)}
                data-label={title(group)}
                className="rk-listbox-group"
              >
                {group.options.map((option) => (
                  <div
                    key={option.id}
                    id={optionId(option)}
                    role="option"
                    aria-selected={option === active}
                    tabIndex={-1}
                    className="rk-option rk-search-option"
                    data-kind={option.kind}
                    // Keep focus in the input: the click must not blur it first.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => onPick(option)}
                    onMouseMove={() => option !== active && onHover(option)}
                    onKeyDown={() => undefined}
                  >
                    {content(option)}
                  </div>
                ))}
              </div>
            ))
          : null}
      </div>
      {open && status ? (
        <div className="rk-search-status" role={state === 'error' ? 'alert' : 'status'}>
          {status}
        </div>
      ) : null}
    </div>
  );
}
