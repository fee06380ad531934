import { ApiError, type SearchSyntaxError } from '@rumkit/core';
import { memo, useId } from 'react';
import { en, type MessageKey } from '../../../i18n/index.js';
import {
  Button,
  ClockIcon,
  CloseIcon,
  ErrorIcon,
  errorText,
  PillModeIcon,
  SearchIcon,
  TextModeIcon,
} from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { Pill } from './Pill.js';
import { Suggestions } from './Suggestions.js';
import { type SearchBarOptions, useSearchBar } from './useSearchBar.js';

export interface SearchBarProps extends SearchBarOptions {
  /** Extra class names for the root element. */
  className?: string;
}

/** What the bar says is wrong: a message and, when known, the culprit in its text. */
interface Shown {
  message: string;
  source: { text: string; position: number; length: number } | null;
}

/**
 * The explorer's search bar (spec §1.6): the committed search as pills (key and value, NOT in
 * its own colour; edit, exclude or include, remove) with an input for the next term, or the
 * whole search as text; the two switch freely. A WAI-ARIA combobox completes field names,
 * then values of the field from the facets of the scope with their counts; ArrowDown on an
 * empty input offers the last searches. Nothing is committed that does not parse and fit the
 * category: the problem is shown under the bar with the culprit marked, as is the server's.
 */
export const SearchBar = memo(function SearchBar({ className, ...options }: SearchBarProps) {
  const { t } = useRumKit();
  const bar = useSearchBar(options);
  const inputId = useId();
  const listId = useId();
  const problemId = useId();
  const optionId = (option: Parameters<typeof bar.accept>[0]) =>
    `${listId}-o${bar.suggestions.options.indexOf(option)}`;

  const message = (error: SearchSyntaxError, text: string) =>
    t.locale === 'en'
      ? error.message
      : t(`search.error.${error.code}`, {
          text: text.slice(error.position, error.position + error.length),
        });

  let shown: Shown | null = null;
  if (bar.problem) {
    const { error, text } = bar.problem;
    shown = { message: message(error, text), source: sourceOf(error, text) };
  } else if (bar.committedError) {
    const text = options.scope.query;
    shown = {
      message: message(bar.committedError, text),
      source: sourceOf(bar.committedError, text),
    };
  } else if (bar.serverError) {
    shown = serverProblem(bar.serverError, options.scope.query, t);
  }

  const focusInput = () => bar.inputRef.current?.focus();
  const placeholder =
    bar.mode === 'text'
      ? t('search.placeholder.text')
      : bar.editing !== null
        ? t('search.placeholder.editing')
        : bar.pills.length > 0
          ? t('search.placeholder.more')
          : t('search.placeholder.pills');

  return (
    <div
      className={`rk-search-bar${className ? ` ${className}` : ''}`}
      data-mode={bar.mode}
      data-invalid={shown ? '' : undefined}
    >
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a click between pills focuses the input, which the keyboard reaches with Tab */}
      <div
        className="rk-search-field"
        onClick={(event) => event.target === event.currentTarget && focusInput()}
      >
        <SearchIcon />
        {bar.mode === 'pills' && bar.pills.length > 0 ? (
          <ul className="rk-search-pills" aria-label={t('search.filters')}>
            {bar.pills.map(({ pill, index }) => (
              <li key={`${index}:${pill.text}`} hidden={bar.editing === index}>
                <Pill
                  pill={pill}
                  editing={bar.editing === index}
                  onEdit={() => bar.editPill(index)}
                  onNegate={() => {
                    bar.negatePill(index);
                    focusInput();
                  }}
                  onRemove={() => {
                    bar.removePill(index);
                    focusInput();
                  }}
                />
              </li>
            ))}
          </ul>
        ) : null}
        <div className="rk-search-combobox">
          <label htmlFor={inputId} className="rk-visually-hidden">
            {t('search.label')}
          </label>
          <input
            ref={bar.inputRef}
            id={inputId}
            className="rk-search-input"
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={bar.open}
            aria-controls={listId}
            aria-activedescendant={bar.active ? optionId(bar.active) : undefined}
            aria-invalid={shown ? true : undefined}
            aria-describedby={shown ? problemId : undefined}
            aria-keyshortcuts="/"
            placeholder={placeholder}
            value={bar.draft}
            onChange={(event) => bar.onInput(event.target.value, event.target.selectionStart)}
            onSelect={(event) => bar.onSelect(event.currentTarget.selectionStart)}
            onKeyDown={bar.onKeyDown}
            onBlur={bar.onBlur}
          />
          <Suggestions
            id={listId}
            open={bar.open}
            suggestions={bar.suggestions}
            history={bar.history}
            active={bar.active}
            optionId={optionId}
            onPick={bar.accept}
            onHover={bar.setActive}
          />
        </div>
        <div className="rk-search-tools">
          {bar.canClear ? (
            <Button
              variant="ghost"
              size="sm"
              iconOnly
              aria-label={t('search.clear')}
              onClick={bar.clear}
            >
              <CloseIcon />
            </Button>
          ) : null}
          <Button
            variant="ghost"
            size="sm"
            iconOnly
            aria-label={t('search.history')}
            title={t('search.history')}
            onClick={bar.showHistory}
          >
            <ClockIcon />
          </Button>
          <Button variant="ghost" size="sm" onClick={bar.switchMode}>
            {bar.mode === 'pills' ? <TextModeIcon /> : <PillModeIcon />}
            {bar.mode === 'pills' ? t('search.mode.toText') : t('search.mode.toPills')}
          </Button>
        </div>
      </div>
      {shown ? (
        <div id={problemId} className="rk-search-problem" role="alert">
          <ErrorIcon />
          <span className="rk-search-problem-message">{shown.message}</span>
          {shown.source ? <Culprit {...shown.source} label={t('search.problem.where')} /> : null}
        </div>
      ) : null}
    </div>
  );
});

