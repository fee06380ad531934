import {
  completeForm,
  completeKey,
  completeValue,
  type Filter,
  fromPills,
  isSearchSyntaxError,
  negateConjunct,
  type Pill,
  parseSearch,
  printSearch,
  removeConjunct,
  type SearchSyntaxError,
  soleKey,
  suggestContext,
  toPills,
  validateSearch,
} from '@rumkit/core';
import { type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useControllableState } from '../../../hooks/useControllableState.js';
import type { ExplorerScope } from '../types.js';
import { readHistory, rememberSearch } from './history.js';
import { type SuggestionOption, useSuggestions } from './useSuggestions.js';

export type SearchMode = 'pills' | 'text';

export interface SearchBarOptions {
  /** The explorer's scope; `scope.query` is the committed search. */
  scope: ExplorerScope;
  /** Commits a new search (Enter, a pill edit, a completed term, clear). */
  onChange: (query: string) => void;
  /** Custom context keys seen in this category, offered after the catalogue's fields. */
  extraKeys?: readonly string[] | undefined;
  /** The server's refusal of the committed search (ApiError with details {position,length}). */
  serverError?: unknown;
  /** Controlled mode. */
  mode?: SearchMode | undefined;
  /** Mode when uncontrolled. Default 'pills'. */
  defaultMode?: SearchMode | undefined;
  onModeChange?: ((mode: SearchMode) => void) | undefined;
}

/** A problem found before committing: where it is, in which text. */
export interface SearchProblem {
  error: SearchSyntaxError;
  /** The text `error.position` points into. */
  text: string;
  /** The text is the input's, so the culprit can be selected in it. */
  inInput: boolean;
}

const NO_KEYS: readonly string[] = [];

/** A query's filter, or the syntax error that stops it from having one. */
function read(text: string): { filter: Filter | null; error: SearchSyntaxError | null } {
  try {
    return { filter: parseSearch(text), error: null };
  } catch (error) {
    if (isSearchSyntaxError(error)) return { filter: null, error };
    throw error;
  }
}

/** Text of a conjunct that keeps its meaning beside others: a bare OR gets parentheses. */
function standalone(text: string, filter: Filter | null): string {
  return filter?.type === 'or' && soleKey(filter) === null ? `(${text})` : text;
}

