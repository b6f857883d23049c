import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type UiLanguage } from './i18n';

/** Dates, numbers and money written the way the UI's language writes them. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALES[(i18n.resolvedLanguage as UiLanguage) ?? 'ky'] ?? LOCALES.ky;
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Bishkek' });
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return {
      locale,
      /** A calendar day given as YYYY-MM-DD (no time zone moves it). */
      date: (value: string | null | undefined) => (value ? day.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)) : ''),
      /** An instant, shown in Bishkek time. */
      dateTime: (value: string | null | undefined) => (value ? moment.format(new Date(value)) : ''),
      number: (value: number | null | undefined) => (value == null ? '' : whole.format(value)),
      percent: (value: number) => percent.format(value),
      /** A fraction such as a score, with a fixed number of decimals (0,72 in Russian). */
      decimal: (value: number, digits = 2) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
      /** An exact decimal string in a currency, rounded to whole units for reading. */
      money: (amount: string | null | undefined, currency: string) =>
        amount == null ? '' : new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(Number(amount)),
    };
  }, [locale]);
}

/** Today as YYYY-MM-DD in Bishkek, where the hub's days begin. */
export function todayInBishkek(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' }).format(new Date());
}
