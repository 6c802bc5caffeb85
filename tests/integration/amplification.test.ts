/**
 * A small anonymous query may not become a huge answer: the answer-size estimate counts list sizes
 * (src/app/list-cost.ts), and an answer over the cap for a caller without a token is refused, not sent
 * (src/app/handler.ts).
 */
import { buildSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANSWER_TOO_LARGE_MESSAGE } from '../../src/app/handler.js';
import { DEFAULT_QUERY_LIMITS, TOO_COMPLEX_MESSAGE } from '../../src/app/limits.js';
import { estimateListCost } from '../../src/app/list-cost.js';
import { readCatalogs } from '../../src/catalog-data/data-files.js';
import { typeDefs } from '../../src/generated/type-defs.js';
import { localLambdaContext } from '../../src/local/local-event.js';
import { execute, httpEvent } from '../support/graphql.js';
import { createHarness, type Harness } from '../support/harness.js';
import { REAL_OPERATIONS } from '../support/operations.js';

const schema = buildSchema(typeDefs);

/** One alias of the query of issue 15: every mall's agencies, a year of their days, and their queues. */
const YEAR_OF_EVERYTHING = `malls {
  id
  agencies {
    id
    schedule { days(from: "2026-12-01", to: "2027-12-01") { date reason intervals { opens closes } } }
    services { id queue { issued waiting remainingQuota estimatedWaitMinutes } }
  }
}`;

function aliased(selection: string, aliases: number): string {
  return `{ ${Array.from({ length: aliases }, (_, n) => `a${n}: ${selection}`).join('\n')} }`;
}

function estimate(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  return estimateListCost(schema, document, operation, variables, Number.MAX_SAFE_INTEGER);
}

describe('the answer-size estimate', () => {
  it('multiplies by list sizes: a day range by its days, a page by its `first`, other lists by 5', () => {
    const days = (to: string) =>
      estimate(`{ agency(id: "a") { schedule { days(from: "2026-12-01", to: "${to}") { date } } } }`);
    // agency + schedule + n days + n dates
    expect(days('2026-12-01')).toBe(4);
    expect(days('2026-12-31')).toBe(2 + 2 * 31);
    // Counted at most at the longest range any list accepts, whatever the resolver says of a longer one.
    expect(days('2030-12-31')).toBe(2 + 2 * 366);
    expect(
      estimate('query($first: Int) { complaints(first: $first) { edges { cursor } } }', { first: 40 }),
    ).toBe(1 + 40 + 40);
    expect(estimate('{ malls { agencies { id } } }')).toBe(5 + 25 + 25);
  });

  it('counts a fragment where it is spread, and each alias', () => {
    const fragment = 'fragment A on Agency { services { id } }';
    expect(estimate(`{ malls { agencies { ...A } } } ${fragment}`)).toBe(5 + 25 + 125 + 125);
    expect(estimate('{ a: malls { id } b: malls { id } }')).toBe(2 * (5 + 5));
  });

  it('stops early on fragments that double one another, whatever field they end in', () => {
    for (const leaf of ['__typename', '__schema { queryType { name } }', 'me { role }']) {
      const levels = Array.from(
        { length: 60 },
        (_, n) => `fragment F${n} on Query { ...F${n + 1} ...F${n + 1} }`,
      );
      const query = `{ ...F0 } ${levels.join(' ')} fragment F60 on Query { ${leaf} }`;
      const document = parse(query);
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      if (!operation) throw new Error('no operation');
      const started = performance.now();
      const cost = estimateListCost(schema, document, operation, {}, DEFAULT_QUERY_LIMITS.maxListCost);
      expect(cost, leaf).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxListCost);
      expect(performance.now() - started, leaf).toBeLessThan(1000);
    }
  });

  it('passes the real operations with room to spare, and not the amplification query of issue 15', () => {
    const variables = { first: 100, limit: 50, from: '2026-12-01', to: '2027-11-30' };
    for (const [name, source] of Object.entries(REAL_OPERATIONS)) {
      expect(estimate(source, variables), name).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxListCost / 2);
    }
    expect(estimate(aliased(YEAR_OF_EVERYTHING, 15))).toBeGreaterThan(10 * DEFAULT_QUERY_LIMITS.maxListCost);
  });
});

describe('amplification, through the handler', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      await readCatalogs('data'),
      new Date('2026-12-01T02:00:00Z'),
    );
  });

  afterAll(async () => h?.close());

  it('refuses the anonymous query of issue 15 (15 aliases, a year of days) with QUERY_TOO_COMPLEX', async () => {
    const query = aliased(YEAR_OF_EVERYTHING, 15);
    expect(Buffer.byteLength(query)).toBeLessThan(6 * 1024);
    const result = await h.raw(query);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toEqual([
      { message: TOO_COMPLEX_MESSAGE, extensions: { code: 'QUERY_TOO_COMPLEX' } },
    ]);
    expect(result.status).toBe(400);
  });

  it('counts a range sent in variables like the same literal', async () => {
    const query = `query($from: Date!, $to: Date!) ${aliased(YEAR_OF_EVERYTHING, 15)
      .replaceAll('"2026-12-01"', '$from')
      .replaceAll('"2027-12-01"', '$to')}`;
    const result = await h.raw(query, { from: '2026-12-01', to: '2027-12-01' });
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses an anonymous answer over the cap, and sends the same answer to a caller with a token', async () => {
    const cap = 20 * 1024;
    const capped = h.newInstance({ limits: { ...DEFAULT_QUERY_LIMITS, maxPublicAnswerBytes: cap } });
    const kioskCatalog = (headers: Record<string, string>) =>
      execute(capped, REAL_OPERATIONS.KIOSK_CATALOG, { mallId: 'lampung-tengah' }, headers);

    const anonymous = await kioskCatalog({});
    expect(anonymous.status).toBe(400);
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors).toEqual([
      { message: ANSWER_TOO_LARGE_MESSAGE, extensions: { code: 'QUERY_TOO_COMPLEX' } },
    ]);

    const kiosk = await h.token({ role: 'KIOSK', mallId: 'lampung-tengah' });
    const answered = await capped(
      httpEvent({
        body: JSON.stringify({
          query: REAL_OPERATIONS.KIOSK_CATALOG,
          variables: { mallId: 'lampung-tengah' },
        }),
        headers: { authorization: `Bearer ${kiosk}` },
      }),
      localLambdaContext('amplification'),
    );
    expect(answered.statusCode).toBe(200);
    expect(Buffer.byteLength(answered.body ?? '')).toBeGreaterThan(cap);

    // Under the cap an anonymous answer goes out as usual.
    const small = await execute(capped, '{ malls { id name } }');
    expect(small.errors).toBeUndefined();
  });
});
