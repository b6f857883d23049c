import { useTranslation } from 'react-i18next';
import { LOCALES, type UiLanguage } from './i18n';

/** Kyrgyz month names (CLDR), for browsers without Kyrgyz locale data. */
const KY_MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/**
 * Some browsers (Debian's Chromium among them) ship no Kyrgyz locale data and would write
 * Kyrgyz dates in American English. Then dates follow CLDR's Kyrgyz pattern ("2026-ж., 4-май")
 * by hand, and numbers use Russian separators, which are the same as Kyrgyz ones (1 234,5).
 * Asked once, when first needed: the question loads locale data (about 40 ms on a cold page).
 */
let kyrgyzData: boolean | undefined;
const hasKyrgyzData = () => (kyrgyzData ??= typeof Intl !== 'undefined' && Intl.DateTimeFormat.supportedLocalesOf(['ky']).length > 0);

function kyrgyzDay(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-ж., ${Number(parts.day)}-${KY_MONTHS[Number(parts.month) - 1]}`;
}

/**
 * A day (and time) the way Kyrgyz writes it ("2031-ж., 12-март, 10:00") when the browser cannot;
 * null where the browser knows Kyrgyz itself.
 */
export function kyrgyzFallback(value: Date, timeZone: string, withTime: boolean): string | null {
  if (hasKyrgyzData()) return null;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(value);
  return withTime ? `${kyrgyzDay(value, timeZone)}, ${time}` : kyrgyzDay(value, timeZone);
}

/** A value made on first use and kept: an Intl formatter costs far more to make than to use. */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** The formatting of one language, shared by every component (made when first asked for). */
function formatFor(language: UiLanguage) {
  const locale = LOCALES[language] ?? LOCALES.ky;
  const handMadeKyrgyz = once(() => language === 'ky' && !hasKyrgyzData());
  const numberLocale = once(() => (handMadeKyrgyz() ? LOCALES.ru : locale));
  const day = once(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  const moment = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Bishkek' }));
  const clock = once(() => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Bishkek' }));
  const whole = once(() => new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: 0 }));
  const percent = once(() => new Intl.NumberFormat(numberLocale(), { style: 'percent', maximumFractionDigits: 0 }));
  const moneyIn = new Map<string, Intl.NumberFormat>();
  /** A calendar day given as YYYY-MM-DD (no time zone moves it). */
  const date = (value: string | null | undefined) => {
    if (!value) return '';
    const parsed = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    return handMadeKyrgyz() ? kyrgyzDay(parsed, 'UTC') : day().format(parsed);
  };
  return {
    locale,
    date,
    /** From one day to another, either side left out when unknown; `none` when both are. */
    period: (start: string | null | undefined, end: string | null | undefined, none = '') => [date(start), date(end)].filter(Boolean).join(' – ') || none,
    /** An instant, shown in Bishkek time. */
    dateTime: (value: string | null | undefined) => {
      if (!value) return '';
      const date = new Date(value);
      return handMadeKyrgyz() ? `${kyrgyzDay(date, 'Asia/Bishkek')}, ${clock().format(date)}` : moment().format(date);
    },
    number: (value: number | null | undefined) => (value == null ? '' : whole().format(value)),
    percent: (value: number) => percent().format(value),
    /** A fraction such as a score, with a fixed number of decimals (0,72 in Russian). */
    decimal: (value: number, digits = 2) => new Intl.NumberFormat(numberLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
    /** An exact decimal string in a currency, rounded to whole units for reading. */
    money: (amount: string | null | undefined, currency: string) => {
      if (amount == null) return '';
      // A map formats a hundred amounts.
      let formatter = moneyIn.get(currency);
      if (!formatter) moneyIn.set(currency, (formatter = new Intl.NumberFormat(numberLocale(), { style: 'currency', currency, maximumFractionDigits: 0 })));
      return formatter.format(Number(amount));
    },
  };
}

const formats = new Map<UiLanguage, ReturnType<typeof formatFor>>();

/** Dates, numbers and money written the way the UI's language writes them. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = (i18n.resolvedLanguage as UiLanguage) ?? 'ky';
  let format = formats.get(language);
  if (!format) formats.set(language, (format = formatFor(language)));
  return format;
}
