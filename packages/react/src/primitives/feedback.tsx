import { ApiError } from '@rumkit/core';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { Translator } from '../i18n/index.js';
import { Button } from './Button.js';
import { ErrorIcon, RefreshIcon } from './icons.js';

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="rk-visually-hidden">{children}</span>;
}

/** What to tell a person about an error: the server's message, or what a network failure means. */
export function errorText(error: unknown, t: Translator): string {
  if (error instanceof ApiError) return error.status === 0 ? t('error.network') : error.message;
  if (error instanceof Error && error.message) return error.message;
  return t('error.unknown');
}

/** The empty and error states of a component: a title, a sentence, and what to do next. */
export function StatePanel({
  tone = 'neutral',
  title,
  children,
  actions,
}: {
  tone?: 'neutral' | 'error';
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="rk-panel" data-tone={tone} role={tone === 'error' ? 'alert' : undefined}>
      {tone === 'error' ? <ErrorIcon /> : null}
      <p className="rk-panel-title">{title}</p>
      {children ? <p className="rk-panel-body">{children}</p> : null}
      {actions ? <div className="rk-panel-actions">{actions}</div> : null}
    </div>
  );
}

/** The error panel with the server's message and a retry button. */
export function ErrorPanel({
  title,
  error,
  t,
  onRetry,
}: {
  title: string;
  error: unknown;
  t: Translator;
  onRetry?: () => void;
}) {
  const code = error instanceof ApiError && error.status !== 0 ? error.code : undefined;
  return (
    <StatePanel
      tone="error"
      title={title}
      actions={
        onRetry ? (
          <Button onClick={onRetry}>
            <RefreshIcon />
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    >
      {errorText(error, t)}
      {code ? (
        <>
          {' '}
          <span className="rk-muted">({t('error.code', { code })})</span>
        </>
      ) : null}
    </StatePanel>
  );
}

/**
 * A polite live region and a function to speak into it: for outcomes that do not move focus
 * ("Shop was deleted", "Copied"). Repeating the same message re-announces it.
 */
export function useAnnouncer(): [ReactNode, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback((next: string) => {
    setMessage('');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(next), 30);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  const region = (
    <div className="rk-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
  return [region, announce];
}

/** Text with the given [start, end) ranges marked, for fuzzy-search results. */
export function Highlight({ text, ranges }: { text: string; ranges: readonly [number, number][] }) {
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <span className="rk-highlight">{parts}</span>;
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