const sourceOf = (error: SearchSyntaxError, text: string) => ({
  text,
  position: error.position,
  length: error.length,
});

const CONTEXT_CHARS = 40;

/** The text around the problem, the culprit marked (a caret where something is missing). */
function Culprit({
  text,
  position,
  length,
  label,
}: {
  text: string;
  position: number;
  length: number;
  label: string;
}) {
  const start = Math.max(0, Math.min(position, text.length));
  const end = Math.min(text.length, start + Math.max(0, length));
  const from = Math.max(0, start - CONTEXT_CHARS);
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  return (
    <span className="rk-search-culprit">
      <span className="rk-visually-hidden">{label} </span>
      <code>
        {from > 0 ? '…' : ''}
        {text.slice(from, start)}
        <mark data-empty={end === start ? '' : undefined}>{text.slice(start, end)}</mark>
        {text.slice(end, to)}
        {to < text.length ? '…' : ''}
      </code>
    </span>
  );
}

/**
 * The server's refusal of the search, with its position in the committed text when it gives
 * one. Other failures (network, 5xx) are not the search's fault: the results say those.
 */
function serverProblem(
  error: unknown,
  query: string,
  t: ReturnType<typeof useRumKit>['t'],
): Shown | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const details = (error.details ?? null) as Record<string, unknown> | null;
  const position = typeof details?.position === 'number' ? details.position : null;
  const length = typeof details?.length === 'number' ? details.length : 0;
  const code = error.code.startsWith('search.') ? error.code.slice('search.'.length) : null;
  if (code === null && position === null) return null;
  let text = errorText(error, t).replace(/ \(at \d+\)$/, '');
  if (t.locale !== 'en' && code && position !== null && `search.error.${code}` in en) {
    const culprit = query.slice(position, position + length);
    text = t(`search.error.${code}` as MessageKey, { text: culprit });
  }
  return {
    message: t('search.problem.server', { message: text }),
    source: position !== null ? { text: query, position, length } : null,
  };
}
