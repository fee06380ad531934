import {
  DEFAULT_FACETS,
  type ExplorerCategory,
  type Filter,
  fieldsOf,
  getField,
  parseSearch,
  printSearch,
  searchFields,
} from '@rumkit/core';
import { useCallback, useMemo, useState } from 'react';
import type { ExplorerScope } from '../types.js';

export interface FacetPanelOptions {
  /** scope.query is the committed search the facets read and edit. */
  scope: ExplorerScope;
  /** The facets shown, in order (controlled); default DEFAULT_FACETS[scope.category]. */
  fields?: readonly string[] | undefined;
  /** The facets to start with when uncontrolled; default DEFAULT_FACETS[scope.category]. */
  defaultFields?: readonly string[] | undefined;
  /** Called with every added or removed facet, so a host can keep personal facets. */
  onFieldsChange?: ((fields: string[]) => void) | undefined;
  /** Commits a new search text built from scope.query. */
  onQueryChange: (query: string) => void;
  /** Custom keys of the category, addable as facets. */
  extraKeys?: readonly string[] | undefined;
}

/** The search as the facets read it: parsed, or not parseable (then they only show counts). */
export type ParsedQuery = { ok: true; filter: Filter | null } | { ok: false };

/** How many facets start expanded; the others open on demand and fetch only then. */
const OPEN_AT_START = 4;

/** A field the category's records can hold: a catalogue field of it, or a custom key. */
function belongsTo(field: string, category: ExplorerCategory): boolean {
  const def = getField(field);
  return !def || (def.categories as readonly string[]).includes(category);
}

export interface AddableField {
  name: string;
  description: string | undefined;
  custom: boolean;
}

/** Fields, expansion and the parsed search of the facet panel; the component only renders. */
export function useFacetPanel({
  scope,
  fields: controlled,
  defaultFields,
  onFieldsChange,
  onQueryChange,
  extraKeys = [],
}: FacetPanelOptions) {
  const { category } = scope;
  // Uncontrolled edits are kept per category: each explorer has its own quick filters.
  const [own, setOwn] = useState<Partial<Record<ExplorerCategory, string[]>>>({});
  const all: readonly string[] =
    controlled ?? own[category] ?? defaultFields ?? DEFAULT_FACETS[category];
  // A host may keep one list for every category; a catalogue field of another one is kept in
  // the list but not shown here, where the API would refuse it.
  const shown = useMemo(() => all.filter((f) => belongsTo(f, category)), [all, category]);

  const setFields = useCallback(
    (next: string[]) => {
      if (controlled === undefined) setOwn((prev) => ({ ...prev, [category]: next }));
      onFieldsChange?.(next);
    },
    [controlled, category, onFieldsChange],
  );

  const parsed: ParsedQuery = useMemo(() => {
    try {
      return { ok: true, filter: parseSearch(scope.query) };
    } catch {
      return { ok: false };
    }
  }, [scope.query]);

  // Facets the user opened or closed; the rest follow the default (the first few, and any
  // facet the search filters on, so a filter set elsewhere is visible here).
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const filtered = useMemo(() => new Set(parsed.ok ? searchFields(parsed.filter) : []), [parsed]);
  const isExpanded = (field: string) =>
    toggled[field] ?? (shown.indexOf(field) < OPEN_AT_START || filtered.has(field));

  const addable: AddableField[] = useMemo(() => {
    const taken = new Set(shown);
    const catalogue = fieldsOf(category)
      .filter((def) => !taken.has(def.name))
      .map((def) => ({ name: def.name, description: def.description, custom: false }));
    const custom = extraKeys
      .filter((key) => !taken.has(key) && !getField(key))
      .map((name) => ({ name, description: undefined, custom: true }));
    return [...catalogue, ...custom];
  }, [shown, category, extraKeys]);

  return {
    fields: shown,
    parsed,
    addable,
    isExpanded,
    setExpanded: (field: string, open: boolean) =>
      setToggled((prev) => ({ ...prev, [field]: open })),
    add: (field: string) => {
      if (all.includes(field)) return;
      // A new facet opens at once: the user wants to see its values.
      setToggled((prev) => ({ ...prev, [field]: true }));
      setFields([...all, field]);
    },
    remove: (field: string) => setFields(all.filter((f) => f !== field)),
    commit: (next: Filter | null) => onQueryChange(printSearch(next)),
  };
}

export type FacetPanelModel = ReturnType<typeof useFacetPanel>;
