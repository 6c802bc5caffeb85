/**
 * The per-caller limits of takeTicket and submitComplaint (issue 5): per IP
 * for PUBLIC callers, RATE_LIMITED over the limit with nothing written, a
 * fresh allowance once the minute has passed, and a kiosk that issues
 * tickets for a queue of citizens never hitting the default limit.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../../src/app/rate-limit.js';
import { localLambdaContext } from '../../src/local/local-event.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import type { GraphQLResponse } from '../support/graphql.js';
import { httpEvent } from '../support/graphql.js';
import { createHarness, type Harness } from '../support/harness.js';

const MALL = 'rate-mall';
const SERVICE = `${MALL}:agency:svc1`;
// Tuesday 2026-12-01 09:00 WIB; the fixture mall is open all day.
const START = new Date('2026-12-01T02:00:00Z');
const MINUTE = 60_000;

const TAKE = `mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id number } }`;
const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id trackingCode } }`;
const ISSUED = `query($id: ID!) { service(id: $id) { queue { issued } } }`;
const COMPLAINTS = `query($mallId: ID) { complaints(mallId: $mallId, first: 100) { edges { cursor } } }`;

/** One POST /graphql through the handler, from `sourceIp`, as API Gateway would hand it over. */
async function postFrom(
  h: Harness,
  sourceIp: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const event = httpEvent({ body: JSON.stringify({ query, variables }), headers, sourceIp });
  const result = await h.handler(event, localLambdaContext('rate-limit'));
  return { ...(JSON.parse(result.body ?? '{}') as GraphQLResponse), status: result.statusCode ?? 200 };
}

function expectRateLimited(result: GraphQLResponse): void {
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
  expect(result.status).toBe(429);
  // The refusal says to wait, not what the limit is.
  expect(result.errors?.[0]?.message).not.toMatch(/\d{2,}/);
}

function complaintInput(n: number) {
  return {
    mallId: MALL,
    category: 'ASPIRATION',
    subject: `Saran nomor ${n}`,
    description: 'Mohon ditambah kursi di ruang tunggu lantai dua.',
  };
}

