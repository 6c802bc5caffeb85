/**
 * One request, one id: the correlation id of a masked error is API Gateway's request id, and every log
 * line written while that request was served carries the same id, Lambda's request id and cold start.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER } from '../../src/app/edge-headers.js';
import { localLambdaContext } from '../../src/local/local-event.js';
import { captureLog } from '../support/capture-log.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import { httpEvent } from '../support/graphql.js';
import { createHarness, type Harness } from '../support/harness.js';

const MALL = 'correlation-mall';
const START = new Date('2026-12-01T02:00:00Z');

interface LogLine {
  level: string;
  message: string;
  requestId?: string;
  function_request_id?: string;
  cold_start?: boolean;
  correlationId?: string;
}

function logLines(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

describe('correlation of answers and logs', () => {
  let broken: Harness;

  beforeAll(async () => {
    // A table that does not exist: every read fails, and the failure is masked.
    broken = await createHarness(inject('dynamoEndpoint'), [fixtureCatalog({ mallId: MALL })], START, {
      production: true,
      tableName: `missing-${randomUUID()}`,
    });
  });
  afterAll(() => broken?.close());

  it('gives a masked error the request id that every log line of the request carries', async () => {
    const handler = broken.newInstance();
    const requests = [
      { requestId: `apigw-${randomUUID()}`, lambdaRequestId: randomUUID(), coldStart: true },
      { requestId: `apigw-${randomUUID()}`, lambdaRequestId: randomUUID(), coldStart: false },
    ];
    for (const { requestId, lambdaRequestId, coldStart } of requests) {
      let body = '';
      const log = await captureLog(async () => {
        const event = httpEvent({
          body: JSON.stringify({ query: `{ mall(id: "${MALL}") { id name } }` }),
          requestId,
        });
        body = (await handler(event, localLambdaContext(lambdaRequestId))).body ?? '';
      });
      const error = (JSON.parse(body) as { errors: { extensions: Record<string, unknown> }[] }).errors[0];
      expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', correlationId: requestId });

      const lines = logLines(log);
      // At least the masked error's line and the request's summary line.
      expect(lines.map((line) => line.message)).toEqual(
        expect.arrayContaining(['Unexpected error', 'GraphQL request']),
      );
      for (const line of lines) {
        expect(line).toMatchObject({
          requestId,
          function_request_id: lambdaRequestId,
          cold_start: coldStart,
        });
      }
      expect(lines.find((line) => line.level === 'ERROR')?.correlationId).toBe(requestId);
    }
  });

  it('keeps the ids of concurrent requests apart', async () => {
    const handler = broken.newInstance();
    const ids = Array.from({ length: 5 }, () => `apigw-${randomUUID()}`);
    const bodies: string[] = [];
    const log = await captureLog(async () => {
      bodies.push(
        ...(
          await Promise.all(
            ids.map((requestId) =>
              handler(
                httpEvent({ body: JSON.stringify({ query: `{ mall(id: "${MALL}") { id } }` }), requestId }),
                localLambdaContext(requestId),
              ),
            ),
          )
        ).map((result) => result.body ?? ''),
      );
    });
    bodies.forEach((body, i) => {
      expect(JSON.parse(body).errors[0].extensions.correlationId).toBe(ids[i]);
    });
    const errorLines = logLines(log).filter((line) => line.level === 'ERROR');
    expect(errorLines).toHaveLength(ids.length);
    for (const line of errorLines) expect(line.correlationId).toBe(line.requestId);
  });
});

describe('behind CloudFront', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(inject('dynamoEndpoint'), [fixtureCatalog({ mallId: MALL })], START);
  });
  afterAll(() => h?.close());

  it('refuses a request without the origin secret, and serves one with it', async () => {
    const handler = h.newInstance({ originSecret: 'the-origin-secret' });
    const body = JSON.stringify({ query: '{ __typename }' });
    const direct = await handler(httpEvent({ body }), localLambdaContext('direct'));
    expect(direct.statusCode).toBe(403);
    expect(JSON.parse(direct.body ?? '')).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN' } }],
    });
    const viaEdge = await handler(
      httpEvent({ body, headers: { [ORIGIN_VERIFY_HEADER]: 'the-origin-secret' } }),
      localLambdaContext('edge'),
    );
    expect(JSON.parse(viaEdge.body ?? '')).toEqual({ data: { __typename: 'Query' } });
  });
});
