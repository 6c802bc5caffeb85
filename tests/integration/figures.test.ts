/**
 * The figures end to end on DynamoDB Local: a day of 1,000 tickets moved through the real handler
 * with a manual clock, the table's stream fed to the figures' consumer as the local server does, and
 * every figure compared with a recomputation straight from the tickets, to the last digit, before
 * and after the whole stream is replayed.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFiguresConsumer } from '../../src/app/figures-consumer.js';
import { BOOKING_POLICY_DEFAULTS } from '../../src/domain/booking/booking-policy.js';
import { SURVEY_ELEMENTS } from '../../src/domain/figures/survey.js';
import type { Ticket } from '../../src/domain/queue/ticket.js';
import type { StreamRecordLike } from '../../src/dynamo/figures/stream-changes.js';
import { DynamoTicketStore } from '../../src/dynamo/queue/ticket-store.js';
import { StreamPoller } from '../../src/local/stream-poller.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import { createHarness, type Harness } from '../support/harness.js';

const MALL = 'figmall';
const AGENCY = `${MALL}:agency`;
const SERVICE_A = `${AGENCY}:svc1`;
const SERVICE_B = `${AGENCY}:svc2`;
const COUNTER = `${AGENCY}:loket-1`;
const DAY = '2026-12-07'; // a Monday
const TARGET_WAIT_MINUTES = 30;

const AGENCY_FIGURES = /* GraphQL */ `
  query($id: ID!, $from: Date!, $to: Date!) {
    agency(id: $id) {
      figures(from: $from, to: $to) {
        from to
        days {
          date service { id } issued served noShow cancelled transferredOut
          waitMinutesAvg waitMinutesP50 waitMinutesP90
          serviceMinutesAvg serviceMinutesP50 serviceMinutesP90
          servedWithinTarget bookings bookingNoShows
        }
        complaints { received answeredOnTime answeredLate overdueNow medianFirstAnswerHours }
        satisfaction { responses requiredSample elements { element average } ikm grade }
      }
    }
  }
`;
const MALL_FIGURES = /* GraphQL */ `
  query($id: ID!, $from: Date!, $to: Date!) {
    mall(id: $id) {
      figures(from: $from, to: $to) {
        agencies { agency { id } days { service { id } issued served waitMinutesP90 } }
        complaints { received }
        satisfaction { responses ikm grade requiredSample }
      }
    }
  }
`;
const MALL_SATISFACTION = /* GraphQL */ `
  query($id: ID!, $from: Date!, $to: Date!) {
    mall(id: $id) { satisfaction(from: $from, to: $to) { responses requiredSample elements { element average } ikm grade } }
  }
`;
const SUBMIT_SURVEY = /* GraphQL */ `
  mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { ticket { id status } submittedAt } }
`;

interface DayRow {
  date: string;
  service: { id: string };
  [field: string]: unknown;
}

/** `n / d` rounded half up to `places` decimals, in BigInt: the recomputation owes nothing to the code under test. */
function exactRound(n: number, d: number, places: number): number | null {
  if (d === 0) return null;
  const scale = 10n ** BigInt(places);
  const q = (2n * BigInt(n) * scale + BigInt(d)) / (2n * BigInt(d));
  return Number(q) / Number(scale);
}

function rank(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? null;
}

