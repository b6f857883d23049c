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
