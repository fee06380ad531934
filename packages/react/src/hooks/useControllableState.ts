import { useCallback, useRef, useState } from 'react';

export interface ControllableStateOptions<T> {
  /** The host's value; when defined, the component is controlled and never changes it itself. */
  value?: T | undefined;
  /** The starting value when uncontrolled. */
  defaultValue: T;
  /** Called with every change, controlled or not. */
  onChange?: ((next: T) => void) | undefined;
}

/**
 * One piece of UI state that a host may own (controlled) or leave to the component
 * (uncontrolled), as Radix does it. Every component uses this for state a host may want:
 * selected app, time range, wizard step, replay speed.
 */
export function useControllableState<T>({
  value,
  defaultValue,
  onChange,
}: ControllableStateOptions<T>): [T, (next: T | ((prev: T) => T)) => void] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  // Refs keep the setter stable while always seeing the latest value and callback.
  const latest = useRef({ current, controlled, onChange });
  latest.current = { current, controlled, onChange };

  const setValue = useCallback((next: T | ((prev: T) => T)) => {
    const { current: prev, controlled: isControlled, onChange: notify } = latest.current;
    const resolved = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
    if (Object.is(resolved, prev)) return;
    if (!isControlled) setOwn(resolved);
    notify?.(resolved);
  }, []);

  return [current, setValue];
}
