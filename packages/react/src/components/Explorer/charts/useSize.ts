import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The width of an element, kept up to date with a ResizeObserver, so a chart follows its
 * container. Where layout reports nothing (a hidden tab, a DOM without layout) it answers
 * `fallback`, so the chart still draws and stays readable by assistive technology. A callback
 * ref, so an element that mounts later (after a loading state) is measured too.
 */
export function useWidth<E extends HTMLElement>(fallback = 600) {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((node: E | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!node) return;
    setWidth(node.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.current.observe(node);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, width > 0 ? Math.floor(width) : fallback] as const;
}
