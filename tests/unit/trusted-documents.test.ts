/**
 * The trusted-documents plugin as Apollo's document store (src/app/trusted-documents.ts): a manifest
 * operation is never validated at run time, any other text is parsed and validated once per instance,
 * and an invalid one every time. The first test is what makes skipping validation safe: every document
 * of the manifest passes the schema's rules and the query limits' rules of production.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS, queryProtection } from '../../src/app/limits.js';
import { createSchema } from '../../src/app/schema.js';
import {
  documentHash,
  TRUSTED_DOCUMENTS,
  type TrustedDocumentsOptions,
  trustedDocumentsPlugin,
  UNTRUSTED_MESSAGE,
} from '../../src/app/trusted-documents.js';
import { PUBLIC_VIEWER, type Viewer } from '../../src/domain/access/viewer.js';

describe('the manifest', () => {
  it('holds only documents that pass every validation rule of production', () => {
    const schema = createSchema();
    const { validationRules } = queryProtection(DEFAULT_QUERY_LIMITS, true);
    const documents = Object.values(TRUSTED_DOCUMENTS);
    expect(documents.length).toBeGreaterThan(30);
    for (const text of documents) {
      const errors = validate(schema, parse(text), [...specifiedRules, ...validationRules]);
      expect(
        errors.map((e) => e.message),
        text.slice(0, 60),
      ).toEqual([]);
    }
  });
});

describe('trustedDocumentsPlugin as the document store', () => {
  const TRUSTED_TEXT = 'query Trusted { __typename }';
  const trusted = { [documentHash(parse(TRUSTED_TEXT))]: TRUSTED_TEXT };
  const ADMIN: Viewer = { role: 'ADMIN', mallId: 'lampung-tengah', agencyId: null, subject: 'admin-1' };

  async function server(options: TrustedDocumentsOptions) {
    const validations: string[] = [];
    const counting: ApolloServerPlugin<{ viewer: Viewer }> = {
      async requestDidStart() {
        return {
          async validationDidStart({ source }) {
            validations.push(source);
          },
        };
      },
    };
    const apollo = new ApolloServer<{ viewer: Viewer }>({
      schema: createSchema(),
      documentStore: null,
      parseOptions: { maxTokens: 1000 },
      plugins: [counting, trustedDocumentsPlugin(options, { maxTokens: 1000 }, trusted)],
    });
    await apollo.start();
    const send = async (query: string, viewer: Viewer = PUBLIC_VIEWER) => {
      const { body } = await apollo.executeOperation({ query }, { contextValue: { viewer } });
      if (body.kind !== 'single') throw new Error('expected a single result');
      return body.singleResult;
    };
    return { send, validations, stop: () => apollo.stop() };
  }

  it('runs a manifest document without validating it, however often it comes', async () => {
    const s = await server({ enabled: true, adHocRoles: [] });
    for (let i = 0; i < 3; i++) expect((await s.send(TRUSTED_TEXT)).data).toEqual({ __typename: 'Query' });
    expect(s.validations).toEqual([]);
    await s.stop();
  });

  it('validates any other text once, and refuses it to a role without ad-hoc rights', async () => {
    const s = await server({ enabled: true, adHocRoles: ['ADMIN'] });
    const adHoc = '{ malls { id } }';
    expect((await s.send(adHoc)).errors?.map((e) => e.message)).toEqual([UNTRUSTED_MESSAGE]);
    expect((await s.send(adHoc, ADMIN)).errors?.map((e) => e.message)).not.toContain(UNTRUSTED_MESSAGE);
    expect((await s.send(adHoc)).errors?.map((e) => e.message)).toEqual([UNTRUSTED_MESSAGE]);
    expect(s.validations).toEqual([adHoc]);
    await s.stop();
  });

  it('with the setting off, validates every text once, the manifest documents too', async () => {
    const s = await server({ enabled: false, adHocRoles: [] });
    for (let i = 0; i < 2; i++) {
      expect((await s.send(TRUSTED_TEXT)).data).toEqual({ __typename: 'Query' });
      expect((await s.send('{ __typename }')).data).toEqual({ __typename: 'Query' });
    }
    expect(s.validations).toEqual([TRUSTED_TEXT, '{ __typename }']);
    await s.stop();
  });

  it('keeps no invalid document: it is validated and refused every time', async () => {
    const s = await server({ enabled: true, adHocRoles: ['ADMIN'] });
    const invalid = '{ noSuchField }';
    for (let i = 0; i < 2; i++) {
      const result = await s.send(invalid, ADMIN);
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    expect(s.validations).toEqual([invalid, invalid]);
    await s.stop();
  });

  it('leaves a syntax error, or a text over the token limit, to Apollo to answer', async () => {
    const s = await server({ enabled: true, adHocRoles: [] });
    expect((await s.send('{ malls { id }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const long = `{ ${Array.from({ length: 600 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const tooLong = await s.send(long);
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(tooLong.errors?.[0]?.message).toMatch(/tokens/);
    expect(s.validations).toEqual([]);
    await s.stop();
  });
});
