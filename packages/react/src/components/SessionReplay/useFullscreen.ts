import { type RefObject, useCallback, useEffect, useState } from 'react';

/**
 * Full screen for an element through the Fullscreen API: whether the browser allows it, whether
 * the element is full screen now (Esc leaves it too), and a toggle.
 */
export function useFullscreen(element: RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);
  const supported =
    typeof document !== 'undefined' &&
    document.fullscreenEnabled === true &&
    typeof HTMLElement.prototype.requestFullscreen === 'function';

  useEffect(() => {
    if (!supported) return;
    const onChange = () =>
      setActive(element.current !== null && document.fullscreenElement === element.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [element, supported]);

  const toggle = useCallback(() => {
    const target = element.current;
    if (!target) return;
    // A refusal (no user gesture, a policy) leaves the page as it is; nothing to tell.
    if (document.fullscreenElement === target) void document.exitFullscreen().catch(() => {});
    else void target.requestFullscreen().catch(() => {});
  }, [element]);

  return { supported, active, toggle };
}
