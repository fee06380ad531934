import {
  fromWallTime,
  parseSpan,
  RANGE_PRESETS,
  sameRange,
  type TimeRange,
  toWallTime,
} from '@rumkit/core';
import {
  type FormEvent,
  type KeyboardEvent,
  memo,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { Button } from '../../primitives/index.js';
import { useRumKit } from '../../provider/context.js';

export interface TimeRangePickerProps {
  value: TimeRange;
  onChange: (range: TimeRange) => void;
  /** The range as resolved now (ms), to fill the absolute inputs when switching to them. */
  resolved: { from: number; to: number };
}

/** `15m` → "Last 15 minutes" in the kit's language. */
export function useRangeLabel() {
  const { t, formatDateTime } = useRumKit();
  return (range: TimeRange): string => {
    if (range.type === 'absolute') {
      return t('explorer.range.between', {
        from: formatDateTime(new Date(range.from).toISOString()),
        to: formatDateTime(new Date(range.to).toISOString()),
      });
    }
    const match = /^(\d+)([smhdw])$/.exec(range.last);
    if (!match) return range.last;
    return t.plural(`explorer.range.last.${match[2]}`, Number(match[1]));
  };
}

/**
 * The explorer's time range (spec §1.6): presets of the last minutes to days, any relative
 * span typed as `45m`, `36h`, `10d`, or an absolute range in the kit's time zone.
 */
export const TimeRangePicker = memo(function TimeRangePicker({
  value,
  onChange,
  resolved,
}: TimeRangePickerProps) {
  const { t, timeZone } = useRumKit();
  const label = useRangeLabel();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };
  const choose = (range: TimeRange) => {
    onChange(range);
    close(true);
  };

  // A click outside closes the panel, as any popover.
  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  });

  // Opening moves focus to the chosen preset (or the first), so the keyboard starts inside.
  useEffect(() => {
    if (!open) return;
    const panel = panelRef.current;
    const target =
      panel?.querySelector<HTMLElement>('[aria-pressed="true"]') ??
      panel?.querySelector<HTMLElement>('button');
    target?.focus();
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close(true);
    }
  };

  return (
    <div className="rk-range">
      <Button
        ref={buttonRef}
        className="rk-range-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">◷</span> {label(value)}
      </Button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          className="rk-range-panel"
          role="dialog"
          aria-label={t('explorer.range.title')}
          onKeyDown={onKeyDown}
        >
          <ul className="rk-range-presets" aria-label={t('explorer.range.presets')}>
            {RANGE_PRESETS.map((last) => {
              const range: TimeRange = { type: 'relative', last };
              return (
                <li key={last}>
                  <button
                    type="button"
                    className="rk-range-preset"
                    aria-pressed={sameRange(range, value)}
                    onClick={() => choose(range)}
                  >
                    {label(range)}
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="rk-range-custom">
            <RelativeForm value={value} onApply={choose} />
            <AbsoluteForm value={value} resolved={resolved} timeZone={timeZone} onApply={choose} />
          </div>
        </div>
      ) : null}
    </div>
  );
});

function RelativeForm({
  value,
  onApply,
}: {
  value: TimeRange;
  onApply: (range: TimeRange) => void;
}) {
  const { t } = useRumKit();
  const [text, setText] = useState(value.type === 'relative' ? value.last : '');
  const [invalid, setInvalid] = useState(false);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const last = text.trim();
    if (parseSpan(last) === null) return setInvalid(true);
    onApply({ type: 'relative', last });
  };
  return (
    <form className="rk-range-form" onSubmit={submit}>
      <label htmlFor={id}>{t('explorer.range.relative')}</label>
      <div className="rk-range-row">
        <input
          id={id}
          className="rk-input"
          value={text}
          placeholder="45m, 36h, 10d"
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setInvalid(false);
          }}
        />
        <Button type="submit">{t('explorer.range.apply')}</Button>
      </div>
      {invalid ? (
        <p id={`${id}-error`} className="rk-field-message" data-tone="error">
          {t('explorer.range.badSpan')}
        </p>
      ) : null}
    </form>
  );
}

function AbsoluteForm({
  value,
  resolved,
  timeZone,
  onApply,
}: {
  value: TimeRange;
  resolved: { from: number; to: number };
  timeZone: string;
  onApply: (range: TimeRange) => void;
}) {
  const { t } = useRumKit();
  const start = value.type === 'absolute' ? value : resolved;
  const [from, setFrom] = useState(() => toWallTime(start.from, timeZone));
  const [to, setTo] = useState(() => toWallTime(start.to, timeZone));
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fromMs = fromWallTime(from, timeZone);
    const toMs = fromWallTime(to, timeZone);
    if (fromMs === null || toMs === null) return setProblem(t('explorer.range.badDate'));
    if (fromMs >= toMs) return setProblem(t('explorer.range.backwards'));
    onApply({ type: 'absolute', from: fromMs, to: toMs });
  };
  return (
    <form className="rk-range-form" onSubmit={submit} aria-describedby={`${id}-zone`}>
      <span className="rk-range-legend">{t('explorer.range.absolute')}</span>
      <div className="rk-range-row">
        <label>
          <span>{t('explorer.range.from')}</span>
          <input
            className="rk-input"
            type="datetime-local"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          />
        </label>
        <label>
          <span>{t('explorer.range.to')}</span>
          <input
            className="rk-input"
            type="datetime-local"
            value={to}
            onChange={(event) => setTo(event.target.value)}
          />
        </label>
        <Button type="submit">{t('explorer.range.apply')}</Button>
      </div>
      <p id={`${id}-zone`} className="rk-range-zone">
        {t('explorer.range.zone', { zone: timeZone })}
      </p>
      {problem ? (
        <p className="rk-field-message" data-tone="error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
