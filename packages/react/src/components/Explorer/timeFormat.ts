import { useMemo } from 'react';
import { INTL_LOCALE, type Locale } from '../../i18n/index.js';
import { useRumKit } from '../../provider/context.js';

export type FormatTime = (ms: number) => string;

export interface TimeFormats {
  /** An event's instant to the millisecond: many events share a minute. `20 Nov, 14:05:07.123` */
  instant: FormatTime;
  /** Only the time of day, to the millisecond: `14:05:07.123`. */
  clock: FormatTime;
}

const guard =
  (format: Intl.DateTimeFormat): FormatTime =>
  (ms) =>
    Number.isFinite(ms) ? format.format(ms) : '';

/** The explorer's time formats in a locale and time zone (the provider's). */
export function timeFormats(locale: Locale, timeZone: string | undefined): TimeFormats {
  const base = {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  } as const;
  return {
    instant: guard(
      new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'short', day: '2-digit', ...base }),
    ),
    clock: guard(new Intl.DateTimeFormat(INTL_LOCALE[locale], base)),
  };
}

export function useTimeFormats(): TimeFormats {
  const { locale, timeZone } = useRumKit();
  return useMemo(() => timeFormats(locale, timeZone), [locale, timeZone]);
}
