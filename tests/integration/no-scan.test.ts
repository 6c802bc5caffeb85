/**
 * No Scan on any request path: every read of Loket is a GetItem, BatchGetItem or a Query on a known
 * partition (docs/data-model.md), and the API's IAM policy does not even allow Scan.
 *
 * Two checks: no source file can send a Scan, and a run of every real operation of the front ends and of
 * every root field of the schema (each mutation, each query, the failure paths that release an
 * idempotency key) sends only the commands the IAM policy lists, never a Scan.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSchema, Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCatalogs } from '../../src/catalog-data/data-files.js';
import { typeDefs } from '../../src/generated/type-defs.js';
import { newMachineKeyPair } from '../../src/local/machine-client-key.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import { createHarness, type Harness } from '../support/harness.js';
import { ADMIN_OPERATIONS, REAL_OPERATIONS } from '../support/operations.js';

/** What the request paths may send: the calls of the API's IAM policy (infra/api-stack.ts). */
const ALLOWED_COMMANDS = new Set([
  'GetItemCommand',
  'BatchGetItemCommand',
  'QueryCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
]);

/** Any way of sending a Scan with the AWS SDK v3, by name. */
const SCAN_IN_SOURCE = /\b(ScanCommand|paginateScan|ScanCommandInput|ParallelScan)\b|['"`]dynamodb:Scan['"`]/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('no Scan on any request path', () => {
  it('has no Scan in the application and infrastructure sources', async () => {
    const files = [...(await sourceFiles('src')), ...(await sourceFiles('infra'))];
    expect(files.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      text.split('\n').forEach((line, n) => {
        if (SCAN_IN_SOURCE.test(line)) offenders.push(`${file}:${n + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  describe('on DynamoDB Local, through the handler', () => {
    let h: Harness;
    const sent = new Set<string>();
    const rootFields = new Set<string>();
    /** Every answer of the walk below, with who asked: the leak check after it reads them. */
    const answers: { query: string; token: string | undefined; body: string }[] = [];

    beforeAll(async () => {
      const seed = await readCatalogs('data');
      h = await createHarness(
        inject('dynamoEndpoint'),
        [
          ...seed,
          fixtureCatalog({ mallId: 'scan-mall', counters: 2, services: [{}, {}, { dailyQuota: 1 }] }),
        ],
        new Date('2026-12-01T02:00:00Z'), // Tuesday 09:00 WIB: everything is open
      );
      const record = h.table.counter.record.bind(h.table.counter);
      h.table.counter.record = (command: string) => {
        sent.add(command);
        record(command);
      };
    });

    afterAll(async () => h?.close());

    /** Runs an operation, notes its root fields, and fails on any error but the one expected. */
    const run = async <T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
      token?: string,
      expectedError?: string,
    ): Promise<T> => {
      for (const def of parse(query).definitions) {
        if (def.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const sel of def.selectionSet.selections) {
          if (sel.kind === Kind.FIELD) rootFields.add(`${def.operation}.${sel.name.value}`);
        }
      }
      const result = await h.raw<T>(query, variables, token);
      answers.push({ query, token, body: JSON.stringify(result) });
      if (expectedError) {
        expect(result.errors?.[0]?.extensions?.code).toBe(expectedError);
      } else {
        expect(result.errors, query).toBeUndefined();
      }
      return result.data as T;
    };

    it('sends only the commands of the IAM policy, and never a Scan, for every operation', async () => {
      const mallId = 'lampung-tengah';
      const polres = `${mallId}:polres`;
      const svc = (n: number) => `scan-mall:agency:svc${n}`;
      const loket = (n: number) => `scan-mall:agency:loket-${n}`;
      const admin = await h.token({ role: 'ADMIN', mallId: 'scan-mall' });
      const seedAdmin = await h.token({ role: 'ADMIN', mallId });
      const officer = await h.token({ role: 'OFFICER', mallId, agencyId: polres });
      const partner = await h.token({ role: 'PARTNER', mallId, agencyId: polres });
      const kiosk = await h.token({ role: 'KIOSK', mallId: 'scan-mall' });
      type Taken = { takeTicket: { id: string; holderCode: string } };
      const takeWithCode = async (serviceId: string, idempotencyKey?: string) => {
        h.clock.advance(1000); // issued one after the other: t1 is called first
        const taken = await run<Taken>(
          REAL_OPERATIONS.TAKE_TICKET,
          { input: { serviceId, idempotencyKey } },
          kiosk,
        );
        return taken.takeTicket;
      };
      const take = async (serviceId: string, idempotencyKey?: string) =>
        (await takeWithCode(serviceId, idempotencyKey)).id;
      const move = (name: string, args: string) =>
        run(`mutation { ${name}(${args}) { id status } }`, undefined, admin);

      // The front ends' real operations, each at least once (a new one fails to compile until it is added).
      const t1 = await take(svc(1), 'no-scan-kiosk-0001');
      const t2 = await take(svc(1));
      const t3 = await take(svc(1));
      const t4 = await take(svc(2));
      const t5 = await take(svc(2));
      expect(await take(svc(1), 'no-scan-kiosk-0001')).toBe(t1); // the retry path of an idempotency key
      const submitted = await run<{ submitComplaint: { id: string; trackingCode: string } }>(
        REAL_OPERATIONS.SUBMIT_COMPLAINT,
        {
          input: {
            mallId,
            category: 'COMPLAINT',
            agencyId: polres,
            subject: 'Antrean SKCK terlalu lama',
            description: 'Saya menunggu lebih dari dua jam di loket SKCK tanpa kejelasan.',
            idempotencyKey: 'no-scan-form-0001',
          },
        },
      );
      const complaint = submitted.submitComplaint;
      const cancellable = await takeWithCode(svc(2));
      // Online booking on the seed's SKCK (it takes bookings): a 09:30 slot booked at 08:00, so that it can be
      // checked in now, and one to cancel.
      const skck = `${polres}:skck`;
      const resume = h.clock.now();
      h.clock.set(new Date('2026-12-01T01:00:00Z')); // 08:00 WIB
      const bookSlot = async (time: string, nik: string, idempotencyKey?: string) =>
        (
          await run<{ bookAppointment: { code: string } }>(REAL_OPERATIONS.BOOK_APPOINTMENT, {
            input: {
              serviceId: skck,
              startsAt: `2026-12-01T${time}:00+07:00`,
              nik,
              phone: '081234567890',
              idempotencyKey,
            },
          })
        ).bookAppointment.code;
      const booked = await bookSlot('09:30', '3201011508900001', 'no-scan-booking-0001');
      const toCancel = await bookSlot('10:00', '3201015508900002');
      h.clock.set(resume);
      const seedKiosk = await h.token({ role: 'KIOSK', mallId });
      // A served ticket, for its holder's survey.
      const served = await takeWithCode(svc(2));
      await move('callTicket', `id: "${served.id}", counterId: "${loket(2)}"`);
      await move('startServing', `id: "${served.id}"`);
      await move('finishTicket', `id: "${served.id}"`);
      const elements = ['PERSYARATAN', 'PROSEDUR', 'WAKTU', 'BIAYA', 'PRODUK', 'KOMPETENSI', 'PERILAKU'];
      const answers = [...elements, 'PENGADUAN', 'SARANA'].map((element) => ({ element, score: 3 }));
      const realOperations = {
        KIOSK_CATALOG: [{ mallId }],
        TAKE_TICKET: [{ input: { serviceId: svc(2), idempotencyKey: 'no-scan-kiosk-0002' } }, kiosk],
        CANCEL_TICKET: [{ id: cancellable.id, holderCode: cancellable.holderCode }],
        OFFICER_QUEUE: [{ counterId: loket(1), first: 10 }, admin],
        FOLLOW_TICKET: [{ id: t2 }],
        HALL_BOARD: [{ mallId: 'scan-mall', limit: 10 }],
        OFFICER_CONSOLE: [{ counterId: `${polres}:loket-1` }, officer],
        CALL_NEXT_TICKET: [{ counterId: loket(1) }, admin],
        SUBMIT_COMPLAINT: [
          {
            input: {
              mallId: 'scan-mall',
              category: 'COMPLAINT',
              ticketId: t5,
              subject: 'Nomor antrean dilewati',
              description: 'Nomor saya dilewati saat dipanggil di loket layanan.',
            },
          },
        ],
        TRACK_COMPLAINT: [{ code: complaint.trackingCode }],
        ADMIN_COMPLAINTS: [{ mallId, first: 20 }, seedAdmin],
        PARTNER_SCHEDULE: [{ agencyId: polres, from: '2026-12-01', to: '2026-12-31' }, partner],
        BOOKING_SLOTS: [{ serviceId: skck, date: '2026-12-02' }],
        BOOK_APPOINTMENT: [
          {
            input: {
              serviceId: skck,
              startsAt: '2026-12-02T10:00:00+07:00',
              nik: '3201011508900003',
              phone: '081234567890',
            },
          },
        ],
        FIND_APPOINTMENT: [{ code: booked, nikLast4: '0001' }],
        CANCEL_APPOINTMENT: [{ code: toCancel, nikLast4: '0002' }],
        CHECK_IN_APPOINTMENT: [{ code: booked, nikLast4: '0001' }, seedKiosk],
        DAY_APPOINTMENTS: [{ serviceId: skck, date: '2026-12-01', first: 20 }, seedAdmin],
        AGENCY_FIGURES: [{ agencyId: polres, from: '2026-12-01', to: '2026-12-31' }, partner],
        MALL_FIGURES: [{ mallId, from: '2026-12-01', to: '2026-12-31' }, seedAdmin],
        PUBLISHED_SATISFACTION: [{ mallId, from: '2026-12-01', to: '2026-12-31' }],
        SUBMIT_SURVEY: [{ input: { ticketId: served.id, holderCode: served.holderCode, answers } }],
      } satisfies Record<keyof typeof REAL_OPERATIONS, [Record<string, unknown>, string?]>;
      for (const [name, [variables, token]] of Object.entries(realOperations)) {
        await run(REAL_OPERATIONS[name as keyof typeof REAL_OPERATIONS], variables, token);
      }

      // Every other root field and move, including the refusal that releases an idempotency key.
      await run('{ malls { id } me { role } }');
      await run(
        `{ agency(id: "${polres}") { id } service(id: "${svc(1)}") { queue { issued waiting nowServing { id } } }
           counter(id: "${loket(1)}") { currentTicket { id } } ticket(id: "${t3}") { position } }`,
      );
      await move('recallTicket', `id: "${t1}"`); // t1 was called by CALL_NEXT_TICKET
      await move('markNoShow', `id: "${t1}"`);
      await move('reactivateTicket', `id: "${t1}"`);
      await move('callTicket', `id: "${t2}", counterId: "${loket(1)}"`);
      await move('startServing', `id: "${t2}"`);
      await move('transferTicket', `id: "${t2}", toServiceId: "${svc(2)}"`);
      await move('callTicket', `id: "${t3}", counterId: "${loket(2)}"`);
      await move('startServing', `id: "${t3}"`);
      await move('finishTicket', `id: "${t3}"`);
      await run(`mutation { cancelTicket(id: "${t4}") { status } }`, undefined, admin);
      await take(svc(3), 'no-scan-quota-0001');
      await run(
        REAL_OPERATIONS.TAKE_TICKET,
        { input: { serviceId: svc(3), idempotencyKey: 'no-scan-quota-0002' } },
        kiosk,
        'QUOTA_EXHAUSTED',
      );

      const page = await run<{ complaints: { pageInfo: { endCursor: string | null } } }>(
        `{ complaints(agencyId: "${polres}", status: RECEIVED, first: 1) { pageInfo { endCursor } } }`,
        undefined,
        officer,
      );
      await run(
        'query($after: String) { complaints(agencyId: "lampung-tengah:polres", first: 1, after: $after) { edges { cursor } } }',
        { after: page.complaints.pageInfo.endCursor },
        officer,
      );
      const c = complaint.id;
      const code = complaint.trackingCode;
      await run(`mutation { verifyComplaint(id: "${c}") { id } }`, undefined, seedAdmin);
      await run(
        `mutation { assignComplaint(id: "${c}", agencyId: "${polres}") { id } }`,
        undefined,
        seedAdmin,
      );
      const respond = `mutation { respondToComplaint(id: "${c}", status: RESOLVED, message: "Sudah ditangani.") { id } }`;
      await run(respond, undefined, officer);
      await run(`mutation { replyToComplaint(trackingCode: "${code}", message: "Belum selesai.") { id } }`);
      await run(respond, undefined, officer);
      await run(`mutation { rateComplaint(trackingCode: "${code}", rating: 4) { id } }`);
      const other = await run<{ submitComplaint: { id: string } }>(REAL_OPERATIONS.SUBMIT_COMPLAINT, {
        input: {
          mallId,
          category: 'ASPIRATION',
          subject: 'Tambah kursi',
          description: 'Kursi ruang tunggu kurang.',
        },
      });
      await run(
        `mutation { rejectComplaint(id: "${other.submitComplaint.id}", reason: "Bukan wewenang MPP.") { id } }`,
        undefined,
        seedAdmin,
      );
      // The complaint desk: reassign to another agency, its return to the mall, the escalation list, erasure.
      const routed = (
        await run<{ submitComplaint: { id: string } }>(REAL_OPERATIONS.SUBMIT_COMPLAINT, {
          input: {
            mallId,
            category: 'COMPLAINT',
            subject: 'Salah loket',
            description: 'Dikirim ke loket yang salah.',
          },
        })
      ).submitComplaint.id;
      await run(`mutation { verifyComplaint(id: "${routed}") { id } }`, undefined, seedAdmin);
      await run(
        `mutation { assignComplaint(id: "${routed}", agencyId: "${polres}") { id } }`,
        undefined,
        seedAdmin,
      );
      await run(
        `mutation { reassignComplaint(id: "${routed}", agencyId: "${mallId}:disdukcapil", reason: "Wewenang Disdukcapil.") { id } }`,
        undefined,
        seedAdmin,
      );
      const dukcapilOfficer = await h.token({ role: 'OFFICER', mallId, agencyId: `${mallId}:disdukcapil` });
      await run(
        `mutation { returnComplaint(id: "${routed}", reason: "Bukan wewenang kami.") { id } }`,
        undefined,
        dukcapilOfficer,
      );
      await run(
        `{ complaints(mallId: "${mallId}", overdue: true, first: 5) { edges { cursor } } }`,
        undefined,
        seedAdmin,
      );
      await run(`mutation { eraseReporter(id: "${c}") { id } }`, undefined, seedAdmin);

      // Mall administration (ADMIN_OPERATIONS): the catalog through the API, exceptions, machine clients, the log.
      const ops = ADMIN_OPERATIONS;
      await run(
        ops.ADMIN_UPSERT_AGENCY,
        { input: { mallId, slug: 'imigrasi', name: 'Kantor Imigrasi', kind: 'VERTICAL' } },
        seedAdmin,
      );
      const paspor = {
        agencyId: `${mallId}:imigrasi`,
        slug: 'paspor',
        code: 'PASPOR',
        name: 'Paspor',
        ticketPrefix: 'PS',
        requirements: ['KTP-el'],
        procedure: ['Ambil antrean'],
        processingTime: '4 hari kerja',
        feeAmount: 350000,
        product: 'Paspor',
        legalBasis: ['UU 6/2011'],
        averageServiceMinutes: 20,
      };
      await run(ops.ADMIN_UPSERT_SERVICE, { input: paspor }, seedAdmin);
      await run(
        ops.ADMIN_UPSERT_COUNTER,
        {
          input: {
            agencyId: paspor.agencyId,
            slug: 'loket-1',
            name: 'Loket Imigrasi',
            serviceIds: [`${paspor.agencyId}:paspor`],
          },
        },
        seedAdmin,
      );
      const closed = { scopeId: polres, date: '2026-12-02', intervals: [], reason: 'Gangguan sistem' };
      await run(ops.SET_SCHEDULE_EXCEPTION, { input: closed, from: closed.date, to: closed.date }, partner);
      await run(ops.REMOVE_SCHEDULE_EXCEPTION, { scopeId: polres, date: closed.date }, partner);
      const { publicJwk } = await newMachineKeyPair();
      const registered = await run<{ registerMachineClient: { id: string } }>(
        ops.ADMIN_REGISTER_MACHINE_CLIENT,
        { input: { kind: 'KIOSK', name: 'Kiosk 1', mallId, publicKeyJwk: JSON.stringify(publicJwk) } },
        seedAdmin,
      );
      await run(ops.ADMIN_MACHINE_CLIENTS, { mallId }, seedAdmin);
      await run(ops.ADMIN_REVOKE_MACHINE_CLIENT, { id: registered.registerMachineClient.id }, seedAdmin);
      await run(ops.ADMIN_AUDIT_LOG, { mallId, first: 5 }, seedAdmin);

      // Every root field of the schema was called...
      const schema = buildSchema(typeDefs);
      const expected = [
        ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `query.${f}`),
        ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `mutation.${f}`),
      ];
      expect(expected.filter((f) => !rootFields.has(f))).toEqual([]);
      // ...reads and writes alike went to DynamoDB...
      expect(sent).toContain('QueryCommand');
      expect(sent).toContain('TransactWriteItemsCommand');
      expect(sent).toContain('DeleteItemCommand');
      // ...and nothing sent was a Scan, or anything the IAM policy does not allow.
      expect([...sent].filter((c) => c.includes('Scan'))).toEqual([]);
      expect([...sent].filter((c) => !ALLOWED_COMMANDS.has(c))).toEqual([]);
    });
    it('shows no holder code but to the answer that issued it, and no booking NIK or phone in full, across the walk', () => {
      expect(answers.length).toBeGreaterThan(30);
      const codePattern = /"holderCode":"([2-9A-HJ-NP-Z-]+)"/g;
      const issuedBy = new Map<string, number>();
      answers.forEach((a, i) => {
        for (const m of a.body.matchAll(codePattern)) {
          const code = m[1] ?? '';
          // A code appears in one answer only, unless the same caller replayed the same request.
          const first = issuedBy.get(code);
          if (first === undefined) issuedBy.set(code, i);
          else
            expect({ replay: answers[i]?.token === answers[first]?.token, code }).toEqual({
              replay: true,
              code,
            });
        }
      });
      expect(issuedBy.size).toBeGreaterThan(3);
      // Holder codes travel only in the answers of takeTicket and checkInAppointment.
      for (const [code, i] of issuedBy) {
        expect(answers[i]?.query, code).toMatch(/\b(takeTicket|checkInAppointment)\b/);
      }
      // The booking NIKs and phone of the walk, in full: in no answer, to anyone.
      const personal = ['3201011508900001', '3201015508900002', '3201011508900003', '081234567890'];
      for (const a of answers) for (const value of personal) expect(a.body, a.query).not.toContain(value);
    });
  });
});
