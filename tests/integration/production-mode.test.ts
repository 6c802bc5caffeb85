/**
 * Production mode of the Lambda (issue 5): introspection off, no field
 * suggestions, no stack traces, unknown errors masked with a correlation id
 * that the log carries too, CSRF prevention on, batching off; and locally,
 * introspection kept for front-end tooling.
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localLambdaContext } from '../../src/local/local-event.js';
import { captureLog } from '../support/capture-log.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import type { GraphQLResponse } from '../support/graphql.js';
import { type HttpEventOptions, httpEvent } from '../support/graphql.js';
import { createHarness, type Harness } from '../support/harness.js';

/** A request with only the headers given (no content type unless named), as tools and browsers send them. */
const bareEvent = (options: HttpEventOptions) => httpEvent({ contentType: null, ...options });

const MALL = 'prod-mall';
const SERVICE = `${MALL}:agency:svc1`;
// Tuesday 2026-12-01 09:00 WIB.
const START = new Date('2026-12-01T02:00:00Z');

const INTROSPECTION = '{ __schema { queryType { name } types { name fields { name } } } }';

/** Misspelled names of every kind that graphql-js would otherwise answer with "Did you mean …?". */
const MISSPELLINGS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'field', query: '{ me { rol } }' },
  { name: 'root field', query: '{ malss { id } }' },
  { name: 'argument', query: `{ mall(idd: "${MALL}") { id } }` },
  {
    name: 'type of a variable',
    query: 'query($input: TakeTicketInpt!) { takeTicket(input: $input) { id } }',
  },
  {
    name: 'enum literal',
    query: `mutation { takeTicket(input: { serviceId: "${SERVICE}", priority: ELDERY }) { id } }`,
  },
  {
    name: 'input field literal',
    query: `mutation { takeTicket(input: { serviceId: "${SERVICE}", priorty: NONE }) { id } }`,
  },
  {
    name: 'enum in variables',
    query: 'mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id } }',
    variables: { input: { serviceId: SERVICE, priority: 'ELDERY' } },
  },
  {
    name: 'input field in variables',
    query: 'mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id } }',
    variables: { input: { serviceId: SERVICE, priorty: 'NONE' } },
  },
  { name: 'fragment type', query: '{ me { ...F } } fragment F on Viewr { role }' },
  { name: 'directive', query: '{ me { role @inclde(if: true) } }' },
];

async function send(h: Harness, event: APIGatewayProxyEventV2): Promise<{ status: number; body: string }> {
  const result = await h.handler(event, localLambdaContext('production-mode'));
  return { status: result.statusCode ?? 200, body: result.body ?? '' };
}

