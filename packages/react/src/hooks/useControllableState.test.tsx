import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useControllableState } from './useControllableState.js';

describe('useControllableState', () => {
  it('keeps its own state when the host passes no value', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState({ defaultValue: 1, onChange }));
    act(() => result.current[1](2));
    expect(result.current[0]).toBe(2);
    act(() => result.current[1]((n) => n + 10));
    expect(result.current[0]).toBe(12);
    expect(onChange.mock.calls).toEqual([[2], [12]]);
  });

  it('shows the host value and only asks the host to change it when controlled', () => {
    const onChange = vi.fn();
    const { result, rerender } = renderHook(
      ({ value }) => useControllableState({ value, defaultValue: 'a', onChange }),
      { initialProps: { value: 'x' } },
    );
    act(() => result.current[1]('y'));
    expect(result.current[0]).toBe('x');
    expect(onChange).toHaveBeenCalledWith('y');
    rerender({ value: 'y' });
    expect(result.current[0]).toBe('y');
  });

  it('does not notify when the value does not change', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState({ defaultValue: 5, onChange }));
    act(() => result.current[1](5));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('keeps the setter identity across renders', () => {
    const { result, rerender } = renderHook(() => useControllableState({ defaultValue: 0 }));
    const first = result.current[1];
    act(() => first(3));
    rerender();
    expect(result.current[1]).toBe(first);
    expect(result.current[0]).toBe(3);
  });
});