/** Every figure of each service, straight from the tickets and the surveys the test made. */
function recompute(tickets: Ticket[], issuedFor: Map<string, string>, surveys: Map<string, number[]>) {
  const rows = new Map<string, Record<string, unknown>>();
  interface Counts {
    issued: number;
    served: number;
    noShow: number;
    cancelled: number;
    transferredOut: number;
  }
  const acc = new Map<string, { waits: number[]; services: number[]; counts: Counts }>();
  const of = (serviceId: string) => {
    let a = acc.get(serviceId);
    if (!a) {
      a = {
        waits: [],
        services: [],
        counts: { issued: 0, served: 0, noShow: 0, cancelled: 0, transferredOut: 0 },
      };
      acc.set(serviceId, a);
    }
    return a;
  };
  for (const t of tickets) {
    const first = issuedFor.get(t.id) ?? '';
    of(first).counts.issued += 1;
    // Services in order: the first, then each transfer's target.
    const path = [
      first,
      ...t.history.filter((e) => e.action === 'TRANSFERRED').map((e) => e.serviceId ?? ''),
    ];
    for (const s of path.slice(0, -1)) of(s).counts.transferredOut += 1;
    const firstCall = t.history.find((e) => e.action === 'CALLED');
    if (firstCall) {
      const transfersBefore = t.history.filter(
        (e) => e.action === 'TRANSFERRED' && e.at < firstCall.at,
      ).length;
      of(path[transfersBefore] ?? first).waits.push(
        Math.max(0, Date.parse(firstCall.at) - Date.parse(t.issuedAt)),
      );
    }
    const last = of(t.serviceId);
    if (t.status === 'DONE') {
      last.counts.served += 1;
      last.services.push(Date.parse(t.finishedAt ?? '') - Date.parse(t.startedAt ?? ''));
    }
    if (t.status === 'NO_SHOW') last.counts.noShow += 1;
    if (t.status === 'CANCELLED') last.counts.cancelled += 1;
  }
  for (const [serviceId, a] of acc) {
    const waits = [...a.waits].sort((x, y) => x - y);
    const services = [...a.services].sort((x, y) => x - y);
    const sum = (xs: number[]) => xs.reduce((p, q) => p + q, 0);
    const minutes = (ms: number | null) => (ms === null ? null : exactRound(ms, 60_000, 2));
    rows.set(serviceId, {
      date: DAY,
      service: { id: serviceId },
      ...a.counts,
      waitMinutesAvg: exactRound(sum(waits), waits.length * 60_000, 2),
      waitMinutesP50: minutes(rank(waits, 50)),
      waitMinutesP90: minutes(rank(waits, 90)),
      serviceMinutesAvg: exactRound(sum(services), services.length * 60_000, 2),
      serviceMinutesP50: minutes(rank(services, 50)),
      serviceMinutesP90: minutes(rank(services, 90)),
      servedWithinTarget: exactRound(
        waits.filter((w) => w <= TARGET_WAIT_MINUTES * 60_000).length,
        waits.length,
        4,
      ),
      bookings: 0,
      bookingNoShows: 0,
    });
  }
  const all = [...surveys.values()];
  const sums = SURVEY_ELEMENTS.map((_, i) => all.reduce((p, s) => p + (s[i] ?? 0), 0));
  const served = tickets.filter((t) => t.status === 'DONE').length;
  const total = sums.reduce((p, q) => p + q, 0);
  const ikm = exactRound(25 * total, 9 * all.length, 2);
  const satisfaction = {
    responses: all.length,
    requiredSample: Math.ceil((3841 * served) / (10 * served + 3831)),
    elements: SURVEY_ELEMENTS.map((element, i) => ({
      element,
      average: exactRound(sums[i] ?? 0, all.length, 2),
    })),
    ikm,
    grade: ikm === null ? null : ikm >= 88.31 ? 'A' : ikm >= 76.61 ? 'B' : ikm >= 65 ? 'C' : 'D',
  };
  return { rows, satisfaction, served };
}

