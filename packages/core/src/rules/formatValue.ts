import { getField } from '../schema/index.js';

const trim = (n: number, digits: number) => Number(n.toFixed(digits)).toString();

/** A duration in ns as people read it: `850 ns`, `12.4 µs`, `340 ms`, `2.35 s`, `3 min 20 s`. */
export function formatDuration(ns: number): string {
  const abs = Math.abs(ns);
  if (abs < 1e3) return `${trim(ns, 0)} ns`;
  if (abs < 1e6) return `${trim(ns / 1e3, abs < 1e4 ? 2 : 1)} µs`;
  if (abs < 1e9) return `${trim(ns / 1e6, abs < 1e7 ? 2 : abs < 1e8 ? 1 : 0)} ms`;
  if (abs < 60e9) return `${trim(ns / 1e9, 2)} s`;
  if (abs < 3600e9) {
    const seconds = Math.round(ns / 1e9);
    return `${Math.trunc(seconds / 60)} min ${Math.abs(seconds % 60)} s`;
  }
  const minutes = Math.round(ns / 60e9);
  return `${Math.trunc(minutes / 60)} h ${Math.abs(minutes % 60)} min`;
}

/** A size in bytes: `512 B`, `1.5 KiB`, `12.3 MiB`. */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs < 1024) return `${trim(bytes, 0)} B`;
  if (abs < 1024 ** 2) return `${trim(bytes / 1024, 1)} KiB`;
  if (abs < 1024 ** 3) return `${trim(bytes / 1024 ** 2, 1)} MiB`;
  return `${trim(bytes / 1024 ** 3, 2)} GiB`;
}

const asNumber = (value: unknown): number | null => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
};

/**
 * A field's value as text, in the unit the catalogue gives it (durations, sizes, percents);
 * `epoch_ms` instants come back as null, for the caller to format in its locale and time zone.
 * Anything else is its plain text: the kit never renders a value as HTML.
 */
export function formatFieldValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return '';
  const unit = getField(field)?.unit;
  const number = asNumber(value);
  if (unit && number !== null) {
    switch (unit) {
      case 'ns':
        return formatDuration(number);
      case 'ms':
        return formatDuration(number * 1e6);
      case 'byte':
        return formatBytes(number);
      case 'percent':
        return `${trim(number, 1)} %`;
      case 'fps':
        return `${trim(number, 1)} fps`;
      case 'epoch_ms':
        return null;
    }
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Whether a field holds durations (ns or ms), for range sliders and unit-aware input. */
export function isDurationField(field: string): boolean {
  const unit = getField(field)?.unit;
  return unit === 'ns' || unit === 'ms';
}
