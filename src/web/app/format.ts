import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type UiLanguage } from './i18n';

/** Kyrgyz month names (CLDR, format context), for browsers whose Intl has no Kyrgyz data. */
const KY_MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const KY_SUPPORTED = typeof Intl !== 'undefined' && Intl.DateTimeFormat.supportedLocalesOf(['ky']).length > 0;
const NUMERIC_PARTS = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A day (and time) the way Kyrgyz writes it ("2031-ж., 12-март, 10:00", as CLDR does) when the
 * browser cannot: some builds of Chromium carry no Kyrgyz data and would print "2031 M03 12".
 * Returns null where the browser knows Kyrgyz itself.
 */
export function kyrgyzFallback(value: Date, timeZone: string, withTime: boolean): string | null {
  if (KY_SUPPORTED) return null;
  const part = Object.fromEntries(NUMERIC_PARTS(timeZone).formatToParts(value).map((entry) => [entry.type, entry.value]));
  const day = `${part.year}-ж., ${Number(part.day)}-${KY_MONTHS[Number(part.month) - 1]}`;
  return withTime ? `${day}, ${part.hour}:${part.minute}` : day;
}

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
      date: (value: string | null | undefined) => {
        if (!value) return '';
        const at = new Date(`${value.slice(0, 10)}T00:00:00Z`);
        return (locale.startsWith('ky') && kyrgyzFallback(at, 'UTC', false)) || day.format(at);
      },
      /** An instant, shown in Bishkek time. */
      dateTime: (value: string | null | undefined) => {
        if (!value) return '';
        const at = new Date(value);
        return (locale.startsWith('ky') && kyrgyzFallback(at, 'Asia/Bishkek', true)) || moment.format(at);
      },
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
