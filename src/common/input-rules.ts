import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isCurrency } from './scalars';
import type { Translations } from './localized-text';
import { InputError, type RuleContext } from './input-validation';
import { InputErrorCode } from './validation';

/**
 * The class-validator decorators of the hub's own input rules. Each carries the reason a client
 * sees in `extensions.reason` (`context.reason`, read by `inputProblems`); a message may say
 * `$path` where the offending field's full path goes (`input.links[0].url`, or a query parameter).
 *
 * Inputs are checked with `skipUndefinedProperties`: a left-out field is not checked, an explicit
 * null is — so a nullable field with a built-in decorator also says `@IsOptional()`, and a rule
 * that refuses null (a required text, a field that cannot be cleared) sees it.
 */
export interface InputRule {
  /** Names the rule in class-validator's `constraints`. */
  name: string;
  reason: string;
  /** True when the value is fine; `object` is the whole input, for rules across fields. */
  test(value: unknown, object: Record<string, unknown>): boolean;
  message(value: unknown, object: Record<string, unknown>): string;
  /**
   * The sibling field to report the failure at: a rule on an always-given field (`format`) about
   * a field that may be left out (`onlineLink`), which a rule of its own would never see.
   */
  reportAt?: string;
}

/** A property decorator from a rule (the one way the hub writes its own input checks). */
export function inputRule(rule: InputRule, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: rule.name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { ...options, context: { reason: rule.reason, ...(rule.reportAt ? { field: rule.reportAt } : {}) } satisfies RuleContext },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => rule.test(value, args.object as Record<string, unknown>),
        defaultMessage: (args?: ValidationArguments) => rule.message(args?.value, (args?.object ?? {}) as Record<string, unknown>),
      },
    });
}

/**
 * A rule applied to a scalar argument (`currency: String`, `quorumPercent: Int`), which has no
 * input class to carry a decorator: the same rule, reason and message, thrown as an InputError.
 */
export function checkArgument(rule: InputRule, value: unknown, field: string): void {
  if (!rule.test(value, {})) {
    throw new InputError([{ field, reason: rule.reason, message: rule.message(value, {}).split('$path').join(`\`${field}\``) }]);
  }
}

/** A value as a message may quote it: short, on one line. */
export function shown(value: unknown): string {
  const text = String(value).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** At least one of ky/ru/en has text (null is refused: the text is required). */
export const SomeTranslation = () =>
  inputRule({
    name: 'someTranslation',
    reason: InputErrorCode.MISSING_TEXT,
    test: (value) => {
      const text = value as Translations | null | undefined;
      return Boolean(text?.ky?.trim() || text?.ru?.trim() || text?.en?.trim());
    },
    message: () => '$path needs text in at least one of ky, ru or en.',
  });

/** An end date may be missing (open-ended) but is never before the start given in `startField` of the same input. */
export const NotBefore = (startField: string, reason: string = InputErrorCode.END_BEFORE_START) =>
  inputRule({
    name: 'notBefore',
    reason,
    test: (end, input) => {
      const start = input[startField];
      return !start || !end || !(String(end) < String(start));
    },
    message: (end, input) => `$path (${shown(end)}) is before the start (${shown(input[startField])}).`,
  });

export const CURRENCY_CODE: InputRule = {
  name: 'currencyCode',
  reason: InputErrorCode.UNKNOWN_CURRENCY,
  test: (value) => typeof value === 'string' && isCurrency(currencyCode(value)),
  message: (value) => `$path must be an ISO 4217 currency code such as USD, KGS or EUR; got "${shown(value)}".`,
};

/** An ISO 4217 currency code, in any case and with spaces around (the service upper-cases it: `currencyCode`). */
export const CurrencyCode = () => inputRule(CURRENCY_CODE);

/** The stored form of a currency code that `@CurrencyCode()` accepted. */
export function currencyCode(code: string): string {
  return code.trim().toUpperCase();
}

/** An http(s) address; null and left out pass. */
export const HttpUrl = () =>
  inputRule({
    name: 'httpUrl',
    reason: InputErrorCode.INVALID_URL,
    test: (value) => {
      if (value == null || value === '') return true;
      try {
        return ['http:', 'https:'].includes(new URL(String(value)).protocol);
      } catch {
        return false;
      }
    },
    message: (value) => `$path must be an http(s) address such as https://example.org; got "${shown(value)}".`,
  });

/** A decimal (as the Decimal scalar gives it) above zero. */
export const PositiveDecimal = () =>
  inputRule({
    name: 'positiveDecimal',
    reason: InputErrorCode.NOT_POSITIVE,
    test: (value) => typeof value === 'string' && /^\d*\.?\d*$/.test(value) && /[1-9]/.test(value),
    message: (value) => `$path must be a positive amount; got "${shown(value)}".`,
  });

/** A whole number from `min` to `max`; null is refused (the field cannot be cleared), left out passes. */
export const wholeNumberIn = (min: number, max: number, reason: string = InputErrorCode.OUT_OF_RANGE): InputRule => ({
  name: 'wholeNumberIn',
  reason,
  test: (value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
  message: (value) => (value === null ? '$path cannot be cleared.' : `$path must be a whole number from ${min} to ${max}; got ${shown(value)}.`),
});

export const WholeNumberIn = (min: number, max: number, reason?: string) => inputRule(wholeNumberIn(min, max, reason));

/** A field that may be left out but not set to null (`reason` e.g. MISSING_STATUS). */
export const NotCleared = (reason: string) => inputRule({ name: 'notCleared', reason, test: (value) => value !== null, message: () => '$path cannot be cleared.' });

/** Text that is not blank. */
export const NotBlank = (reason: string = InputErrorCode.MISSING_TEXT, message = '$path needs some text.') =>
  inputRule({ name: 'notBlank', reason, test: (value) => typeof value === 'string' && value.trim() !== '', message: () => message });