describe('figures of a day of 1,000 tickets', () => {
  let h: Harness;
  let poller: StreamPoller;
  const tickets: string[] = [];
  const issuedFor = new Map<string, string>();
  const surveys = new Map<string, number[]>();

  beforeAll(async () => {
    const catalog = fixtureCatalog({
      mallId: MALL,
      counters: 1,
      services: [{}, {}],
    });
    h = await createHarness(inject('dynamoEndpoint'), [catalog], new Date(`${DAY}T01:00:00Z`));
    poller = new StreamPoller({
      endpoint: h.table.endpoint,
      tableName: h.table.tableName,
      consumer: createFiguresConsumer({
        tableName: h.table.tableName,
        dynamoEndpoint: h.table.endpoint,
        clock: h.clock,
      }),
    });
  });

  afterAll(async () => {
    await poller?.stop();
    await h?.close();
  });

  it('counts every ticket, move and survey exactly, and again after the stream is replayed', async () => {
    const kiosk = await h.token({ role: 'KIOSK', mallId: MALL });
    const officer = await h.token({ role: 'OFFICER', mallId: MALL, agencyId: AGENCY });
    const admin = await h.token({ role: 'ADMIN', mallId: MALL });
    const at = (ms: number) => h.clock.set(new Date(Date.parse(`${DAY}T01:00:00Z`) + ms));
    const move = async (mutation: string, id: string, extra = '') =>
      h.gql(`mutation { ${mutation}(id: "${id}"${extra}) { id status } }`, {}, officer);

    // Ticket i is issued at 08:00 + 15 s·i (+ i ms, so no two durations tie by accident); each is
    // then moved at its own later instants, known here, with one counter that is free between tickets.
    for (let i = 0; i < 1000; i++) {
      const issuedAt = i * 15_000 + i;
      const serviceId = i % 3 === 0 ? SERVICE_B : SERVICE_A;
      at(issuedAt);
      const taken = await h.gql<{ takeTicket: { id: string; holderCode: string } }>(
        `mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id holderCode } }`,
        { input: { serviceId } },
        kiosk,
      );
      const id = taken.takeTicket.id;
      tickets.push(id);
      issuedFor.set(id, serviceId);
      const wait = ((i * 7919) % 3_600_000) + 137 * (i % 11);
      const call = issuedAt + wait;
      const callIt = () =>
        h.gql(`mutation { callTicket(id: "${id}", counterId: "${COUNTER}") { id } }`, {}, officer);
      if (i % 50 === 7) {
        at(call);
        await move('cancelTicket', id);
        continue;
      }
      at(call);
      await callIt();
      if (i % 50 === 13) {
        at(call + 60_000);
        await move('recallTicket', id);
        at(call + 120_000);
        await move('markNoShow', id);
        continue;
      }
      if (i % 50 === 21) {
        at(call + 30_000);
        await move(
          'transferTicket',
          id,
          `, toServiceId: "${serviceId === SERVICE_A ? SERVICE_B : SERVICE_A}"`,
        );
        at(call + 900_000);
        await callIt();
      }
      if (i % 100 === 33) {
        at(call + 60_000);
        await move('recallTicket', id);
        at(call + 90_000);
        await move('markNoShow', id);
        at(call + 200_000);
        await move('reactivateTicket', id);
        at(call + 400_000);
        await callIt();
      }
      const start = call + 950_000 + (i % 17) * 1_000;
      at(start);
      await move('startServing', id);
      at(start + 120_000 + ((i * 104_729) % 900_000));
      await move('finishTicket', id);
      if (i % 10 === 0) {
        const scores = SURVEY_ELEMENTS.map((_, e) => 1 + ((i + e * 3) % 4));
        await h.gql(
          SUBMIT_SURVEY,
          {
            input: {
              ticketId: id,
              holderCode: taken.takeTicket.holderCode,
              answers: SURVEY_ELEMENTS.map((element, e) => ({ element, score: scores[e] })),
            },
          },
          kiosk,
        );
        surveys.set(id, scores);
      }
    }

    await poller.catchUp();
    const stored = [
      ...(await new DynamoTicketStore(h.table.client, h.table.tableName).getTickets(tickets)).values(),
    ];
    expect(stored).toHaveLength(1000);
    const expected = recompute(stored, issuedFor, surveys);
    const period = { id: AGENCY, from: DAY, to: DAY };

    const read = async () => {
      const { agency } = await h.gql<{
        agency: { figures: { days: DayRow[]; satisfaction: Record<string, unknown> } };
      }>(AGENCY_FIGURES, period, admin);
      return agency.figures;
    };
    const figures = await read();
    expect(Object.fromEntries(figures.days.map((d) => [d.service.id, d]))).toEqual(
      Object.fromEntries(expected.rows),
    );
    expect(figures.satisfaction).toEqual(expected.satisfaction);
    expect(expected.satisfaction.responses).toBeGreaterThan(50);

    const mall = await h.gql<{ mall: { satisfaction: Record<string, unknown> } }>(MALL_SATISFACTION, {
      id: MALL,
      from: DAY,
      to: DAY,
    });
    expect(mall.mall.satisfaction).toEqual(expected.satisfaction);
    const whole = await h.gql<{
      mall: { figures: { agencies: { agency: { id: string }; days: DayRow[] }[]; satisfaction: unknown } };
    }>(MALL_FIGURES, { id: MALL, from: DAY, to: DAY }, admin);
    expect(whole.mall.figures.agencies.map((a) => a.agency.id)).toEqual([AGENCY]);
    expect(
      whole.mall.figures.agencies[0]?.days.map((d) => [d.service.id, d.issued, d.served, d.waitMinutesP90]),
    ).toEqual(figures.days.map((d) => [d.service.id, d.issued, d.served, d.waitMinutesP90]));
    expect(whole.mall.figures.satisfaction).toEqual({
      responses: expected.satisfaction.responses,
      ikm: expected.satisfaction.ikm,
      grade: expected.satisfaction.grade,
      requiredSample: expected.satisfaction.requiredSample,
    });

    // The whole stream again, from its oldest record, by a poller that remembers nothing.
    const replay = new StreamPoller({
      endpoint: h.table.endpoint,
      tableName: h.table.tableName,
      consumer: createFiguresConsumer({
        tableName: h.table.tableName,
        dynamoEndpoint: h.table.endpoint,
        clock: h.clock,
      }),
    });
    expect(await replay.catchUp()).toBeGreaterThan(4000);
    await replay.stop();
    expect(await read()).toEqual(figures);
  }, 600_000);
});

