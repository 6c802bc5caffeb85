/**
 * schema.graphql at the repository's root is what front ends generate their code from: it must be the
 * executable schema, printed, and keep every name of the public contract.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildSchema, findBreakingChanges, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/app/schema.js';

const { HEADER } = createRequire(import.meta.url)('../../codegen/schema-file-plugin.cjs') as {
  HEADER: string;
};
const file = readFileSync('schema.graphql', 'utf8');

describe('schema.graphql', () => {
  it('is the executable schema, printed (run `npm run codegen` when this fails)', () => {
    expect(file.startsWith(HEADER)).toBe(true);
    expect(file.slice(HEADER.length)).toBe(`${printSchema(createSchema())}\n`);
  });

  it('breaks nothing of the public contract (tests/fixtures/api-contract.graphql)', () => {
    const contract = buildSchema(readFileSync('tests/fixtures/api-contract.graphql', 'utf8'));
    const breaking = findBreakingChanges(contract, buildSchema(file)).map(
      (c) => `${c.type}: ${c.description}`,
    );
    expect(breaking).toEqual([]);
  });
});
