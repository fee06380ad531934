/**
 * Stable codes so that hosts can translate messages and the server can answer
 * `{ error_code, message }` without parsing English.
 */
export type SearchErrorCode =
  // syntax, thrown by parseSearch
  | 'unclosed_quote'
  | 'unclosed_parenthesis'
  | 'unmatched_parenthesis'
  | 'empty_parentheses'
  | 'empty_phrase'
  | 'missing_term'
  | 'missing_value'
  | 'invalid_key'
  | 'leading_wildcard'
  | 'unknown_operator'
  | 'expected_number'
  | 'unknown_unit'
  | 'unit_not_allowed'
  | 'bad_range'
  | 'unclosed_range'
  | 'unexpected_character'
  | 'dangling_escape'
  | 'too_deep'
  // meaning, returned by validateSearch
  | 'unknown_field'
  | 'not_numeric'
  | 'invalid_value'
  | 'empty_range';

/**
 * The only error the search functions throw. `position` and `length` are
 * UTF-16 offsets into the query text, so a search bar can underline the culprit.
 */
export class SearchSyntaxError extends Error {
  override readonly name = 'SearchSyntaxError';
  readonly code: SearchErrorCode;
  readonly position: number;
  readonly length: number;

  constructor(code: SearchErrorCode, message: string, position: number, length: number) {
    super(message);
    this.code = code;
    this.position = position;
    this.length = length;
  }
}

export function isSearchSyntaxError(error: unknown): error is SearchSyntaxError {
  return error instanceof SearchSyntaxError;
}