describe('figures: the survey, periods, complaints and request counts', () => {
  const M = 'figrules';
  const AG = `${M}:agency`;
  const SVC = `${AG}:svc1`;
  const CTR = `${AG}:loket-1`;
  let h: Harness;
  let poller: StreamPoller;
  let kiosk = '';
  let officer = '';
  let admin = '';
  const answers = SURVEY_ELEMENTS.map((element) => ({ element, score: 4 }));
  const codeOf = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
    r.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    // Open 08:00-16:00 every day: the working hours the complaint figures count.
    const catalog = fixtureCatalog({ mallId: M, counters: 1, hours: [{ opens: '08:00', closes: '16:00' }] });
    h = await createHarness(inject('dynamoEndpoint'), [catalog], new Date('2026-12-07T02:00:00Z'));
    poller = new StreamPoller({
      endpoint: h.table.endpoint,
      tableName: h.table.tableName,
      consumer: createFiguresConsumer({
        tableName: h.table.tableName,
        dynamoEndpoint: h.table.endpoint,
        clock: h.clock,
      }),
    });
    kiosk = await h.token({ role: 'KIOSK', mallId: M });
    officer = await h.token({ role: 'OFFICER', mallId: M, agencyId: AG });
    admin = await h.token({ role: 'ADMIN', mallId: M });
  });

  afterAll(async () => {
    await poller?.stop();
    await h?.close();
  });

  async function take(): Promise<{ id: string; holderCode: string }> {
    const r = await h.gql<{ takeTicket: { id: string; holderCode: string } }>(
      `mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id holderCode } }`,
      { input: { serviceId: SVC } },
      kiosk,
    );
    return r.takeTicket;
  }

  async function serve(id: string): Promise<void> {
    await h.gql(`mutation { callTicket(id: "${id}", counterId: "${CTR}") { id } }`, {}, officer);
    await h.gql(`mutation { startServing(id: "${id}") { id } }`, {}, officer);
    await h.gql(`mutation { finishTicket(id: "${id}") { id } }`, {}, officer);
  }

  it('takes one survey per served ticket, in 2 requests, and refuses the rest with the right code', async () => {
    const ticket = await take();
    const survey = (input: Record<string, unknown>, token?: string) =>
      h.raw(SUBMIT_SURVEY, { input: { ticketId: ticket.id, answers, ...input } }, token);
    expect(codeOf(await survey({ holderCode: ticket.holderCode }))).toBe('INVALID_TRANSITION');
    await serve(ticket.id);
    expect(codeOf(await survey({}))).toBe('UNAUTHENTICATED');
    expect(codeOf(await survey({ answers: answers.slice(1), holderCode: ticket.holderCode }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await survey({ comment: 'bagus\u202E', holderCode: ticket.holderCode }))).toBe(
      'BAD_USER_INPUT',
    );
    const requests = await h.countRequests(async () => {
      const r = await survey({ holderCode: ticket.holderCode, comment: 'Pelayanan cepat.' });
      expect(r.errors).toBeUndefined();
    });
    expect(requests).toBeLessThanOrEqual(2);
    expect(codeOf(await survey({}, kiosk))).toBe('CONFLICT');
    const stored = await h.table.client.send(
      new GetCommand({ TableName: h.table.tableName, Key: { pk: `SURVEY#${ticket.id}`, sk: 'SURVEY' } }),
    );
    expect(stored.Item).toMatchObject({ comment: 'Pelayanan cepat.', scores: [4, 4, 4, 4, 4, 4, 4, 4, 4] });
    console.log(`requests: submitSurvey ${requests}`);
  });

  it('refuses a period past 366 days or ending before it starts, naming the argument', async () => {
    const ask = (from: string, to: string) =>
      h.raw(`query { agency(id: "${AG}") { figures(from: "${from}", to: "${to}") { from } } }`, {}, admin);
    const tooLong = await ask('2026-01-01', '2027-01-02');
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0]?.extensions?.field).toBe('to');
    expect(codeOf(await ask('2026-02-02', '2026-02-01'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask('2024-01-01', '2024-12-31'))).toBeUndefined();
    const satisfaction = await h.raw(
      `query { mall(id: "${M}") { satisfaction(from: "2026-01-01", to: "2027-06-01") { ikm } } }`,
    );
    expect(codeOf(satisfaction)).toBe('BAD_USER_INPUT');
  });

  it('counts complaints received, answered on time and late, overdue now, and the median working hours to the first answer', async () => {
    const at = (iso: string) => h.clock.set(new Date(iso));
    const file = async () => {
      at('2026-12-07T09:00:00+07:00'); // Monday
      const { submitComplaint } = await h.gql<{ submitComplaint: { id: string } }>(
        `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }`,
        {
          input: {
            mallId: M,
            category: 'COMPLAINT',
            agencyId: AG,
            subject: 'Antrean terlalu lama',
            description: 'Saya menunggu lama tanpa kejelasan dari petugas.',
          },
        },
      );
      const id = submitComplaint.id;
      at('2026-12-07T10:00:00+07:00');
      await h.gql(`mutation { verifyComplaint(id: "${id}") { id } }`, {}, admin);
      await h.gql(`mutation { assignComplaint(id: "${id}", agencyId: "${AG}") { id } }`, {}, admin);
      return id;
    };
    const respond = (id: string, when: string) => {
      at(when);
      return h.gql(
        `mutation { respondToComplaint(id: "${id}", status: RESOLVED, message: "Sudah ditangani.") { id } }`,
        {},
        officer,
      );
    };
    const onTime = await file();
    const late = await file();
    await file(); // never answered
    // 7 h on Monday (09:00-16:00) and 1 h on Tuesday: 8 working hours, within 5 working days.
    await respond(onTime, '2026-12-08T09:00:00+07:00');
    // 7 h on Monday, 8 h on each of the next six days, 1 h on the Monday after: 56 hours, past the deadline.
    await respond(late, '2026-12-14T09:00:00+07:00');
    at('2026-12-14T10:00:00+07:00');
    await poller.catchUp();
    const { agency } = await h.gql<{ agency: { figures: { complaints: unknown } } }>(
      `query { agency(id: "${AG}") { figures(from: "2026-12-07", to: "2026-12-07") {
        complaints { received answeredOnTime answeredLate overdueNow medianFirstAnswerHours } } } }`,
      {},
      officer,
    );
    expect(agency.figures.complaints).toEqual({
      received: 3,
      answeredOnTime: 1,
      answeredLate: 1,
      overdueNow: 1,
      medianFirstAnswerHours: 32,
    });
  });

  it('reads an agency in 1 request, a mall in 2 and its satisfaction in 1, for 31 days (warm catalog)', async () => {
    await poller.catchUp();
    await h.gql(`{ mall(id: "${M}") { id } }`); // warm the catalog cache, as a running instance has it
    const period = 'from: "2026-12-01", to: "2026-12-31"';
    const agency = await h.countRequests(() =>
      h.gql(
        `{ agency(id: "${AG}") { figures(${period}) { days { issued waitMinutesP90 } complaints { received } satisfaction { ikm } } } }`,
        {},
        admin,
      ),
    );
    const mall = await h.countRequests(() =>
      h.gql(
        `{ mall(id: "${M}") { figures(${period}) { agencies { days { issued } } complaints { received } satisfaction { ikm } } } }`,
        {},
        admin,
      ),
    );
    const satisfaction = await h.countRequests(() =>
      h.gql(`{ mall(id: "${M}") { satisfaction(${period}) { responses ikm grade requiredSample } } }`),
    );
    console.log(
      `requests: Agency.figures ${agency}, Mall.figures ${mall}, Mall.satisfaction ${satisfaction}`,
    );
    expect(agency).toBeLessThanOrEqual(2);
    expect(mall).toBeLessThanOrEqual(3);
    expect(satisfaction).toBeLessThanOrEqual(2);
  });
});

