import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

import { GraphQLLocalDate } from 'graphql-scalars';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits at `from` to `to` of `text` as a number, or -1 where one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** `YYYY-MM-DD` naming a day of the (proleptic Gregorian) calendar, as graphql-scalars' LocalDate accepts. */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/**
 * graphql-scalars' LocalDate (the same name, description and input checks), with a cheaper check
 * of the dates the API sends: its own builds a Date and an ISO string for every value (1% of the
 * server's CPU on an overlap page, BENCHMARKS.md). A value this check refuses goes to its, which
 * throws the same error as before.
 */
export const LocalDate = new GraphQLScalarType<string, string>({
  ...GraphQLLocalDate.toConfig(),
  serialize: (value) => (isLocalDate(value) ? value : (GraphQLLocalDate.serialize(value) as string)),
});

/** Up to 16 digits before the point and 12 after: enough for money and exchange rates. */
const DECIMAL_PATTERN = /^-?\d{1,16}(\.\d{1,12})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL_PATTERN.test(text.trim())) {
    throw new GraphQLError(`Expected a decimal number written as a string such as "1250.50" (no thousands separators, no exponent); got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return text.trim();
}

/** Exact decimal numbers (money, rates) travel as strings so that no float rounding touches them. */
export const Decimal = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "125000.00" or "0.011494252874". Used for money and exchange rates; never a float. Inputs also accept a JSON number.',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw new GraphQLError('Expected a decimal number written as a string, e.g. "1250.50".', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** True for an ISO 4217 currency code such as USD, KGS, EUR. */
export function isCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

/** Writes a validated decimal with exactly `scale` decimals, as PostgreSQL returns numeric(p, scale). */
export function fixedDecimal(value: string, scale: number): string {
  const [whole, fraction = ''] = value.trim().split('.');
  if (fraction.length > scale) throw new Error(`fixedDecimal: ${value} has more than ${scale} decimals`);
  return scale === 0 ? whole : `${whole}.${fraction.padEnd(scale, '0')}`;
}
