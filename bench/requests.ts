/**
 * Phase (a): DynamoDB requests per operation of the contract, in its common shape, through the real
 * handler on DynamoDB Local, counted by the SDK middleware of `createDocumentClient`.
 *
 * Also counts what the resolvers asked the ticket repository for before the per-request DataLoader
 * (`RequestCachedTickets`) batched and cached it: the requests the operation would cost without it.
 */

import { createFiguresConsumer } from '../src/app/figures-consumer.js';
import type { LoketHandler } from '../src/app/handler.js';
import { RequestCachedTickets } from '../src/app/request-cache.js';
import { SURVEY_ELEMENTS } from '../src/domain/figures/survey.js';
import { DynamoTicketStore } from '../src/dynamo/queue/ticket-store.js';
import { newMachineKeyPair, signMachineToken } from '../src/local/machine-client-key.js';
import { StreamPoller } from '../src/local/stream-poller.js';
import { ADMIN_OPERATIONS, COMPLAINT_DESK_OPERATIONS, REAL_OPERATIONS } from '../tests/support/operations.js';
import type { BenchOptions } from './main.js';
import type { Check, SectionResult } from './report.js';
import { median, round } from './stats.js';
import { type Api, callHandler, createApi, dataOf, SEED_MALL, seedCatalogs } from './support.js';

const READS = ['getTicket', 'getTickets', 'liveQueue', 'getCounterState', 'getCounterStates'] as const;

/** Counts calls of the ticket reads on a prototype, while `active`. */
function countReads(proto: object, counter: { calls: number; active: boolean }): () => void {
  const target = proto as Record<string, (...args: unknown[]) => unknown>;
  const originals = READS.map((name) => [name, target[name]] as const);
  for (const [name, original] of originals) {
    if (!original) throw new Error(`No ${name} on the ticket repository`);
    target[name] = function (this: unknown, ...args: unknown[]) {
      if (counter.active) counter.calls++;
      return original.apply(this, args);
    };
  }
  return () => {
    for (const [name, original] of originals) target[name] = original as (...args: unknown[]) => unknown;
  };
}

export interface OperationCount {
  operation: string;
  shape: string;
  requests: number;
  byCommand: Record<string, number>;
  /** Requests without the per-request DataLoader: one per read the resolvers asked for. */
  withoutBatching: number;
  /** The issue's limit; null for an informational row. */
  limit: number | null;
  exact?: boolean;
}

/** Cache comparison for the kiosk query: latency with the per-instance catalog cache and without. */
export interface CacheComparison {
  runs: number;
  warmP50Ms: number;
  warmRequests: number;
  expiredP50Ms: number;
  expiredRequests: number;
  noCacheRuns: number;
  noCacheP50Ms: number;
  noCacheRequests: number;
}

