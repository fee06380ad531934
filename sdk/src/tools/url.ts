import { pathGroup } from '@rumkit/core/rules';

export type MatchOption = string | RegExp | ((url: string) => boolean);

/**
 * Guance's fields for a URL: `viewUrl`, `viewHost`, `viewPath`, `viewPathGroup`,
 * `viewUrlQuery` (key `viewUrl`, parts `view`), or `resourceUrl`, `resourceUrlHost` and so on
 * (key and parts `resourceUrl`). The query is an object; a repeated name keeps its last value.
 */
export function urlFields(url: string, key: string, part = key): Record<string, unknown> {
  // A data: URL can be megabytes; its start is enough to recognise it.
  const fields: Record<string, unknown> = {
    [key]: url.startsWith('data:') ? url.slice(0, 100) : url,
  };
  try {
    const parsed = new URL(url, location.href);
    if (!url.startsWith('data:')) fields[key] = parsed.href;
    fields[`${part}Host`] = parsed.host || undefined;
    fields[`${part}Path`] = parsed.pathname;
    fields[`${part}PathGroup`] = pathGroup(parsed.pathname);
    fields[`${key}Query`] = Object.fromEntries(parsed.searchParams);
  } catch {
    // Not a URL: only the text is sent.
  }
  return fields;
}

/** A string matches a URL it starts; a RegExp or function is asked. A throwing function is no match. */
export function matches(options: readonly MatchOption[], url: string): boolean {
  return options.some((option) => {
    try {
      return typeof option === 'function'
        ? option(url) === true
        : option instanceof RegExp
          ? option.test(url)
          : url.startsWith(option);
    } catch {
      return false;
    }
  });
}
