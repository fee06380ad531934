import { formatFieldValue, OTHER_STACK } from '@rumkit/core';
import { useMemo } from 'react';
import { INTL_LOCALE } from '../../../i18n/index.js';
import { useRumKit } from '../../../provider/context.js';

const DAY = 86_400_000;

const INTERVAL_UNITS = [
  ['day', DAY],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
] as const;

export type GroupValue = string | number | boolean | null;

/**
 * Number, time and group-name formatting shared by the charts, in the kit's locale and time
 * zone. Axis ticks follow the span shown: times of day within a day, dates beyond.
 */
export function useChartFormat() {
  const { locale, t, formatDateTime, timeZone } = useRumKit();
  return useMemo(() => {
    const tag = INTL_LOCALE[locale];
    const zone = timeZone ? { timeZone } : {};
    const integer = new Intl.NumberFormat(tag);
    const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
    const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
    const seconds = new Intl.DateTimeFormat(tag, { timeStyle: 'medium', hour12: false, ...zone });
    const minutes = new Intl.DateTimeFormat(tag, {
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
      ...zone,
    });
    const dayTime = new Intl.DateTimeFormat(tag, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
      ...zone,
    });
    const day = new Intl.DateTimeFormat(tag, { month: 'short', day: 'numeric', ...zone });
    const dateTime = (ms: number) => formatDateTime(new Date(ms).toISOString());

    return {
      count: (n: number) => integer.format(n),
      compact: (n: number) => compact.format(n),
      percent: (share: number) => percent.format(share),
      /** A measured value in its field's unit (durations, sizes); counts as integers. */
      measure(field: string | undefined, value: number | null): string {
        if (value === null) return '–';
        if (!field) return integer.format(value);
        const text = formatFieldValue(field, value);
        return text !== null && text !== String(value) ? text : decimal.format(value);
      },
      /** An axis tick, for a chart spanning `span` ms. */
      tick(ms: number, span: number): string {
        if (span <= 10 * 60_000) return seconds.format(ms);
        if (span <= DAY) return minutes.format(ms);
        if (span <= 7 * DAY) return dayTime.format(ms);
        return day.format(ms);
      },
      /** A bucket's time span for tooltips and tables: start – end. */
      bucket(start: number, interval: number): string {
        const end = start + interval;
        const endText = interval < DAY ? minutes.format(end) : dateTime(end);
        return `${dateTime(start)} – ${endText}`;
      },
      dateTime,
      totalLabel: t('chart.total'),
      /** A bucket size as words: "2 minutes", "1 hour", "7 days". */
      interval(ms: number): string {
        const [unit, size] =
          INTERVAL_UNITS.find(([, size]) => ms >= size && ms % size === 0) ?? INTERVAL_UNITS[3];
        return new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'long' }).format(
          ms / size,
        );
      },
      /** A histogram stack's name: "other" and the empty value translated. */
      stack(name: string): string {
        if (name === OTHER_STACK) return t('chart.other');
        return name === '' ? t('chart.noValue') : name;
      },
      /** A group of an analysis: its values joined with " · ", missing ones named. */
      group(values: readonly GroupValue[]): string {
        if (values.length === 0) return t('chart.all');
        return values
          .map((v) => (v === null || v === '' ? t('chart.noValue') : String(v)))
          .join(' · ');
      },
    };
  }, [locale, t, formatDateTime, timeZone]);
}

export type ChartFormat = ReturnType<typeof useChartFormat>;
