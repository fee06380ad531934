// @rumkit/core/search: the explorer's search syntax (spec §1.6). Text ⇄ filter AST,
// the pill helpers of the search bar, and the checks the server runs before compiling
// a filter to SQL. Grammar and decisions: ./README.md.
export {
  type AndFilter,
  type CompareOp,
  type CompareTerm,
  type DurationUnit,
  type EqTerm,
  type ExistsTerm,
  type Filter,
  type NotFilter,
  type NumericValue,
  type OrFilter,
  type RangeTerm,
  type SearchValue,
  type Span,
  sameSearch,
  type TermFilter,
  type TermOp,
  type TextFilter,
  type WildcardTerm,
} from './ast.js';
export { isSearchSyntaxError, type SearchErrorCode, SearchSyntaxError } from './errors.js';
export {
  clearFacet,
  clearFacetRange,
  durationBound,
  excludeFacetValue,
  FACET_DURATION_UNITS,
  type FacetDurationUnit,
  type FacetRange,
  type FacetSelection,
  facetRange,
  facetSelection,
  facetValueText,
  fitDurationUnit,
  invertFacetValues,
  isFacetValueChecked,
  onlyFacetValue,
  setFacetRange,
  toggleFacetValue,
} from './facetState.js';
export { findTerm, searchFields, searchTerms, soleKey } from './fields.js';
export { isKey } from './lexer.js';
export { MAX_DEPTH, parseSearch } from './parse.js';
export {
  addTerm,
  eqTerm,
  fromPills,
  negate,
  negateConjunct,
  type Pill,
  removeConjunct,
  removeKey,
  toPills,
} from './pills.js';
export { printSearch } from './print.js';
export {
  type Completion,
  completeForm,
  completeKey,
  completeValue,
  durationForms,
  isSearchableKey,
  type KeySuggestion,
  rankMatches,
  type SuggestContext,
  suggestContext,
  suggestKeys,
  suggestKnownValues,
  valueText,
} from './suggest.js';
export { validateSearch } from './validate.js';
export { hasWildcard, wildcardToLike, wildcardToRegExp } from './wildcard.js';