export async function measureRequests(endpoint: string, options: BenchOptions): Promise<SectionResult> {
  const api = await createApi(endpoint, await seedCatalogs());
  const outer = { calls: 0, active: false };
  const inner = { calls: 0, active: false };
  const restoreOuter = countReads(RequestCachedTickets.prototype, outer);
  const restoreInner = countReads(DynamoTicketStore.prototype, inner);
  const rows: OperationCount[] = [];

  const count = async (
    operation: string,
    shape: string,
    limit: number | null,
    fn: () => Promise<unknown>,
    exact = false,
  ) => {
    api.table.counter.reset();
    outer.calls = 0;
    inner.calls = 0;
    outer.active = inner.active = true;
    try {
      await fn();
    } finally {
      outer.active = inner.active = false;
    }
    const requests = api.table.counter.total;
    rows.push({
      operation,
      shape,
      requests,
      byCommand: api.table.counter.byCommand(),
      withoutBatching: requests - inner.calls + outer.calls,
      limit,
      exact,
    });
  };

  try {
    const ops = REAL_OPERATIONS;
    const mallId = SEED_MALL;
    const polres = `${mallId}:polres`;
    const skck = `${polres}:skck`;
    const admin = await api.token({ role: 'ADMIN', mallId });
    const officer = await api.token({ role: 'OFFICER', mallId, agencyId: polres });
    const partner = await api.token({ role: 'PARTNER', mallId, agencyId: polres });
    // Walk-in tickets come from kiosks.
    const kiosk = await api.token({ role: 'KIOSK', mallId });

    // The handler is a fresh instance: its catalog cache is empty.
    await count('kiosk catalog (KioskCatalog)', 'cold instance, empty catalog cache', 1, () =>
      api.call(ops.KIOSK_CATALOG, { mallId }),
    );
    await count('kiosk catalog (KioskCatalog)', 'warm instance (cache < 30 s old)', 0, () =>
      api.call(ops.KIOSK_CATALOG, { mallId }),
    );
    // Some waiting tickets ahead, as at opening.
    for (let i = 0; i < 5; i++) await api.call(ops.TAKE_TICKET, { input: { serviceId: skck } }, kiosk);

    let ticketId = '';
    await count(
      'takeTicket (TakeTicket)',
      'with idempotency key (the kiosk prints the number)',
      3,
      async () => {
        ticketId = dataOf(
          await api.call<{ takeTicket: { id: string } }>(
            ops.TAKE_TICKET,
            { input: { serviceId: skck, idempotencyKey: 'bench-kiosk-0001-tap' } },
            kiosk,
          ),
        ).takeTicket.id;
      },
    );
    await count('takeTicket (TakeTicket)', 'without idempotency key', 3, () =>
      api.call(ops.TAKE_TICKET, { input: { serviceId: skck } }, kiosk),
    );
    await count('takeTicket (TakeTicket)', 'retry with the same key (returns the first ticket)', null, () =>
      api.call(
        ops.TAKE_TICKET,
        { input: { serviceId: skck, idempotencyKey: 'bench-kiosk-0001-tap' } },
        kiosk,
      ),
    );
    await count(
      'takeTicket, answer with position + estimate',
      'with key; position and estimate read the live queue once more (informational)',
      null,
      () =>
        api.call(
          'mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id number position estimatedWaitMinutes } }',
          { input: { serviceId: skck, idempotencyKey: 'bench-kiosk-0002-tap' } },
          kiosk,
        ),
    );
    await count('Query.ticket (FollowTicket)', 'waiting ticket, with position + estimate', 2, () =>
      api.call(ops.FOLLOW_TICKET, { id: ticketId }),
    );
    await count('callNextTicket (CallNext)', 'OFFICER token, tickets waiting', 4, () =>
      api.call(ops.CALL_NEXT_TICKET, { counterId: `${polres}:loket-1` }, officer),
    );
    await count(
      'Mall.board (HallBoard)',
      'limit 10',
      1,
      () => api.call(ops.HALL_BOARD, { mallId, limit: 10 }),
      true,
    );
    await count(
      'officer console (OfficerConsole)',
      'counter, current ticket, queues of its services',
      null,
      () => api.call(ops.OFFICER_CONSOLE, { counterId: `${polres}:loket-1` }, officer),
    );

    const complaint = {
      mallId,
      category: 'COMPLAINT',
      agencyId: `${mallId}:disdukcapil`,
      subject: 'Antrean KTP-el terlalu lama',
      description: 'Saya menunggu lebih dari dua jam di loket KTP-el tanpa kejelasan.',
      reporter: { name: 'Pelapor Contoh', phone: '081200000000' },
    };
    let code = '';
    await count('submitComplaint (SubmitComplaint)', 'with idempotency key', 2, async () => {
      code = dataOf(
        await api.call<{ submitComplaint: { trackingCode: string } }>(ops.SUBMIT_COMPLAINT, {
          input: { ...complaint, idempotencyKey: 'bench-form-0001-send' },
        }),
      ).submitComplaint.trackingCode;
    });
    await count('submitComplaint (SubmitComplaint)', 'without idempotency key', 2, () =>
      api.call(ops.SUBMIT_COMPLAINT, { input: complaint }),
    );
    await count('submitComplaint (SubmitComplaint)', 'naming a ticket (check folded into the write)', 2, () =>
      api.call(ops.SUBMIT_COMPLAINT, { input: { ...complaint, agencyId: polres, ticketId } }),
    );
    await count(
      'complaint (TrackComplaint)',
      'by tracking code',
      1,
      () => api.call(ops.TRACK_COMPLAINT, { code }),
      true,
    );
    // Complaints naming tickets (each its own), then newer ones that name none: the admin's first page.
    for (let i = 0; i < 5; i++) {
      const taken = await api.call<{ takeTicket: { id: string } }>(
        ops.TAKE_TICKET,
        { input: { serviceId: skck } },
        kiosk,
      );
      api.clock.advance(1000);
      await api.call(ops.SUBMIT_COMPLAINT, {
        input: { ...complaint, agencyId: polres, ticketId: dataOf(taken).takeTicket.id },
      });
    }
    for (let i = 0; i < 20; i++) {
      api.clock.advance(1000);
      await api.call(ops.SUBMIT_COMPLAINT, { input: complaint });
    }
    await count(
      'complaints (AdminComplaints)',
      'one page of 20, ADMIN, newest first (no ticket named)',
      1,
      () => api.call(ops.ADMIN_COMPLAINTS, { mallId, first: 20 }, admin),
      true,
    );
    await count(
      'complaints (AdminComplaints)',
      'page of an agency whose complaints name 6 tickets',
      null,
      () => api.call(ops.ADMIN_COMPLAINTS, { agencyId: polres, first: 20 }, admin),
    );
    // The complaint desk, on a complaint this instance has listed: the id's partition is known, so a move
    // reads the complaint's partition and writes (an instance that has not seen it reads the id first: +1).
    const desk = COMPLAINT_DESK_OPERATIONS;
    const dukcapil = `${mallId}:disdukcapil`;
    const dukcapilOfficer = await api.token({ role: 'OFFICER', mallId, agencyId: dukcapil });
    const routed = dataOf(
      await api.call<{ submitComplaint: { id: string } }>(ops.SUBMIT_COMPLAINT, {
        input: { ...complaint, agencyId: polres },
      }),
    ).submitComplaint.id;
    await api.call(`mutation { verifyComplaint(id: "${routed}") { id } }`, {}, admin);
    await api.call(`mutation { assignComplaint(id: "${routed}", agencyId: "${polres}") { id } }`, {}, admin);
    await count('reassignComplaint (ReassignComplaint)', 'to another agency, with a reason', 2, () =>
      api.call(
        desk.REASSIGN_COMPLAINT,
        { id: routed, agencyId: dukcapil, reason: 'Wewenang Disdukcapil.' },
        admin,
      ),
    );
    await count('returnComplaint (ReturnComplaint)', 'back to the mall, with a reason', 2, () =>
      api.call(desk.RETURN_COMPLAINT, { id: routed, reason: 'Bukan wewenang kami.' }, dukcapilOfficer),
    );
    await count('eraseReporter (EraseReporter)', 'the reporter item deleted with the entry', 2, () =>
      api.call(desk.ERASE_REPORTER, { id: routed }, admin),
    );
    await count('complaints (OverdueComplaints)', 'the escalation list, one page', 1, () =>
      api.call(desk.OVERDUE_COMPLAINTS, { mallId, first: 20 }, admin),
    );
    await count('agency schedule (PartnerSchedule)', 'PARTNER token, 31 days, warm catalog', 0, () =>
      api.call(ops.PARTNER_SCHEDULE, { agencyId: polres, from: '2026-12-01', to: '2026-12-31' }, partner),
    );

    // Online booking of SKCK: a day's slots, booking, the citizen's look-up, the kiosk's check-in.
    const bookingOf = (time: string, nik: string, idempotencyKey?: string) => ({
      input: {
        serviceId: skck,
        startsAt: `2026-12-01T${time}:00+07:00`,
        nik,
        phone: '081234567890',
        idempotencyKey,
      },
    });
    await count('Service.slots (BookingSlots)', 'one date, warm catalog', 1, () =>
      api.call(ops.BOOKING_SLOTS, { serviceId: skck, date: '2026-12-02' }),
    );
    let bookingCode = '';
    await count('bookAppointment (BookAppointment)', 'with idempotency key', 3, async () => {
      bookingCode = dataOf(
        await api.call<{ bookAppointment: { code: string } }>(
          ops.BOOK_APPOINTMENT,
          bookingOf('11:00', '1802041508900001', 'bench-booking-0001'),
        ),
      ).bookAppointment.code;
    });
    const toCancel = dataOf(
      await api.call<{ bookAppointment: { code: string } }>(
        ops.BOOK_APPOINTMENT,
        bookingOf('11:30', '1802045508900002'),
      ),
    ).bookAppointment.code;
    await count('bookAppointment (BookAppointment)', 'without idempotency key', 3, () =>
      api.call(ops.BOOK_APPOINTMENT, bookingOf('11:00', '1802041508900003')),
    );
    await count('appointment (FindAppointment)', 'by code and last 4 NIK digits', 1, () =>
      api.call(ops.FIND_APPOINTMENT, { code: bookingCode, nikLast4: '0001' }),
    );
    await count('cancelAppointment (CancelAppointment)', 'before its slot', null, () =>
      api.call(ops.CANCEL_APPOINTMENT, { code: toCancel, nikLast4: '0002' }),
    );
    api.clock.set(new Date('2026-12-01T10:45:00+07:00')); // within the 11:00 slot's check-in window
    await api.call(ops.KIOSK_CATALOG, { mallId }); // the jump expired the catalog cache: warm it again
    await count('checkInAppointment (CheckInAppointment)', 'KIOSK token, on time', 3, () =>
      api.call(ops.CHECK_IN_APPOINTMENT, { code: bookingCode, nikLast4: '0001' }, kiosk),
    );
    await count('checkInAppointment (CheckInAppointment)', 'again (answers the same ticket)', null, () =>
      api.call(ops.CHECK_IN_APPOINTMENT, { code: bookingCode, nikLast4: '0001' }, kiosk),
    );
    await count('appointments (DayAppointments)', 'OFFICER token, a day of SKCK', null, () =>
      api.call(ops.DAY_APPOINTMENTS, { serviceId: skck, date: '2026-12-01', first: 20 }, officer),
    );

    // Figures (issue 12): a served ticket's survey, then the rollup the stream consumer keeps, read
    // for 31 days. The consumer's own requests (its own client) are not counted here: phase (f).
    const rated = dataOf(
      await api.call<{ takeTicket: { id: string; holderCode: string } }>(
        ops.TAKE_TICKET,
        { input: { serviceId: `${polres}:sktlk` } },
        kiosk,
      ),
    ).takeTicket;
    // Loket 2 serves SKTLK and is free (loket 1 holds the ticket callNextTicket called).
    const loket2 = `${polres}:loket-2`;
    await api.call(`mutation { callTicket(id: "${rated.id}", counterId: "${loket2}") { id } }`, {}, officer);
    await api.call(`mutation { startServing(id: "${rated.id}") { id } }`, {}, officer);
    await api.call(`mutation { finishTicket(id: "${rated.id}") { id } }`, {}, officer);
    const answers = SURVEY_ELEMENTS;
    await count('submitSurvey (SubmitSurvey)', 'by the holder code, 9 answers', 2, () =>
      api.call(ops.SUBMIT_SURVEY, {
        input: {
          ticketId: rated.id,
          holderCode: rated.holderCode,
          answers: answers.map((element) => ({ element, score: 4 })),
        },
      }),
    );
    const poller = new StreamPoller({
      endpoint,
      tableName: api.table.tableName,
      consumer: createFiguresConsumer({
        tableName: api.table.tableName,
        dynamoEndpoint: endpoint,
        clock: api.clock,
      }),
    });
    await poller.catchUp();
    await poller.stop();
    const period = { from: '2026-12-01', to: '2026-12-31' };
    await count('Agency.figures (AgencyFigures)', 'PARTNER token, 31 days, warm catalog', 2, () =>
      api.call(ops.AGENCY_FIGURES, { agencyId: polres, ...period }, partner),
    );
    await count('Mall.figures (MallFigures)', 'ADMIN token, 31 days, warm catalog', 3, () =>
      api.call(ops.MALL_FIGURES, { mallId, ...period }, admin),
    );
    await count('Mall.satisfaction (PublishedSatisfaction)', 'public, 31 days, warm catalog', 2, () =>
      api.call(ops.PUBLISHED_SATISFACTION, { mallId, ...period }),
    );

    // Administration (issue 13): a new service through the API, an exception, and a registered kiosk's
    // own token, cold and warm on this instance.
    const admins = ADMIN_OPERATIONS;
    const newService = {
      agencyId: polres,
      slug: 'bench-layanan',
      code: 'BENCH-LAYANAN',
      name: 'Layanan Uji Bench',
      ticketPrefix: 'BZ',
      requirements: ['KTP-el'],
      procedure: ['Ambil antrean'],
      processingTime: '1 hari kerja',
      feeAmount: 0,
      product: 'Surat keterangan',
      legalBasis: ['Perbup 1/2026'],
      averageServiceMinutes: 10,
    };
    await count('upsertService (AdminUpsertService)', 'ADMIN token, a new service', 3, () =>
      api.call(admins.ADMIN_UPSERT_SERVICE, { input: newService }, admin),
    );
    await count(
      'upsertService (AdminUpsertService)',
      'ADMIN token, the same service again (no change)',
      3,
      () => api.call(admins.ADMIN_UPSERT_SERVICE, { input: newService }, admin),
    );
    await count(
      'setScheduleException (SetScheduleException)',
      'PARTNER token, its own agency closed a day',
      null,
      () =>
        api.call(
          admins.SET_SCHEDULE_EXCEPTION,
          {
            input: { scopeId: polres, date: '2026-12-24', intervals: [], reason: 'Gangguan sistem' },
            from: '2026-12-24',
            to: '2026-12-24',
          },
          partner,
        ),
    );
    const keys = await newMachineKeyPair();
    const kioskId = dataOf(
      await api.call<{ registerMachineClient: { id: string } }>(
        admins.ADMIN_REGISTER_MACHINE_CLIENT,
        {
          input: { kind: 'KIOSK', name: 'Bench kiosk', mallId, publicKeyJwk: JSON.stringify(keys.publicJwk) },
        },
        admin,
      ),
    ).registerMachineClient.id;
    const machineToken = await signMachineToken(kioskId, keys.privateJwk);
    await count('a machine client token (me)', 'registered kiosk, key cache cold', 1, () =>
      api.call('{ me { role subject } }', {}, machineToken),
    );
    await count('a machine client token (me)', 'registered kiosk, key cache warm (< 60 s)', 0, () =>
      api.call('{ me { role subject } }', {}, machineToken),
    );

    const cache = await compareCache(api, ops.KIOSK_CATALOG, mallId, options.quick);
    return report(rows, cache);
  } finally {
    restoreOuter();
    restoreInner();
    await api.close();
  }
}

