import { DomainError, ErrorKind } from './errors';

/** Reasons shared by every feature's input checks (sent as `extensions.reason`; the rules are in input-rules.ts). */
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

/**
 * An end date may be missing (open-ended) but never before its start. For dates merged with
 * stored ones (an update that gives one end); an input's own pair has `@NotBefore`.
 */
export function checkPeriod(start: string | null | undefined, end: string | null | undefined, endField: string): void {
  if (start && end && end < start) {
    throw badInput(InputErrorCode.END_BEFORE_START, `\`${endField}\` (${end}) is before the start (${start}).`, endField);
  }
}
