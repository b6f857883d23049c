import { DomainError, ErrorKind } from './errors';
import type { Translations } from './localized-text';
import { isCurrency } from './scalars';

/** Reasons shared by every feature's input checks (sent as `extensions.reason`). */
export enum InputErrorCode {
  MISSING_TEXT = 'MISSING_TEXT',
  END_BEFORE_START = 'END_BEFORE_START',
  UNKNOWN_CURRENCY = 'UNKNOWN_CURRENCY',
  INVALID_URL = 'INVALID_URL',
  NOT_POSITIVE = 'NOT_POSITIVE',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  DUPLICATE = 'DUPLICATE',
}

export function badInput(reason: string, message: string, field: string): DomainError {
  return new DomainError(ErrorKind.BAD_USER_INPUT, reason, message, field);
}

export function notFound(reason: string, message: string, field?: string): DomainError {
  return new DomainError(ErrorKind.NOT_FOUND, reason, message, field);
}

/** At least one of ky/ru/en must have text. */
export function requireSomeTranslation(text: Translations | null | undefined, field: string): void {
  if (!text?.ky?.trim() && !text?.ru?.trim() && !text?.en?.trim()) {
    throw badInput(InputErrorCode.MISSING_TEXT, `\`${field}\` needs text in at least one of ky, ru or en.`, field);
  }
}

/** An end date may be missing (open-ended) but never before its start. */
export function checkPeriod(start: string | null | undefined, end: string | null | undefined, endField: string): void {
  if (start && end && end < start) {
    throw badInput(InputErrorCode.END_BEFORE_START, `\`${endField}\` (${end}) is before the start (${start}).`, endField);
  }
}

export function normaliseCurrency(code: string, field: string): string {
  const upper = code.trim().toUpperCase();
  if (!isCurrency(upper)) {
    throw badInput(InputErrorCode.UNKNOWN_CURRENCY, `\`${field}\` must be an ISO 4217 currency code such as USD, KGS or EUR; got "${code}".`, field);
  }
  return upper;
}

export function checkUrl(url: string | null | undefined, field: string): void {
  if (!url) return;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
    throw badInput(InputErrorCode.INVALID_URL, `\`${field}\` must be an http(s) address such as https://example.org; got "${url}".`, field);
  }
}

export function checkPositiveDecimal(value: string, field: string): void {
  if (!/^\d*\.?\d*$/.test(value) || !/[1-9]/.test(value)) {
    throw badInput(InputErrorCode.NOT_POSITIVE, `\`${field}\` must be a positive amount; got "${value}".`, field);
  }
}
