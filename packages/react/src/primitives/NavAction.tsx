import { type MouseEvent, type ReactNode, useId } from 'react';

/**
 * A link to a host screen. With an href it is a real link (new tab, copy address) whose plain
 * clicks also call `onOpen`; with only `onOpen` it is a button; `disabledReason` renders it
 * disabled and says why.
 */
export function NavAction({
  href,
  onOpen,
  disabledReason,
  label,
  children,
}: {
  href?: string | undefined;
  onOpen?: (() => void) | undefined;
  disabledReason?: string | undefined;
  /** The accessible name when the visible text is short ("Dashboard" of which app). */
  label?: string;
  children: ReactNode;
}) {
  const reasonId = useId();
  if (disabledReason !== undefined) {
    // aria-disabled rather than disabled: it stays focusable, so keyboard users hear why.
    return (
      <>
        <button
          type="button"
          className="rk-link"
          aria-disabled="true"
          aria-label={label}
          aria-describedby={reasonId}
          title={disabledReason}
          onClick={(event) => event.preventDefault()}
        >
          {children}
        </button>
        <span id={reasonId} hidden>
          {disabledReason}
        </span>
      </>
    );
  }
  if (href !== undefined) {
    const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
      if (!onOpen) return;
      const plain =
        event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
      if (!plain) return;
      event.preventDefault();
      onOpen();
    };
    return (
      <a className="rk-link" href={href} aria-label={label} onClick={onClick}>
        {children}
      </a>
    );
  }
  if (onOpen) {
    return (
      <button type="button" className="rk-link" aria-label={label} onClick={onOpen}>
        {children}
      </button>
    );
  }
  return null;
}
