/**
 * The front ends' operations are the files of operations/, one per operation: tests/support/operations.ts
 * reads them, GraphQL Code Generator types them, and the trusted-documents manifest lists exactly them.
 * Each must validate against the schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, type DocumentNode, Kind, parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentHash, TRUSTED_DOCUMENTS } from '../../src/app/trusted-documents.js';
import * as generated from '../../src/generated/client/graphql.js';
import * as operationsModule from '../support/operations.js';
import { OPERATIONS_DIR, REAL_OPERATIONS } from '../support/operations.js';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
const files = readdirSync(OPERATIONS_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort();
const textOf = (file: string) => readFileSync(new URL(file, OPERATIONS_DIR), 'utf8');

describe('the operations of operations/', () => {
  it.each(files)('%s holds one operation, named as its file, valid against schema.graphql', (file) => {
    const document = parse(textOf(file));
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.map((o) => o.name?.value)).toEqual([file.replace(/\.graphql$/, '')]);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  it('are what tests/support/operations.ts exports, each read from its file', () => {
    const exported = Object.values(operationsModule).filter((v): v is string => typeof v === 'string');
    expect([...new Set(exported)].sort()).toEqual(files.map(textOf).sort());
    for (const text of Object.values(REAL_OPERATIONS)) expect(exported).toContain(text);
  });

  it('are exactly the trusted documents of the manifest, under their normalized hash', () => {
    const hashes = files.map((f) => documentHash(parse(textOf(f)))).sort();
    expect(Object.keys(TRUSTED_DOCUMENTS).sort()).toEqual(hashes);
    for (const [hash, document] of Object.entries(TRUSTED_DOCUMENTS)) {
      expect(documentHash(parse(document))).toBe(hash);
    }
  });

  it('are trusted as a front end sends them: each generated document, printed', () => {
    const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document'));
    expect(documents).toHaveLength(files.length);
    for (const [name, document] of documents) {
      expect(
        Object.hasOwn(TRUSTED_DOCUMENTS, documentHash(parse(print(document as DocumentNode)))),
        name,
      ).toBe(true);
    }
  });
});
