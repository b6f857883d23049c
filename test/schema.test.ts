import { GraphQLLocalDate } from 'graphql-scalars';
import { LocalDate } from '../src/common/scalars';
import { readFileSync } from 'node:fs';
import { type GraphQLField, type GraphQLNamedType, isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType } from 'graphql';
import { appSchema, printAppSchema, SCHEMA_FILE } from '../src/server/schema';

describe('the GraphQL contract', () => {
  it('matches the committed schema/schema.graphql (run `npm run schema:emit` after changing the API)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(printAppSchema(await appSchema())).toBe(committed);
  });

  it('describes every type, field, argument, input field and enum value', async () => {
    const schema = await appSchema();
    const missing: string[] = [];
    const types = Object.values(schema.getTypeMap()).filter((type: GraphQLNamedType) => !isIntrospectionType(type) && !type.name.startsWith('__'));
    for (const type of types) {
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the LocalDate scalar', () => {
  /** What a serializer makes of a value: the value sent, or the error thrown. */
  const outcome = (serialize: (value: unknown) => unknown, value: unknown) => {
    try {
      return { sent: serialize(value) };
    } catch (error) {
      return { refused: (error as Error).message };
    }
  };

  it("sends and refuses exactly what graphql-scalars' LocalDate does, with the same errors", () => {
    const values: unknown[] = [
      'infinity',
      '-infinity',
      '2024-1-01',
      '2024-01-1 ',
      ' 2024-01-01',
      '2024/01/01',
      '20240101',
      '+02024-01-01',
      '2024-01-01T00:00:00Z',
      '',
      '٢٠٢٤-٠١-٠١',
      20240101,
      null,
      new Date(0),
      {},
    ];
    for (const year of ['0000', '0001', '1582', '1899', '1900', '1999', '2000', '2023', '2024', '2100', '9999']) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) values.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }
    }
    const ours = values.map((value) => outcome((input) => LocalDate.serialize(input), value));
    const theirs = values.map((value) => outcome((input) => GraphQLLocalDate.serialize(input), value));
    expect(ours).toEqual(theirs);
    // Every day of the eleven years is sent, nothing else.
    expect(ours.filter((result) => 'sent' in result).length).toBe(11 * 365 + 3); // leap years 0000, 2000 and 2024
    expect(LocalDate.toConfig()).toMatchObject({ name: 'LocalDate', description: GraphQLLocalDate.description, parseValue: GraphQLLocalDate.parseValue });
  });
});
