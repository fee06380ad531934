import { formatFieldValue, getField } from '@rumkit/core';
import { useMemo } from 'react';
import { INTL_LOCALE } from '../../../i18n/index.js';
import { useRumKit } from '../../../provider/context.js';

/**
 * Whether a field gets a range slider rather than a list of values: durations, and numeric
 * measures (a count, a score). Numeric tags (an HTTP status) and instants keep the value list,
 * since people pick them one by one.
 */
export function isRangeFacet(field: string): boolean {
  const def = getField(field);
  if (!def) return false;
  if (def.unit === 'ns' || def.unit === 'ms') return true;
  const numeric = def.type === 'integer' || def.type === 'float';
  return numeric && def.kind === 'field' && def.unit !== 'epoch_ms';
}

/** Formats facet values and counts in the kit's locale. */
export function useFacetFormat() {
  const { t, locale, formatDateTime } = useRumKit();
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(INTL_LOCALE[locale]);
    return {
      count: (n: number) => numbers.format(n),
      number: (n: number) => numbers.format(n),
      /** A value as text: its catalogue unit, a date for instants, "(empty)" for "". */
      value: (field: string, value: string | number | boolean) => {
        if (value === '') return t('facet.emptyValue');
        const text = formatFieldValue(field, value);
        if (text !== null) return text;
        const date = new Date(Number(value));
        return Number.isNaN(date.getTime()) ? String(value) : formatDateTime(date.toISOString());
      },
    };
  }, [t, locale, formatDateTime]);
}