describe('rate limits, configured low', () => {
  let h: Harness;
  let admin: string;
  const issued = async () =>
    (await h.gql<{ service: { queue: { issued: number } } }>(ISSUED, { id: SERVICE })).service.queue.issued;
  const complaintCount = async () =>
    (await h.gql<{ complaints: { edges: unknown[] } }>(COMPLAINTS, { mallId: MALL }, admin)).complaints.edges
      .length;
  const take = (sourceIp = '127.0.0.1', headers: Record<string, string> = {}) =>
    postFrom(h, sourceIp, TAKE, { input: { serviceId: SERVICE } }, headers);
  /** Starts a fresh one-minute window for every caller. */
  const nextMinute = () => h.clock.advance(MINUTE);

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      [fixtureCatalog({ mallId: MALL, counters: 1 })],
      START,
      { rateLimits: { takeTicket: 5, submitComplaint: 3 } },
    );
    admin = await h.token({ role: 'ADMIN', mallId: MALL });
  });

  afterAll(async () => h?.close());

  it('refuses the 6th takeTicket of a minute from one IP, writing nothing, and allows it again a minute later', async () => {
    nextMinute();
    const before = await issued();
    for (let n = 0; n < 5; n++) expect((await take()).errors).toBeUndefined();
    expect(await issued()).toBe(before + 5);

    let refused: GraphQLResponse | undefined;
    const requests = await h.countRequests(async () => {
      refused = await take();
    });
    expectRateLimited(refused as GraphQLResponse);
    expect(requests).toBe(0);
    expect(await issued()).toBe(before + 5);

    // Still inside the minute: still refused.
    h.clock.advance(MINUTE - 1);
    expectRateLimited(await take());
    h.clock.advance(1);
    const again = await take();
    expect(again.errors).toBeUndefined();
    expect(await issued()).toBe(before + 6);
  });

  it('counts two aliased takeTicket fields in one request as two', async () => {
    nextMinute();
    const before = await issued();
    const pair = `mutation($input: TakeTicketInput!) {
      a: takeTicket(input: $input) { id }
      b: takeTicket(input: $input) { id }
    }`;
    for (let n = 0; n < 2; n++) {
      expect(
        (await postFrom(h, '127.0.0.1', pair, { input: { serviceId: SERVICE } })).errors,
      ).toBeUndefined();
    }
    expect(await issued()).toBe(before + 4);
    // Four taken: a pair would make six, so the whole request is refused and neither is written.
    expectRateLimited(await postFrom(h, '127.0.0.1', pair, { input: { serviceId: SERVICE } }));
    expect(await issued()).toBe(before + 4);
    // One is still allowed.
    expect((await take()).errors).toBeUndefined();
    expect(await issued()).toBe(before + 5);
  });

  it('refuses more takeTicket fields in one request than the limit, even as the first request', async () => {
    nextMinute();
    const before = await issued();
    const six = `mutation($input: TakeTicketInput!) { ${Array.from(
      { length: 6 },
      (_, n) => `t${n}: takeTicket(input: $input) { id }`,
    ).join(' ')} }`;
    expectRateLimited(await postFrom(h, '127.0.0.1', six, { input: { serviceId: SERVICE } }));
    expect(await issued()).toBe(before);
  });

  it('counts takeTicket fields inside fragments', async () => {
    nextMinute();
    const before = await issued();
    const inline = `mutation($input: TakeTicketInput!) { ... on Mutation { takeTicket(input: $input) { id } } }`;
    const spread = `mutation($input: TakeTicketInput!) { ...Take } fragment Take on Mutation { takeTicket(input: $input) { id } }`;
    const answers: GraphQLResponse[] = [];
    for (let n = 0; n < 4; n++)
      answers.push(await postFrom(h, '127.0.0.1', inline, { input: { serviceId: SERVICE } }));
    for (let n = 0; n < 4; n++)
      answers.push(await postFrom(h, '127.0.0.1', spread, { input: { serviceId: SERVICE } }));
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(await issued()).toBe(before + 5);
  });

  it('counts each IP on its own, and ignores a forwarded-for header the caller sets', async () => {
    nextMinute();
    const before = await issued();
    for (let n = 0; n < 5; n++) expect((await take('203.0.113.10')).errors).toBeUndefined();
    expectRateLimited(await take('203.0.113.10'));
    // Another citizen, another IP: unaffected.
    for (let n = 0; n < 5; n++) expect((await take('203.0.113.11')).errors).toBeUndefined();
    expectRateLimited(await take('203.0.113.11'));
    // A client cannot claim another IP through headers; API Gateway's source IP is what counts.
    expectRateLimited(await take('203.0.113.10', { 'x-forwarded-for': '198.51.100.7' }));
    expectRateLimited(await take('203.0.113.10', { forwarded: 'for=198.51.100.8' }));
    expect(await issued()).toBe(before + 10);
  });

  it('counts a staff token by its identity, not by the IP it calls from', async () => {
    nextMinute();
    const officer = await h.token({ role: 'OFFICER', mallId: MALL, agencyId: `${MALL}:agency` });
    const asOfficer = (sourceIp: string) =>
      postFrom(h, sourceIp, TAKE, { input: { serviceId: SERVICE } }, { authorization: `Bearer ${officer}` });
    const answers = [];
    for (let n = 0; n < 6; n++) answers.push(await asOfficer(`198.51.100.${n + 1}`));
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'RATE_LIMITED']);
    // The PUBLIC caller from one of those IPs still has its own allowance.
    expect((await take('198.51.100.1')).errors).toBeUndefined();
  });

  it('refuses the 4th submitComplaint of a minute from one IP, writing nothing', async () => {
    nextMinute();
    const before = await complaintCount();
    for (let n = 0; n < 3; n++) {
      const result = await postFrom(h, '192.0.2.1', SUBMIT, { input: complaintInput(n) });
      expect(result.errors).toBeUndefined();
    }
    expect(await complaintCount()).toBe(before + 3);
    let refused: GraphQLResponse | undefined;
    const requests = await h.countRequests(async () => {
      refused = await postFrom(h, '192.0.2.1', SUBMIT, { input: complaintInput(3) });
    });
    expectRateLimited(refused as GraphQLResponse);
    expect(requests).toBe(0);
    expect(await complaintCount()).toBe(before + 3);
    // takeTicket has its own allowance.
    expect((await take('192.0.2.1')).errors).toBeUndefined();
    h.clock.advance(MINUTE);
    expect((await postFrom(h, '192.0.2.1', SUBMIT, { input: complaintInput(4) })).errors).toBeUndefined();
  });

  it('does not count queries', async () => {
    nextMinute();
    for (let n = 0; n < 20; n++)
      expect((await postFrom(h, '192.0.2.50', ISSUED, { id: SERVICE })).errors).toBeUndefined();
    for (let n = 0; n < 5; n++) expect((await take('192.0.2.50')).errors).toBeUndefined();
  });
});

describe('rate limits, at their defaults', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      [fixtureCatalog({ mallId: MALL, counters: 4, services: [{}, {}, {}] })],
      START,
      { rateLimits: DEFAULT_RATE_LIMITS },
    );
  });

  afterAll(async () => h?.close());

  it('never refuses a kiosk issuing one ticket every 10 s for an hour', async () => {
    const codes = new Map<string, number>();
    const services = [1, 2, 3].map((n) => `${MALL}:agency:svc${n}`);
    for (let n = 0; n < 360; n++) {
      const result = await postFrom(h, '203.0.113.77', TAKE, {
        input: { serviceId: services[n % 3], priority: n % 7 === 0 ? 'ELDERLY' : 'NONE' },
      });
      const code = result.errors?.[0]?.extensions?.code ?? 'OK';
      codes.set(code, (codes.get(code) ?? 0) + 1);
      h.clock.advance(10_000);
    }
    expect(Object.fromEntries(codes)).toEqual({ OK: 360 });
  });

  it('never refuses the kiosks of one mall behind one public IP at a rush, one ticket each every 10 s', async () => {
    const kiosks = 4;
    let refused = 0;
    for (let tick = 0; tick < 60; tick++) {
      const results = await Promise.all(
        Array.from({ length: kiosks }, (_, k) =>
          postFrom(h, '203.0.113.99', TAKE, { input: { serviceId: `${MALL}:agency:svc${(k % 3) + 1}` } }),
        ),
      );
      refused += results.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED').length;
      h.clock.advance(10_000);
    }
    expect(refused).toBe(0);
  });
});
