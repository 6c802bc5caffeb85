import { readFileSync } from 'node:fs';
import {
  buildASTSchema,
  buildSchema,
  findBreakingChanges,
  type GraphQLNamedType,
  type GraphQLScalarType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  parse,
  printSchema,
  validateSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/app/schema.js';
import { typeDefs, typeDefsDocument } from '../../src/generated/type-defs.js';
import { resolvers } from '../../src/resolvers/index.js';

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

// The Lambda builds its schema with `assumeValid` (see src/app/schema.ts): these are the checks it skips.
describe('the executable schema', () => {
  it('is the SDL, parsed at build time', () => {
    expect(typeDefsDocument).toEqual(parse(typeDefs, { noLocation: true }));
    expect(printSchema(createSchema())).toBe(printSchema(schema));
  });

  it('is valid, checked without assumeValid', () => {
    expect(validateSchema(buildASTSchema(typeDefsDocument)).map((e) => e.message)).toEqual([]);
  });

  it('has every resolver of src/resolvers on its field or scalar', () => {
    const executable = createSchema();
    const unset: string[] = [];
    for (const [typeName, fields] of Object.entries(resolvers)) {
      const type = executable.getType(typeName);
      if (isScalarType(type)) {
        if (type.serialize !== (fields as GraphQLScalarType).serialize) unset.push(typeName);
        continue;
      }
      if (!isObjectType(type)) {
        unset.push(typeName);
        continue;
      }
      for (const [fieldName, resolver] of Object.entries(fields as Record<string, unknown>)) {
        const field = type.getFields()[fieldName];
        // graphql-tools binds a resolver function to its type's resolver map.
        const expected =
          typeof resolver === 'function'
            ? `bound ${resolver.name}`
            : (resolver as { resolve?: () => unknown }).resolve?.name;
        if (!field?.resolve || field.resolve.name !== expected) unset.push(`${typeName}.${fieldName}`);
      }
    }
    expect(unset).toEqual([]);
  });
});