describe('figures: bookings, and records delivered out of order and twice', () => {
  const M = 'figorder';
  const AG = `${M}:agency`;
  const WALK_IN = `${AG}:svc1`;
  const BOOKED = `${AG}:svc2`;
  let h: Harness;
  let officer = '';
  let kiosk = '';
  let admin = '';

  beforeAll(async () => {
    const booking = { ...BOOKING_POLICY_DEFAULTS, capacityPerSlot: 100, minNoticeMinutes: 0 };
    const catalog = fixtureCatalog({ mallId: M, counters: 2, services: [{}, { booking }] });
    h = await createHarness(inject('dynamoEndpoint'), [catalog], new Date('2026-12-07T09:00:00+07:00'));
    officer = await h.token({ role: 'OFFICER', mallId: M, agencyId: AG });
    kiosk = await h.token({ role: 'KIOSK', mallId: M });
    admin = await h.token({ role: 'ADMIN', mallId: M });
  });

  afterAll(async () => {
    await h?.close();
  });

  const consumer = () =>
    createFiguresConsumer({ tableName: h.table.tableName, dynamoEndpoint: h.table.endpoint, clock: h.clock });
  const read = async () =>
    (
      await h.gql<{ agency: { figures: { days: DayRow[]; satisfaction: unknown } } }>(
        AGENCY_FIGURES,
        { id: AG, from: '2026-12-07', to: '2026-12-07' },
        admin,
      )
    ).agency.figures;

  it('counts bookings, their no-shows by the clock, and the same figures however the records arrive', async () => {
    const at = (iso: string) => h.clock.set(new Date(iso));
    const gql = (query: string, token?: string) => h.gql(query, {}, token);
    // Three bookings of the 10:00 slot; one cancelled, one checked in, one never used.
    const book = async (n: number) => {
      const nik = `180204150890${String(n).padStart(4, '0')}`;
      const { bookAppointment } = await h.gql<{ bookAppointment: { code: string } }>(
        `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { code } }`,
        { input: { serviceId: BOOKED, startsAt: '2026-12-07T10:00:00+07:00', nik, phone: '081399900000' } },
      );
      return { code: bookAppointment.code, last4: nik.slice(-4) };
    };
    const used = await book(1);
    const cancelled = await book(2);
    await book(3);
    await gql(
      `mutation { cancelAppointment(code: "${cancelled.code}", nikLast4: "${cancelled.last4}") { id } }`,
    );
    at('2026-12-07T09:45:00+07:00');
    const { checkInAppointment } = await h.gql<{ checkInAppointment: { id: string } }>(
      `mutation { checkInAppointment(code: "${used.code}", nikLast4: "${used.last4}") { id } }`,
      {},
      kiosk,
    );
    // Called 5 minutes after its slot starts: a wait of 5 minutes, not 20.
    at('2026-12-07T10:05:00+07:00');
    await gql(
      `mutation { callTicket(id: "${checkInAppointment.id}", counterId: "${AG}:loket-2") { id } }`,
      officer,
    );
    await gql(`mutation { startServing(id: "${checkInAppointment.id}") { id } }`, officer);
    at('2026-12-07T10:12:30+07:00');
    await gql(`mutation { finishTicket(id: "${checkInAppointment.id}") { id } }`, officer);
    // Walk-ins with every kind of move, each ticket moved several times.
    for (let i = 0; i < 12; i++) {
      at(`2026-12-07T10:${String(20 + i).padStart(2, '0')}:00+07:00`);
      const { takeTicket } = await h.gql<{ takeTicket: { id: string; holderCode: string } }>(
        `mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id holderCode } }`,
        { input: { serviceId: WALK_IN } },
        kiosk,
      );
      const id = takeTicket.id;
      if (i % 4 === 3) {
        await gql(`mutation { cancelTicket(id: "${id}") { id } }`, officer);
        continue;
      }
      h.clock.advance(60_000 * (i + 1));
      await gql(`mutation { callTicket(id: "${id}", counterId: "${AG}:loket-1") { id } }`, officer);
      if (i % 4 === 1) {
        await gql(`mutation { recallTicket(id: "${id}") { id } }`, officer);
        await gql(`mutation { markNoShow(id: "${id}") { id } }`, officer);
        continue;
      }
      if (i % 4 === 2) {
        await gql(`mutation { transferTicket(id: "${id}", toServiceId: "${BOOKED}") { id } }`, officer);
        await gql(`mutation { callTicket(id: "${id}", counterId: "${AG}:loket-1") { id } }`, officer);
      }
      await gql(`mutation { startServing(id: "${id}") { id } }`, officer);
      h.clock.advance(90_000 + i * 1_000);
      await gql(`mutation { finishTicket(id: "${id}") { id } }`, officer);
      await h.gql(SUBMIT_SURVEY, {
        input: {
          ticketId: id,
          holderCode: takeTicket.holderCode,
          answers: SURVEY_ELEMENTS.map((element, e) => ({ element, score: 1 + ((i + e) % 4) })),
        },
      });
    }

    // Every record the stream holds, captured without applying any.
    const records: StreamRecordLike[] = [];
    const capture = new StreamPoller({
      endpoint: h.table.endpoint,
      tableName: h.table.tableName,
      consumer: async (batch) => {
        records.push(...batch.Records);
        return { batchItemFailures: [] };
      },
    });
    await capture.catchUp();
    await capture.stop();
    expect(records.length).toBeGreaterThan(100);

    // Newest first, each record twice, in small batches: every older image arrives after a newer one.
    const apply = consumer();
    const shuffled = [...records].reverse().flatMap((r) => [r, r]);
    for (let i = 0; i < shuffled.length; i += 7) {
      expect((await apply({ Records: shuffled.slice(i, i + 7) })).batchItemFailures).toEqual([]);
    }
    at('2026-12-07T10:14:00+07:00'); // before the unused booking's check-in window ends (10:15)
    const before = await read();
    at('2026-12-07T12:00:00+07:00');
    const outOfOrder = await read();

    // In order, from the oldest record, over what is there: nothing changes.
    const replay = new StreamPoller({
      endpoint: h.table.endpoint,
      tableName: h.table.tableName,
      consumer: consumer(),
    });
    await replay.catchUp();
    await replay.stop();
    expect(await read()).toEqual(outOfOrder);

    const booked = (f: { days: DayRow[] }) => f.days.find((d) => d.service.id === BOOKED);
    expect(booked(before)).toMatchObject({ bookings: 2, bookingNoShows: 0 });
    expect(booked(outOfOrder)).toMatchObject({
      bookings: 2,
      bookingNoShows: 1,
      // The booked ticket and the three walk-ins transferred in (their waits counted in the walk-in service).
      served: 4,
      waitMinutesP50: 5,
    });
    const walkIn = outOfOrder.days.find((d) => d.service.id === WALK_IN);
    expect(walkIn).toMatchObject({ issued: 12, served: 3, noShow: 3, cancelled: 3, transferredOut: 3 });
  }, 300_000);
});
