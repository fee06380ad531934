import { useEffect, useRef, useState } from 'react';
import { Button } from './Button.js';
import { copyText } from './clipboard.js';
import { CheckIcon, CopyIcon } from './icons.js';

export interface CopyLabels {
  copy: string;
  copied: string;
  failed: string;
  /** The button's accessible name, such as "Copy npm snippet". */
  label: string;
  /** Said to screen readers after a copy, such as "npm snippet copied". */
  announce: string;
}

/** Copies `text`, says so on the button for two seconds, and announces it. */
export function CopyButton({
  text,
  labels,
  iconOnly = false,
}: {
  text: string;
  labels: CopyLabels;
  iconOnly?: boolean;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onClick = async () => {
    const ok = await copyText(text);
    setState(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), ok ? 2000 : 5000);
  };
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        iconOnly={iconOnly}
        aria-label={labels.label}
        data-state={state}
        onClick={onClick}
      >
        {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
        {iconOnly ? null : state === 'copied' ? labels.copied : labels.copy}
      </Button>
      <span className="rk-visually-hidden" role="status" aria-live="polite">
        {state === 'copied' ? labels.announce : state === 'failed' ? labels.failed : ''}
      </span>
    </>
  );
}

/** A block of code with a caption and a copy button. The code is text, never HTML. */
export function CodeBlock({
  caption,
  code,
  language,
  labels,
}: {
  caption: string;
  code: string;
  language: string;
  labels: CopyLabels;
}) {
  return (
    <figure className="rk-code">
      <figcaption className="rk-code-head">
        <span>{caption}</span>
        <CopyButton text={code} labels={labels} />
      </figcaption>
      {/* Focusable so keyboard users can scroll long snippets. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <pre tabIndex={0}>
        <code data-language={language}>{code}</code>
      </pre>
    </figure>
  );
}