/** State, completions and handlers of the search bar; SearchBar only renders them. */
export function useSearchBar({
  scope,
  onChange,
  extraKeys = NO_KEYS,
  serverError,
  mode: modeProp,
  defaultMode = 'pills',
  onModeChange,
}: SearchBarOptions) {
  const [chosenMode, setMode] = useControllableState<SearchMode>({
    value: modeProp,
    defaultValue: defaultMode,
    onChange: onModeChange,
  });
  const committed = useMemo(() => read(scope.query), [scope.query]);
  // A committed search that does not parse (a deep link, a host's text) can only be shown as text.
  const mode: SearchMode = committed.error ? 'text' : chosenMode;
  const pills = useMemo(() => toPills(committed.filter), [committed.filter]);
  const customKeys = useMemo(() => new Set(extraKeys), [extraKeys]);

  const [draft, setDraftState] = useState(() => (mode === 'text' ? scope.query : ''));
  const [cursor, setCursor] = useState(draft.length);
  const [editing, setEditing] = useState<number | null>(null);
  const [problem, setProblem] = useState<SearchProblem | null>(null);
  const [open, setOpen] = useState(false);
  const [history, setHistory] = useState<string[] | null>(null);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  // A selection to apply once the input shows the new text.
  const pendingSelection = useRef<[number, number] | null>(null);

  const setDraft = (text: string, caret = text.length) => {
    setDraftState(text);
    setCursor(caret);
    pendingSelection.current = [caret, caret];
  };

  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    const input = inputRef.current;
    if (!selection || !input) return;
    pendingSelection.current = null;
    if (document.activeElement === input) input.setSelectionRange(selection[0], selection[1]);
  });

  // The committed search changed (ours or the host's: a facet, the back button): text mode
  // shows it, and old problems no longer point at anything.
  const shownQuery = useRef(scope.query);
  const wasForced = useRef(committed.error !== null);
  useEffect(() => {
    const forced = wasForced.current;
    wasForced.current = committed.error !== null;
    if (shownQuery.current === scope.query) return;
    shownQuery.current = scope.query;
    if (mode === 'text') setDraftState(scope.query);
    // Leaving the text forced on a search that did not parse: the pills now show it.
    else if (forced) setDraftState('');
    setEditing(null);
    setProblem(null);
  }, [scope.query, mode, committed.error]);

  // "/" anywhere but in a text field focuses the bar, as in most explorers.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (
        target?.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]')
      )
        return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const context = useMemo(() => suggestContext(draft, cursor), [draft, cursor]);
  const suggestions = useSuggestions({
    scope,
    committed: committed.filter,
    context,
    extraKeys,
    history,
    open,
  });
  const activeOption = open ? suggestions.options[active] : undefined;
  const listVisible =
    open && (suggestions.options.length > 0 || suggestions.state !== 'idle' || history !== null);

  const close = () => {
    setOpen(false);
    setHistory(null);
    setActive(-1);
  };

  const commit = (query: string) => {
    close();
    setProblem(null);
    setEditing(null);
    if (query.trim()) rememberSearch(query);
    onChange(query);
  };

  /** Refuses a filter that does not parse or fit the category, pointing at the culprit. */
  const check = (text: string, inInput: boolean): Filter | null | undefined => {
    const { filter, error } = read(text);
    const found = error ?? validateSearch(filter, scope.category, customKeys);
    if (found) {
      setProblem({ error: found, text, inInput });
      close();
      if (inInput) pendingSelection.current = [found.position, found.position + found.length];
      return undefined;
    }
    return filter;
  };

  /** Enter: text mode commits the text; pills mode adds (or puts back) the typed term. */
  const submit = (text = draft) => {
    if (mode === 'text') {
      if (check(text, true) !== undefined) commit(text.trim());
      return;
    }
    if (text.trim() === '' && editing === null) return;
    const typed = check(text, true);
    if (typed === undefined) return;
    const added = toPills(typed);
    const next =
      editing === null
        ? [...pills, ...added]
        : [...pills.slice(0, editing), ...added, ...pills.slice(editing + 1)];
    setDraft('');
    commit(printSearch(fromPills(next)));
  };

  /** A whole search (a recent one): replaces the committed search once it checks out. */
  const submitWhole = (query: string) => {
    if (mode === 'text') setDraft(query);
    if (check(query, mode === 'text') === undefined) return;
    if (mode === 'pills') setDraft('');
    commit(query);
  };

  const accept = (option: SuggestionOption) => {
    if (option.kind === 'history') {
      submitWhole(option.query);
      return;
    }
    if (option.kind === 'key' && (context.kind === 'key' || context.kind === 'text')) {
      const done = completeKey(draft, context, option.key);
      setDraft(done.text, done.cursor);
      setActive(-1);
      setOpen(true);
      return;
    }
    if (context.kind !== 'value') return;
    const done =
      option.kind === 'value'
        ? completeValue(draft, context, option.value)
        : option.kind === 'form'
          ? completeForm(draft, context, option.form)
          : null;
    if (!done) return;
    setDraft(done.text, done.cursor);
    submit(done.text);
  };

  const showHistory = () => {
    setHistory(readHistory());
    setActive(-1);
    setOpen(true);
    inputRef.current?.focus();
  };

  const count = suggestions.options.length;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (event.key === 'ArrowDown' && (event.altKey || (!open && draft.trim() === ''))) {
          showHistory();
        } else if (!open) {
          setOpen(true);
          setActive(-1);
        } else if (count > 0) {
          const step = event.key === 'ArrowDown' ? 1 : -1;
          setActive((i) => (i < 0 && step < 0 ? count - 1 : (i + step + count) % count));
        }
        break;
      }
      case 'Enter':
        event.preventDefault();
        if (activeOption) accept(activeOption);
        else submit();
        break;
      case 'Tab':
        if (activeOption && !event.shiftKey) {
          event.preventDefault();
          accept(activeOption);
        } else close();
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (editing !== null) {
          event.preventDefault();
          setEditing(null);
          setDraft('');
        }
        break;
      case 'Backspace':
        if (mode === 'pills' && editing === null && draft === '' && pills.length > 0) {
          event.preventDefault();
          commit(printSearch(removeConjunct(committed.filter, pills.length - 1)));
        }
        break;
    }
  };

  const onInput = (text: string, caret: number | null) => {
    setDraftState(text);
    setCursor(caret ?? text.length);
    setProblem(null);
    setHistory(null);
    setActive(-1);
    setOpen(true);
  };

  /** What the text mode shows when leaving pills: the pills with the term being typed. */
  const asText = (): string => {
    const typed = draft.trim();
    if (typed === '' && editing === null) return scope.query;
    const parts = pills.map((pill) => standalone(pill.text, pill.negated ? null : pill.filter));
    const typedPart = typed ? standalone(typed, read(typed).filter) : null;
    if (editing !== null) parts.splice(editing, 1, ...(typedPart ? [typedPart] : []));
    else if (typedPart) parts.push(typedPart);
    return parts.join(' ');
  };

  const switchMode = () => {
    if (mode === 'pills') {
      setDraft(asText());
      setEditing(null);
      setProblem(null);
      setMode('text');
      return;
    }
    const filter = check(draft, true);
    if (filter === undefined) return;
    // Back to pills, the text becomes the committed search.
    if (draft.trim() !== scope.query) commit(draft.trim());
    setDraft('');
    setMode('pills');
  };

  const editPill = (index: number) => {
    const pill = pills[index];
    if (!pill) return;
    setEditing(index);
    setProblem(null);
    close();
    setDraft(pill.text);
    inputRef.current?.focus();
  };

  return {
    mode,
    /** The mode cannot change because the committed search does not parse. */
    forcedText: committed.error !== null,
    pills: pills.map((pill: Pill, index) => ({ pill, index })),
    editing,
    draft,
    inputRef,
    onInput,
    onSelect: (caret: number | null) => caret !== null && setCursor(caret),
    onKeyDown,
    onBlur: close,
    submit: () => submit(),
    switchMode,
    clear: () => {
      setDraft('');
      commit('');
      inputRef.current?.focus();
    },
    canClear: scope.query !== '' || draft !== '',
    showHistory,
    editPill,
    removePill: (index: number) => commit(printSearch(removeConjunct(committed.filter, index))),
    negatePill: (index: number) => commit(printSearch(negateConjunct(committed.filter, index))),
    problem,
    /** The committed search itself does not parse. */
    committedError: committed.error,
    serverError,
    open: listVisible,
    history,
    suggestions,
    active: activeOption,
    setActive: (option: SuggestionOption) => setActive(suggestions.options.indexOf(option)),
    accept,
  };
}

export type SearchBarState = ReturnType<typeof useSearchBar>;