/**
 * The kiosk query on one instance: with the catalog cache warm, right after it expired (the first request
 * of an instance, or one every 30 s: one read), and on an instance without the cache (catalogMaxAgeMs 0),
 * where only the request's own copy (RequestCatalogs) keeps each field from reading it again.
 */
async function compareCache(
  api: Api,
  query: string,
  mallId: string,
  quick: boolean,
): Promise<CacheComparison> {
  const runs = quick ? 10 : 40;
  const noCacheRuns = quick ? 3 : 10;
  const noCache = api.newInstance({ catalogMaxAgeMs: 0 });
  const sample = async (handler: LoketHandler, before?: () => void) => {
    const ms: number[] = [];
    let requests = 0;
    for (let i = 0; i < runs + 3; i++) {
      before?.();
      api.table.counter.reset();
      const answer = await callHandler(handler, query, { mallId });
      requests = api.table.counter.total;
      if (i >= 3) ms.push(answer.ms);
    }
    return { p50: round(median(ms)), requests };
  };
  const warm = await sample(api.handler);
  const expired = await sample(api.handler, () => api.clock.advance(31_000));
  const none: number[] = [];
  let noCacheRequests = 0;
  for (let i = 0; i < noCacheRuns + 1; i++) {
    api.table.counter.reset();
    const answer = await callHandler(noCache, query, { mallId });
    noCacheRequests = api.table.counter.total;
    if (i >= 1) none.push(answer.ms);
  }
  return {
    runs,
    warmP50Ms: warm.p50,
    warmRequests: warm.requests,
    expiredP50Ms: expired.p50,
    expiredRequests: expired.requests,
    noCacheRuns,
    noCacheP50Ms: round(median(none)),
    noCacheRequests,
  };
}

