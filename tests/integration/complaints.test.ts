import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCatalogs } from '../../src/catalog-data/data-files.js';
import { complaintKeys } from '../../src/dynamo/shared/keys.js';
import { captureLog } from '../support/capture-log.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import { createHarness, type Harness } from '../support/harness.js';

const FIELDS = `id trackingCode category status subject description anonymous confidential rating overdue dueAt submittedAt
  agency { id } service { id } ticket { id }
  reporter { name phone nik } timeline { at status message }`;

interface ComplaintView {
  id: string;
  trackingCode: string;
  status: string;
  subject: string | null;
  description: string | null;
  rating: number | null;
  overdue: boolean;
  dueAt: string | null;
  agency: { id: string } | null;
  ticket: { id: string } | null;
  reporter: { name: string | null; phone: string | null; nik: string | null } | null;
  timeline: { at: string; status: string; message: string | null }[];
}

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { ${FIELDS} } }`;
const BY_CODE = `query($code: String!) { complaint(trackingCode: $code) { ${FIELDS} } }`;
// Made-up personal data.
const PHONE = '081298765432';
const NIK = '3201987654321098';
const REPORTER = { name: 'Siti Rahmawati', phone: '0812-9876-5432', nik: NIK };

const base = {
  mallId: 'lampung-tengah',
  category: 'COMPLAINT',
  agencyId: 'lampung-tengah:polres',
  subject: 'Antrean SKCK terlalu lama',
  description: 'Saya menunggu lebih dari dua jam di loket SKCK tanpa kejelasan.',
  reporter: REPORTER,
};

describe('complaints on DynamoDB Local', () => {
  let h: Harness;
  const submit = async (extra: Record<string, unknown> = {}) =>
    (await h.gql<{ submitComplaint: ComplaintView }>(SUBMIT, { input: { ...base, ...extra } }))
      .submitComplaint;
  const byCode = async (code: string) =>
    (await h.gql<{ complaint: ComplaintView | null }>(BY_CODE, { code })).complaint;
  const admin = (mallId = 'lampung-tengah') => h.token({ role: 'ADMIN', mallId });
  const polresOfficer = () =>
    h.token({ role: 'OFFICER', mallId: 'lampung-tengah', agencyId: 'lampung-tengah:polres' });
  /** Staff moves go with the token of who may make them; the reporter's moves go without one. */
  const tokenFor = async (mutation: string) =>
    mutation === 'respondToComplaint'
      ? polresOfficer()
      : ['replyToComplaint', 'rateComplaint'].includes(mutation)
        ? undefined
        : admin();
  const op = async (mutation: string, args: string) =>
    Object.values(
      await h.gql<Record<string, ComplaintView>>(
        `mutation { ${mutation}(${args}) { ${FIELDS} } }`,
        undefined,
        await tokenFor(mutation),
      ),
    )[0] as ComplaintView;

  beforeAll(async () => {
    const seed = await readCatalogs('data');
    // Tuesday 2026-12-01 10:00 WIB.
    h = await createHarness(
      inject('dynamoEndpoint'),
      [...seed, fixtureCatalog({ mallId: 'list-mall' }), fixtureCatalog({ mallId: 'other-mall' })],
      new Date('2026-12-01T03:00:00Z'),
    );
  });

  afterAll(async () => h?.close());

  /** The stored complaint item of an id: through its id pointer to its partition. */
  const storedItem = async (id: string) => {
    const pointer = await h.table.client.send(
      new GetCommand({ TableName: h.table.tableName, Key: complaintKeys.byId(id) }),
    );
    const codeKey = String(pointer.Item?.codeKey);
    return (
      await h.table.client.send(
        new GetCommand({ TableName: h.table.tableName, Key: complaintKeys.complaint(codeKey) }),
      )
    ).Item;
  };

  it('runs submit, track, verify, assign, respond, resolve and rate, without leaking personal data to the public or the log', async () => {
    let bodies = '';
    const log = await captureLog(async () => {
      const submitted = await submit({ confidential: false });
      bodies += JSON.stringify(submitted);
      expect(submitted.status).toBe('RECEIVED');
      expect(submitted.trackingCode).toMatch(
        /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/,
      );
      expect(submitted.reporter).toEqual({
        name: 'S*** R***',
        phone: '********5432',
        nik: '************1098',
      });
      // Submitted Tuesday: 3 working days end on Friday.
      expect(submitted.dueAt).toBe('2026-12-04T23:59:59+07:00');
      expect(submitted.overdue).toBe(false);

      const tracked = await byCode(submitted.trackingCode.toLowerCase().replace(/-/g, ' '));
      bodies += JSON.stringify(tracked);
      expect(tracked?.id).toBe(submitted.id);

      const verified = await op('verifyComplaint', `id: "${submitted.id}", message: "Laporan lengkap."`);
      expect(verified.status).toBe('VERIFIED');
      const assigned = await op(
        'assignComplaint',
        `id: "${submitted.id}", agencyId: "lampung-tengah:polres"`,
      );
      expect(assigned.status).toBe('ASSIGNED');
      // Assigned Tuesday 10:00: 5 working days end on Tuesday 2026-12-08.
      expect(assigned.dueAt).toBe('2026-12-08T23:59:59+07:00');
      const working = await op(
        'respondToComplaint',
        `id: "${submitted.id}", status: IN_PROGRESS, message: "Sedang kami periksa bersama petugas loket."`,
      );
      expect(working.status).toBe('IN_PROGRESS');
      const resolved = await op(
        'respondToComplaint',
        `id: "${submitted.id}", status: RESOLVED, message: "Loket SKCK ditambah satu petugas mulai besok."`,
      );
      expect(resolved.status).toBe('RESOLVED');
      const rated = await op('rateComplaint', `trackingCode: "${submitted.trackingCode}", rating: 4`);
      bodies += JSON.stringify(rated);
      expect(rated.rating).toBe(4);
      expect(rated.timeline.map((e) => e.status)).toEqual([
        'RECEIVED',
        'VERIFIED',
        'ASSIGNED',
        'IN_PROGRESS',
        'RESOLVED',
      ]);
      expect(rated.timeline[1]?.message).toBe('Laporan lengkap.');
    });
    expect(log).toContain('GraphQL request'); // the log was captured, and says nothing personal:
    for (const secret of [PHONE, NIK, '0812-9876-5432', 'Siti Rahmawati', 'Rahmawati']) {
      expect(log).not.toContain(secret);
      expect(bodies).not.toContain(secret);
    }
  });

  it('hides confidential content and anonymous identity from the public', async () => {
    const c = await submit({ confidential: true, anonymous: true });
    const tracked = await byCode(c.trackingCode);
    expect(tracked).toMatchObject({ subject: null, description: null, reporter: null });
  });

  it('reopens a resolved complaint on the reporter’s reply and refuses rating before resolution', async () => {
    const c = await submit();
    const early = await h.raw(
      `mutation { rateComplaint(trackingCode: "${c.trackingCode}", rating: 5) { id } }`,
    );
    expect(early.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    await op('verifyComplaint', `id: "${c.id}"`);
    await op('assignComplaint', `id: "${c.id}", agencyId: "lampung-tengah:polres"`);
    await op('respondToComplaint', `id: "${c.id}", status: RESOLVED, message: "Sudah kami tindak lanjuti."`);
    const reopened = await op(
      'replyToComplaint',
      `trackingCode: "${c.trackingCode}", message: "Belum ada perubahan."`,
    );
    expect(reopened.status).toBe('IN_PROGRESS');
    expect(reopened.timeline.at(-1)).toMatchObject({
      status: 'IN_PROGRESS',
      message: 'Belum ada perubahan.',
    });
  });

  it('refuses every move from the wrong state and changes nothing', async () => {
    const c = await submit();
    const before = await storedItem(c.id);
    for (const [mutation, args] of [
      ['assignComplaint', `id: "${c.id}", agencyId: "lampung-tengah:polres"`],
      ['respondToComplaint', `id: "${c.id}", status: RESOLVED, message: "x"`],
      ['replyToComplaint', `trackingCode: "${c.trackingCode}", message: "x"`],
      ['rateComplaint', `trackingCode: "${c.trackingCode}", rating: 3`],
    ] as const) {
      // The admin may answer too; an officer of an agency it was never assigned to would be FORBIDDEN first.
      const token = mutation === 'respondToComplaint' ? await admin() : await tokenFor(mutation);
      const result = await h.raw(`mutation { ${mutation}(${args}) { id } }`, undefined, token);
      expect(result.errors?.[0]?.extensions?.code, mutation).toBe('INVALID_TRANSITION');
    }
    await op('rejectComplaint', `id: "${c.id}", reason: "Bukan wewenang MPP."`);
    for (const [mutation, args] of [
      ['verifyComplaint', `id: "${c.id}"`],
      ['rejectComplaint', `id: "${c.id}", reason: "Bukan wewenang MPP."`],
    ] as const) {
      const result = await h.raw(
        `mutation { ${mutation}(${args}) { id } }`,
        undefined,
        await tokenFor(mutation),
      );
      expect(result.errors?.[0]?.extensions?.code, mutation).toBe('INVALID_TRANSITION');
    }
    const after = await storedItem(c.id);
    expect(after?.version).toBe((before?.version as number) + 1); // only the rejection was written
  });

  it('closes a resolved complaint itself after 10 working days, and marks a late intake overdue', async () => {
    h.clock.set(new Date('2026-12-01T03:00:00Z'));
    const late = await submit();
    const c = await submit();
    await op('verifyComplaint', `id: "${c.id}"`);
    await op('assignComplaint', `id: "${c.id}", agencyId: "lampung-tengah:polres"`);
    const resolved = await op('respondToComplaint', `id: "${c.id}", status: RESOLVED, message: "Selesai."`);
    // Resolved Tuesday 2026-12-01: 10 working days end Tuesday 2026-12-15.
    expect(resolved.dueAt).toBe('2026-12-15T23:59:59+07:00');
    h.clock.set(new Date('2026-12-15T16:00:00Z')); // 23:00 WIB on the last day
    expect((await byCode(c.trackingCode))?.status).toBe('RESOLVED');
    h.clock.set(new Date('2026-12-15T17:00:01Z'));
    const closed = await byCode(c.trackingCode);
    expect(closed?.status).toBe('CLOSED');
    expect(closed?.dueAt).toBeNull();
    const reply = await h.raw(
      `mutation { replyToComplaint(trackingCode: "${c.trackingCode}", message: "Masih bermasalah.") { id } }`,
    );
    expect(reply.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const rated = await op('rateComplaint', `trackingCode: "${c.trackingCode}", rating: 5`);
    expect(rated.status).toBe('CLOSED');
    const stored = await storedItem(c.id);
    expect(stored?.status).toBe('CLOSED'); // the close was persisted with the next write
    const lateNow = await byCode(late.trackingCode);
    expect(lateNow?.overdue).toBe(true);
    h.clock.set(new Date('2026-12-01T03:00:00Z'));
  });

  it('makes one complaint of 20 concurrent submissions with one idempotency key', async () => {
    const key = 'web-form-7c1d4e2b-retry';
    const results = await Promise.all(
      Array.from({ length: 20 }, () => submit({ idempotencyKey: key, mallId: 'other-mall', agencyId: null })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const page = await h.gql<{ complaints: { edges: unknown[] } }>(
      '{ complaints(mallId: "other-mall", first: 100) { edges { cursor } } }',
      undefined,
      await admin('other-mall'),
    );
    expect(page.complaints.edges).toHaveLength(1);
  });

  it('checks references: agency, service and ticket must exist in the named mall', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ agencyId: 'other-mall:agency' }, 'NOT_FOUND'],
      [{ serviceId: 'lampung-tengah:polres:no-such' }, 'NOT_FOUND'],
      [{ ticketId: 'tnosuchticket' }, 'NOT_FOUND'],
      [{ mallId: 'no-such-mall' }, 'NOT_FOUND'],
      [{ reporter: { nik: '12345' } }, 'BAD_USER_INPUT'],
      [{ reporter: { phone: '12' } }, 'BAD_USER_INPUT'],
      [{ subject: 'x' }, 'BAD_USER_INPUT'],
      [{ description: 'y'.repeat(5001) }, 'BAD_USER_INPUT'],
    ];
    for (const [extra, code] of cases) {
      const result = await h.raw(SUBMIT, { input: { ...base, ...extra } });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(extra)).toBe(code);
    }
    const ticket = await h.gql<{ takeTicket: { id: string } }>(
      'mutation { takeTicket(input: { serviceId: "list-mall:agency:svc1" }) { id } }',
      undefined,
      await h.token({ role: 'KIOSK', mallId: 'list-mall' }),
    );
    const wrongMall = await h.raw(SUBMIT, { input: { ...base, ticketId: ticket.takeTicket.id } });
    expect(wrongMall.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const right = await submit({ mallId: 'list-mall', agencyId: null, ticketId: ticket.takeTicket.id });
    expect(right.ticket?.id).toBe(ticket.takeTicket.id);
  });

  it('lists 1,000 complaints page by page, each exactly once, newest first', async () => {
    for (let i = 0; i < 1000; i += 100) {
      await Promise.all(
        Array.from({ length: 100 }, (_, j) => {
          h.clock.advance(1000);
          return submit({ mallId: 'list-mall', agencyId: null, subject: `Keluhan nomor ${i + j}` });
        }),
      );
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: {
        complaints: {
          edges: { node: { id: string; subject: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await h.gql(
        'query($after: String) { complaints(mallId: "list-mall", first: 100, after: $after) { edges { node { id subject } } pageInfo { hasNextPage endCursor } } }',
        { after },
        await admin('list-mall'),
      );
      pages++;
      if (pages === 1) expect(page.complaints.edges[0]?.node.subject).toMatch(/^Keluhan nomor 9\d\d$/);
      seen.push(...page.complaints.edges.map((e) => e.node.id));
      if (!page.complaints.pageInfo.hasNextPage) break;
      after = page.complaints.pageInfo.endCursor;
    }
    const own = seen.length;
    expect(new Set(seen).size).toBe(own);
    expect(own).toBe(1001); // 1,000 plus the one that named a ticket
    expect(pages).toBeLessThanOrEqual(12);
    const bad = await h.raw(
      '{ complaints(mallId: "list-mall", after: "bm90LWEtY3Vyc29y") { edges { cursor } } }',
      undefined,
      await admin('list-mall'),
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await h.raw(
      '{ complaints(mallId: "list-mall", first: 101) { edges { cursor } } }',
      undefined,
      await admin('list-mall'),
    );
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }, 120_000);

  it('costs at most 2 requests to submit, 1 to track and 1 per page', async () => {
    await h.gql('{ mall(id: "lampung-tengah") { id } }');
    const adminToken = await admin();
    const officerToken = await polresOfficer();
    let code = '';
    const submitCount = await h.countRequests(async () => {
      code = (await submit({ idempotencyKey: 'count-complaint-01' })).trackingCode;
    });
    const submitPlain = await h.countRequests(() => submit());
    const track = await h.countRequests(() => byCode(code));
    const page = await h.countRequests(() =>
      h.gql(
        '{ complaints(mallId: "lampung-tengah", first: 20) { edges { node { id status } } pageInfo { hasNextPage } } }',
        undefined,
        adminToken,
      ),
    );
    const filtered = await h.countRequests(() =>
      h.gql(
        '{ complaints(agencyId: "lampung-tengah:polres", status: RECEIVED, first: 20) { edges { node { id } } } }',
        undefined,
        officerToken,
      ),
    );
    console.log(
      `requests: submitComplaint ${submitCount} (with key) / ${submitPlain} (without), complaint ${track}, page ${page}, filtered page ${filtered}`,
    );
    expect(submitCount).toBeLessThanOrEqual(2);
    expect(submitPlain).toBe(1);
    expect(track).toBe(1);
    expect(page).toBe(1);
    expect(filtered).toBe(1);
  });
});
