import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

export { GraphQLLocalDate as LocalDate } from 'graphql-scalars';

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