function report(rows: OperationCount[], cache: CacheComparison): SectionResult {
  const checks: Check[] = rows
    .filter((r) => r.limit !== null)
    .map((r) => ({
      section: 'requests',
      name: `${r.operation}: ${r.shape}`,
      value: String(r.requests),
      target: r.exact ? `= ${r.limit}` : `≤ ${r.limit}`,
      pass: r.exact ? r.requests === r.limit : r.requests <= (r.limit ?? 0),
    }));
  const commands = (r: OperationCount) =>
    Object.entries(r.byCommand)
      .map(([name, n]) => `${name.replace(/Command$/, '')}${n > 1 ? ` ×${n}` : ''}`)
      .join(' + ') || '—';
  return {
    data: { operations: rows, kioskCache: cache },
    checks,
    tables: [
      {
        title: 'DynamoDB requests per operation',
        headers: ['operation', 'shape', 'requests', 'limit', 'requests sent', 'without DataLoader'],
        rows: rows.map((r) => [
          r.operation,
          r.shape,
          r.requests,
          r.limit === null ? '(info)' : `${r.exact ? '=' : '≤'} ${r.limit}`,
          commands(r),
          r.withoutBatching,
        ]),
        notes: [
          '"without DataLoader": one request per ticket, counter or queue read the resolvers asked for, i.e. what the ' +
            'operation would cost without the per-request batching and caching of RequestCachedTickets.',
        ],
      },
      {
        title: 'Kiosk catalog: per-instance catalog cache',
        headers: ['instance', 'requests', 'p50 ms', 'runs'],
        rows: [
          ['cache warm (copy under 30 s old)', cache.warmRequests, cache.warmP50Ms, cache.runs],
          [
            'cache expired: one read (first request of an instance)',
            cache.expiredRequests,
            cache.expiredP50Ms,
            cache.runs,
          ],
          ['no cache (catalogMaxAgeMs 0)', cache.noCacheRequests, cache.noCacheP50Ms, cache.noCacheRuns],
        ],
        notes: [
          "Without the cache, the request still reads the mall's catalog once: every catalog field of a request, the " +
            "root field included, uses the request's own copy (RequestCatalogs).",
        ],
      },
    ],
  };
}
