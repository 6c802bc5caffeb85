import { readFileSync } from 'node:fs';
import {
  buildSchema,
  findBreakingChanges,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../src/generated/type-defs.js';

const schema = buildSchema(typeDefs);

describe('the schema', () => {
  it('keeps every name and meaning of the public contract (tests/fixtures/api-contract.graphql)', () => {
    const contract = buildSchema(readFileSync('tests/fixtures/api-contract.graphql', 'utf8'));
    const breaking = findBreakingChanges(contract, schema).map((c) => `${c.type}: ${c.description}`);
    expect(breaking).toEqual([]);
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    const own = (t: GraphQLNamedType) =>
      !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name);
    for (const type of Object.values(schema.getTypeMap()).filter(own)) {
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          if ('args' in field) {
            for (const arg of field.args) {
              // Arguments whose name says it all are described by their field.
              if (!arg.description && !['id', 'input'].includes(arg.name) && !field.description) {
                missing.push(`${type.name}.${field.name}(${arg.name})`);
              }
            }
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description && type.name !== 'Weekday') missing.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
