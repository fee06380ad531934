import type { ReactNode } from 'react';

export interface ToggleOption<Value> {
  value: Value;
  label: ReactNode;
}

/**
 * A row of toggle buttons, the chosen one pressed (`aria-pressed`), for a choice that takes
 * effect at once: a category, a mode, a sort order. The value is controlled by the caller.
 */
export function ToggleGroup<Value extends string | boolean>({
  label,
  options,
  value,
  onChange,
  className,
  itemClassName,
}: {
  /** The group's accessible name. */
  label: string;
  options: readonly ToggleOption<Value>[];
  value: Value;
  onChange: (value: Value) => void;
  /** The group's class. Default none. */
  className?: string;
  /** Each button's class. Default none. */
  itemClassName?: string;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of toggle buttons, as in most toolbars, not form fields
    <div role="group" aria-label={label} className={className}>
      {options.map((option) => (
        <button
          key={String(option.value)}
          type="button"
          className={itemClassName}
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
