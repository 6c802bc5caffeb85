/**
 * The per-caller limits (src/app/rate-limit.ts): per IP for PUBLIC callers,
 * per token subject for kiosks and staff, RATE_LIMITED over the limit with
 * nothing written, a fresh allowance once the minute has passed, and kiosks
 * that issue tickets for a queue of citizens never hitting the default limit,
 * even behind one address.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, rateLimitsFromEnv, uniformRateLimits } from '../../src/app/rate-limit.js';
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
  let kiosk: string;
  const issued = async () =>
    (await h.gql<{ service: { queue: { issued: number } } }>(ISSUED, { id: SERVICE })).service.queue.issued;
  const complaintCount = async () =>
    (await h.gql<{ complaints: { edges: unknown[] } }>(COMPLAINTS, { mallId: MALL }, admin)).complaints.edges
      .length;
  /** A takeTicket from the mall's kiosk (walk-in tickets need a kiosk or staff token). */
  const take = (sourceIp = '127.0.0.1', token = kiosk) =>
    postFrom(h, sourceIp, TAKE, { input: { serviceId: SERVICE } }, { authorization: `Bearer ${token}` });
  const asKiosk = () => ({ authorization: `Bearer ${kiosk}` });
  const submitFrom = (sourceIp: string, n: number, headers: Record<string, string> = {}) =>
    postFrom(h, sourceIp, SUBMIT, { input: complaintInput(n) }, headers);
  /** Starts a fresh one-minute window for every caller. */
  const nextMinute = () => h.clock.advance(MINUTE);

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      [fixtureCatalog({ mallId: MALL, counters: 1 })],
      START,
      { rateLimits: { ...uniformRateLimits(100), takeTicket: 5, submitComplaint: 3 } },
    );
    admin = await h.token({ role: 'ADMIN', mallId: MALL });
    kiosk = await h.token({ role: 'KIOSK', mallId: MALL }, { subject: 'kiosk-1' });
  });

  afterAll(async () => h?.close());

  it('refuses the 6th takeTicket of a minute from one kiosk, writing nothing, and allows it again a minute later', async () => {
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
        (await postFrom(h, '127.0.0.1', pair, { input: { serviceId: SERVICE } }, asKiosk())).errors,
      ).toBeUndefined();
    }
    expect(await issued()).toBe(before + 4);
    // Four taken: a pair would make six, so the whole request is refused and neither is written.
    expectRateLimited(await postFrom(h, '127.0.0.1', pair, { input: { serviceId: SERVICE } }, asKiosk()));
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
    expectRateLimited(await postFrom(h, '127.0.0.1', six, { input: { serviceId: SERVICE } }, asKiosk()));
    expect(await issued()).toBe(before);
  });

  it('counts takeTicket fields inside fragments', async () => {
    nextMinute();
    const before = await issued();
    const inline = `mutation($input: TakeTicketInput!) { ... on Mutation { takeTicket(input: $input) { id } } }`;
    const spread = `mutation($input: TakeTicketInput!) { ...Take } fragment Take on Mutation { takeTicket(input: $input) { id } }`;
    const answers: GraphQLResponse[] = [];
    for (let n = 0; n < 4; n++)
      answers.push(await postFrom(h, '127.0.0.1', inline, { input: { serviceId: SERVICE } }, asKiosk()));
    for (let n = 0; n < 4; n++)
      answers.push(await postFrom(h, '127.0.0.1', spread, { input: { serviceId: SERVICE } }, asKiosk()));
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(await issued()).toBe(before + 5);
  });

  it('counts each PUBLIC IP on its own, and ignores a forwarded-for header the caller sets', async () => {
    nextMinute();
    const before = await complaintCount();
    for (let n = 0; n < 3; n++) expect((await submitFrom('203.0.113.10', n)).errors).toBeUndefined();
    expectRateLimited(await submitFrom('203.0.113.10', 3));
    // Another citizen, another IP: unaffected.
    for (let n = 0; n < 3; n++) expect((await submitFrom('203.0.113.11', n)).errors).toBeUndefined();
    expectRateLimited(await submitFrom('203.0.113.11', 3));
    // A client cannot claim another IP through headers; API Gateway's source IP is what counts.
    expectRateLimited(await submitFrom('203.0.113.10', 4, { 'x-forwarded-for': '198.51.100.7' }));
    expectRateLimited(await submitFrom('203.0.113.10', 5, { forwarded: 'for=198.51.100.8' }));
    expect(await complaintCount()).toBe(before + 6);
  });

  it('counts a token by its subject, not by the IP it calls from: kiosks behind one address each have their own allowance', async () => {
    nextMinute();
    const officer = await h.token(
      { role: 'OFFICER', mallId: MALL, agencyId: `${MALL}:agency` },
      { subject: 'officer-1' },
    );
    const answers = [];
    for (let n = 0; n < 6; n++) answers.push(await take(`198.51.100.${n + 1}`, officer));
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'RATE_LIMITED']);
    // Two kiosks of the mall behind one public IP: five each.
    const second = await h.token({ role: 'KIOSK', mallId: MALL }, { subject: 'kiosk-2' });
    const both = [];
    for (let n = 0; n < 5; n++) both.push(await take('203.0.113.200'), await take('203.0.113.200', second));
    expect(both.every((a) => a.errors === undefined)).toBe(true);
    expectRateLimited(await take('203.0.113.200'));
    expectRateLimited(await take('203.0.113.200', second));
  });

  it('reads every limit from the variable named after its operation', () => {
    const limits = rateLimitsFromEnv({
      LOKET_RATE_LIMIT_TAKE_TICKET: '7',
      LOKET_RATE_LIMIT_BOOK_APPOINTMENT: '3',
      LOKET_RATE_LIMIT_SUBMIT_SURVEY: '11',
      LOKET_RATE_LIMIT_CHECK_IN_APPOINTMENT: 'lots',
    });
    expect(limits).toEqual({
      ...DEFAULT_RATE_LIMITS,
      takeTicket: 7,
      bookAppointment: 3,
      submitSurvey: 11,
    });
  });

  it('refuses the 4th submitComplaint of a minute from one IP, writing nothing', async () => {
    nextMinute();
    const before = await complaintCount();
    for (let n = 0; n < 3; n++) {
      const result = await submitFrom('192.0.2.1', n);
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
    // takeTicket has its own allowance, even from the same address.
    expect((await take('192.0.2.1')).errors).toBeUndefined();
    h.clock.advance(MINUTE);
    expect((await postFrom(h, '192.0.2.1', SUBMIT, { input: complaintInput(4) })).errors).toBeUndefined();
  });

  it('does not count queries', async () => {
    nextMinute();
    for (let n = 0; n < 20; n++)
      expect((await postFrom(h, '192.0.2.50', ISSUED, { id: SERVICE })).errors).toBeUndefined();
    for (let n = 0; n < 3; n++) expect((await submitFrom('192.0.2.50', n)).errors).toBeUndefined();
  });
});

