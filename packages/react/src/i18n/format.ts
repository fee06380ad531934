import { createElement, Fragment, type ReactNode } from 'react';
import type { MessageKey, Messages } from './en.js';

export type Locale = 'en' | 'zh';

type Values = Record<string, string | number>;
type NodeValues = Record<string, ReactNode>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders with text. Unknown placeholders stay visible, so gaps show. */
export function fillText(template: string, values: Values = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Fills placeholders with React nodes (a `<code>`, a link), never with HTML. */
export function fillNodes(template: string, values: NodeValues): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] as string;
    parts.push(template.slice(last, match.index));
    parts.push(name in values ? values[name] : match[0]);
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(template.slice(last));
  return createElement(
    Fragment,
    null,
    ...parts.map((p, i) => createElement(Fragment, { key: i }, p)),
  );
}

export interface Translator {
  (key: MessageKey, values?: Values): string;
  /** The message with React nodes in its placeholders. */
  nodes(key: MessageKey, values: NodeValues): ReactNode;
  /** `key.one` or `key.other`, chosen by the locale's plural rules for `count`. */
  plural(key: string, count: number, values?: Values): string;
  locale: Locale;
}

export function createTranslator(locale: Locale, messages: Messages): Translator {
  const rules = new Intl.PluralRules(locale === 'zh' ? 'zh-CN' : 'en');
  const t = ((key: MessageKey, values?: Values) => fillText(messages[key], values)) as Translator;
  t.nodes = (key, values) => fillNodes(messages[key], values);
  t.plural = (key, count, values) => {
    const form = rules.select(count) === 'one' ? 'one' : 'other';
    return fillText(messages[`${key}.${form}` as MessageKey] ?? key, { count, ...values });
  };
  t.locale = locale;
  return t;
}

/** `Intl` locale tags for the kit's locales. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', zh: 'zh-CN' };