/** What an answer must never show: frames, stack traces, keys, tables, the AWS SDK's words. */
function expectNothingInternal(text: string, tableName: string): void {
  expect(text).not.toMatch(/stack/i);
  expect(text).not.toMatch(/\bat\s+\S+\s+\(|\bat\s+(file|node):|\.ts:\d+|\.js:\d+/);
  for (const word of [
    tableName,
    'pk',
    'sk',
    'gsi1',
    'gsi2',
    'TICKET#',
    'MALL#',
    'DynamoDB',
    'ResourceNotFound',
  ]) {
    expect(text).not.toContain(word);
  }
  expect(text).not.toMatch(/non-existent table|Requested resource not found/i);
}

describe('production mode', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(inject('dynamoEndpoint'), [fixtureCatalog({ mallId: MALL })], START, {
      production: true,
    });
  });

  afterAll(async () => h?.close());

  it('refuses introspection', async () => {
    for (const query of [INTROSPECTION, '{ __type(name: "Ticket") { fields { name } } }']) {
      const result = await h.raw<{ __schema?: unknown; __type?: unknown }>(query);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    // Introspection hidden inside a fragment is refused as well.
    const hidden = await h.raw('{ ...I } fragment I on Query { __schema { types { name } } }');
    expect(hidden.data ?? null).toBeNull();
    expect(hidden.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // `__typename` is not introspection of the schema; front ends and caches need it.
    expect((await h.raw('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  for (const misspelling of MISSPELLINGS) {
    it(`suggests no name for a misspelled ${misspelling.name}`, async () => {
      const result = await h.raw(misspelling.query, misspelling.variables);
      expect(result.errors?.length).toBeGreaterThan(0);
      const text = JSON.stringify(result.errors);
      expect(text).not.toMatch(/did you mean/i);
      for (const error of result.errors ?? []) {
        expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(error.extensions?.code);
      }
    });
  }

  it('masks an unexpected error as INTERNAL_SERVER_ERROR with a correlation id the log carries', async () => {
    const missingTable = `missing-${randomUUID()}`;
    const broken = await createHarness(inject('dynamoEndpoint'), [fixtureCatalog({ mallId: MALL })], START, {
      production: true,
      tableName: missingTable,
    });
    try {
      const queries = [
        { query: 'query($id: ID!) { ticket(id: $id) { id status } }', variables: { id: 'T'.repeat(26) } },
        { query: `{ mall(id: "${MALL}") { id name } }` },
        {
          query: 'mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id } }',
          variables: { input: { serviceId: SERVICE } },
        },
      ];
      const kiosk = await broken.token({ role: 'KIOSK', mallId: MALL });
      const results: GraphQLResponse[] = [];
      const log = await captureLog(async () => {
        for (const { query, variables } of queries) results.push(await broken.raw(query, variables, kiosk));
      });
      for (const result of results) {
        expect(result.status).toBeLessThan(500);
        expect(result.errors?.length).toBe(1);
        const error = result.errors?.[0];
        expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        const correlationId = error?.extensions?.correlationId;
        expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
        expect(Object.keys(error?.extensions ?? {}).sort()).toEqual(['code', 'correlationId']);
        expect(error?.extensions).not.toHaveProperty('stacktrace');
        expectNothingInternal(JSON.stringify(result), missingTable);
        // The log line with the same id is where the cause is.
        const line = log.split('\n').find((l) => l.includes(String(correlationId)));
        expect(line, `log line for ${String(correlationId)}`).toBeDefined();
        expect(line).toMatch(/"level":"ERROR"/);
      }
      const ids = results.map((r) => r.errors?.[0]?.extensions?.correlationId);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await broken.close();
    }
  });

  it('masks the error of a table dropped while the API runs', async () => {
    const dropped = await createHarness(inject('dynamoEndpoint'), [fixtureCatalog({ mallId: MALL })], START, {
      production: true,
    });
    const ticket = await dropped.gql<{ takeTicket: { id: string } }>(
      'mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id } }',
      { input: { serviceId: SERVICE } },
      await dropped.token({ role: 'KIOSK', mallId: MALL }),
    );
    await dropped.table.client.send(new DeleteTableCommand({ TableName: dropped.table.tableName }));
    let result: GraphQLResponse | undefined;
    const log = await captureLog(async () => {
      result = await dropped.raw('query($id: ID!) { ticket(id: $id) { id status } }', {
        id: ticket.takeTicket.id,
      });
    });
    const error = result?.errors?.[0];
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error?.message).toBe('Something went wrong on our side. Please try again.');
    expect(error?.extensions).not.toHaveProperty('stacktrace');
    expectNothingInternal(JSON.stringify(result), dropped.table.tableName);
    expect(log).toContain(String(error?.extensions?.correlationId));
    dropped.table.client.destroy();
  });

  it('logs each request with the codes its client was given, so alarms on INTERNAL_SERVER_ERROR stay true', async () => {
    const requests = [
      { query: 'mutation { cancelTicket(id: "no-such-ticket") { id } }', code: 'NOT_FOUND' },
      { query: `{ mall(id: "${MALL}") { board(limit: 51) { id } } }`, code: 'BAD_USER_INPUT' },
    ];
    for (const { query, code } of requests) {
      let answer: GraphQLResponse | undefined;
      const log = await captureLog(async () => {
        answer = await h.raw(query);
      });
      expect(answer?.errors?.[0]?.extensions?.code).toBe(code);
      const line = log.split('\n').find((l) => l.includes('"GraphQL request"'));
      expect(line, 'the request log line').toBeDefined();
      expect((JSON.parse(line ?? '{}') as { errorCodes?: string[] }).errorCodes, query).toEqual([code]);
    }
  });

  it('never answers with a stack trace, even for errors Apollo itself raises', async () => {
    const answers = await Promise.all([
      h.raw('{ me { role }'),
      h.raw('query($n: Int!) { mall(id: "x") { board(limit: $n) { id } } }', { n: 'ten' }),
      h.raw('{ mall(id: "x") { board(limit: 1e400) { id } } }'),
      h.raw('{ me { role } }', undefined, 'not-a-jwt'),
    ]);
    for (const answer of answers) {
      expect(answer.errors?.length).toBeGreaterThan(0);
      for (const error of answer.errors ?? []) expect(error.extensions).not.toHaveProperty('stacktrace');
      expectNothingInternal(JSON.stringify(answer), h.table.tableName);
    }
  });

  it('answers a syntax error as a fault of the client: 400 and GRAPHQL_PARSE_FAILED', async () => {
    for (const query of ['{ me { role }', '{ me { role } } }', 'query {', '"unterminated']) {
      const result = await h.raw(query);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('GRAPHQL_PARSE_FAILED');
      expect(result.status, query).toBe(400);
    }
  });

  it('blocks a simple GET (CSRF): no content type, no preflight header', async () => {
    const query = { query: '{ me { role } }' };
    const simple = await send(h, bareEvent({ method: 'GET', query }));
    expect(simple.status).toBe(400);
    expect(simple.body).not.toContain('"role"');
    const withPreflight = await send(
      h,
      bareEvent({ method: 'GET', query, headers: { 'apollo-require-preflight': 'true' } }),
    );
    expect(withPreflight.status).toBe(200);
    expect(JSON.parse(withPreflight.body)).toEqual({ data: { me: { role: 'PUBLIC' } } });
  });

  it('blocks a simple POST (CSRF): a form or text content type', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const result = await send(
        h,
        bareEvent({
          method: 'POST',
          headers: { 'content-type': contentType },
          body: JSON.stringify({ query: 'mutation { takeTicket(input: { serviceId: "x" }) { id } }' }),
        }),
      );
      expect(result.status, contentType).toBe(400);
      expect(result.body).not.toContain('"data"');
    }
  });

  it('tells browsers and proxies to keep no answer: data, refusals, unreadable and oversized requests', async () => {
    const requests = [
      bareEvent({
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { role } }' }),
      }),
      bareEvent({ headers: { 'content-type': 'application/json' }, body: '{ me { role }' }),
      bareEvent({
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ me { role } }' }),
      }),
      bareEvent({ headers: { 'content-type': 'application/json' }, body: 'x'.repeat(200_000) }),
    ];
    const statuses: number[] = [];
    for (const event of requests) {
      const result = await h.handler(event, localLambdaContext('production-mode'));
      statuses.push(result.statusCode ?? 200);
      expect(result.headers?.['cache-control']).toBe('no-store');
    }
    expect(statuses).toEqual([200, 400, 400, 413]);
  });

  it('refuses batched operations', async () => {
    const result = await send(
      h,
      bareEvent({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ query: '{ me { role } }' }, { query: '{ __typename }' }]),
      }),
    );
    expect(result.status).toBe(400);
    expect(result.body).not.toContain('PUBLIC');
  });
});

describe('outside production (the local server)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(inject('dynamoEndpoint'), [fixtureCatalog({ mallId: MALL })], START);
  });

  afterAll(async () => h?.close());

  it('keeps introspection for front-end tooling', async () => {
    const result = await h.raw<{ __schema: { queryType: { name: string }; types: { name: string }[] } }>(
      INTROSPECTION,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.__schema.queryType.name).toBe('Query');
    expect(result.data?.__schema.types.map((t) => t.name)).toContain('Ticket');
  });

  it('keeps CSRF prevention on and batching off', async () => {
    const csrf = await h.handler(
      bareEvent({ method: 'GET', query: { query: '{ me { role } }' } }),
      localLambdaContext('local'),
    );
    expect(csrf.statusCode).toBe(400);
    const batch = await h.handler(
      bareEvent({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ query: '{ me { role } }' }]),
      }),
      localLambdaContext('local'),
    );
    expect(batch.statusCode).toBe(400);
  });
});