describe('rate limits, at their defaults', () => {
  let h: Harness;
  const kioskTokens: string[] = [];

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      [fixtureCatalog({ mallId: MALL, counters: 4, services: [{}, {}, {}] })],
      START,
      { rateLimits: DEFAULT_RATE_LIMITS },
    );
    for (let k = 0; k < 4; k++)
      kioskTokens.push(await h.token({ role: 'KIOSK', mallId: MALL }, { subject: `kiosk-${k}` }));
  });

  afterAll(async () => h?.close());

  it('never refuses a kiosk issuing one ticket every 10 s for an hour', async () => {
    const codes = new Map<string, number>();
    const services = [1, 2, 3].map((n) => `${MALL}:agency:svc${n}`);
    for (let n = 0; n < 360; n++) {
      const result = await postFrom(
        h,
        '203.0.113.77',
        TAKE,
        { input: { serviceId: services[n % 3], priority: n % 7 === 0 ? 'ELDERLY' : 'NONE' } },
        { authorization: `Bearer ${kioskTokens[0]}` },
      );
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
          postFrom(
            h,
            '203.0.113.99',
            TAKE,
            { input: { serviceId: `${MALL}:agency:svc${(k % 3) + 1}` } },
            { authorization: `Bearer ${kioskTokens[k]}` },
          ),
        ),
      );
      refused += results.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED').length;
      h.clock.advance(10_000);
    }
    expect(refused).toBe(0);
  });
});
