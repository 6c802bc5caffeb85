/**
 * The Lambda serves no page: Apollo's landing pages (which load from a CDN) are off in every mode, so a
 * browser's GET /graphql gets a coded JSON refusal. GraphiQL is the local server's, not the Lambda's.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localLambdaContext } from '../../src/local/local-event.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import { httpEvent } from '../support/graphql.js';
import { createHarness, type Harness } from '../support/harness.js';

describe('GET /graphql from a browser, on the Lambda', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      [fixtureCatalog({ mallId: 'landing-mall' })],
      new Date('2026-12-01T02:00:00Z'),
    );
  });

  afterAll(async () => h?.close());

  for (const production of [false, true]) {
    it(`answers JSON, never a page (production: ${production})`, async () => {
      const handler = h.newInstance({ production });
      const result = await handler(
        httpEvent({ method: 'GET', body: undefined, contentType: null, headers: { accept: 'text/html' } }),
        localLambdaContext('landing-page'),
      );
      expect(String(result.headers?.['content-type'])).toMatch(/^application\/json/);
      expect(result.body ?? '').not.toMatch(/<html|https?:\/\//i);
      expect(result.statusCode).toBeGreaterThanOrEqual(400);
      expect(JSON.parse(result.body ?? '{}').errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    });
  }
});
