/**
 * The complaint desk on DynamoDB Local (docs/domain-rules.md, 'Complaint desk'): officers see only what is
 * assigned to their agency now; reassignment and return restart the stage's deadline and are authored
 * timeline entries; staff never see any part of a tracking code; an idempotency key belongs to its caller
 * and its input; erasure and retention of the reporter; the text rules; and, after a whole life, a raw
 * scan of the table and its indexes that finds no personal data or tracking code in clear.
 * The reporter below is made up.
 */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCatalogs } from '../../src/catalog-data/data-files.js';
import { complaintKeys } from '../../src/dynamo/shared/keys.js';
import { TABLE_DEFINITION } from '../../src/dynamo/shared/table-definition.js';
import { captureLog } from '../support/capture-log.js';
import { execute } from '../support/graphql.js';
import { createHarness, type Harness } from '../support/harness.js';
import { COMPLAINT_DESK_OPERATIONS } from '../support/operations.js';

const MALL = 'lampung-tengah';
const POLRES = `${MALL}:polres`;
const DUKCAPIL = `${MALL}:disdukcapil`;
// Tuesday 2026-12-01 10:00 WIB.
const TUESDAY = new Date('2026-12-01T03:00:00Z');
const THURSDAY = new Date('2026-12-03T03:00:00Z');
const FRIDAY = new Date('2026-12-04T03:00:00Z');

const NAME = 'Wulan Sekarsari';
const PHONE_TYPED = '0813-7766-5544';
const PHONE = '081377665544';
const NIK = '1802044107950011';

const FIELDS = `id trackingCode status subject description dueAt overdue agency { id }
  reporter { name phone nik } timeline { at status message author by }`;

interface Event {
  at: string;
  status: string;
  message: string | null;
  author: string;
  by: string | null;
}

interface View {
  id: string;
  trackingCode: string;
  status: string;
  subject: string | null;
  description: string | null;
  dueAt: string | null;
  overdue: boolean;
  agency: { id: string } | null;
  reporter: { name: string | null; phone: string | null; nik: string | null } | null;
  timeline: Event[];
}

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { ${FIELDS} } }`;
const BY_CODE = `query($code: String!) { complaint(trackingCode: $code) { ${FIELDS} } }`;
const LIST = `query($mallId: ID, $agencyId: ID, $overdue: Boolean) {
  complaints(mallId: $mallId, agencyId: $agencyId, overdue: $overdue, first: 100) {
    edges { cursor node { ${FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const base = {
  mallId: MALL,
  category: 'COMPLAINT',
  agencyId: POLRES,
  subject: 'Pungli di loket SKCK',
  description: 'Petugas meminta uang tambahan di luar tarif resmi saat mengurus SKCK.',
  reporter: { name: NAME, phone: PHONE_TYPED, nik: NIK },
};

/** The groups of a code, e.g. K7QX, M3RP, 9WHT (the last, one symbol, says too little to look for). */
function groupsOf(code: string): string[] {
  return code.split('-').filter((g) => g.length === 4);
}

describe('the complaint desk on DynamoDB Local', () => {
  let h: Harness;
  let admin: string;
  let polres: string;
  let dukcapil: string;
  const ADMIN_SUBJECT = 'admin-desk-lt-01';
  const POLRES_SUBJECT = 'officer-polres-07';

  const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string) =>
    h.gql<T>(query, variables, token);
  const submit = async (extra: Record<string, unknown> = {}, token?: string) =>
    (await gql<{ submitComplaint: View }>(SUBMIT, { input: { ...base, ...extra } }, token)).submitComplaint;
  const byCode = async (code: string, token?: string) =>
    (await gql<{ complaint: View | null }>(BY_CODE, { code }, token)).complaint;
  const list = async (token: string, variables: Record<string, unknown> = { mallId: MALL }) =>
    (await gql<{ complaints: { edges: { node: View }[] } }>(LIST, variables, token)).complaints.edges.map(
      (e) => e.node,
    );
  const move = async (mutation: string, args: string, token: string) =>
    Object.values(
      await gql<Record<string, View>>(`mutation { ${mutation}(${args}) { ${FIELDS} } }`, {}, token),
    )[0] as View;
  const moveRaw = (mutation: string, args: string, token?: string) =>
    h.raw(`mutation { ${mutation}(${args}) { ${FIELDS} } }`, undefined, token);

  async function assigned(to = POLRES, extra: Record<string, unknown> = {}): Promise<View> {
    const c = await submit(extra);
    await move('verifyComplaint', `id: "${c.id}"`, admin);
    await move('assignComplaint', `id: "${c.id}", agencyId: "${to}"`, admin);
    return c;
  }

  async function scanAll(indexName?: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await h.table.client.send(
        new ScanCommand({ TableName: h.table.tableName, IndexName: indexName, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  beforeAll(async () => {
    h = await createHarness(inject('dynamoEndpoint'), await readCatalogs('data'), TUESDAY);
    admin = await h.token({ role: 'ADMIN', mallId: MALL }, { subject: ADMIN_SUBJECT });
    polres = await h.token({ role: 'OFFICER', mallId: MALL, agencyId: POLRES }, { subject: POLRES_SUBJECT });
    dukcapil = await h.token({ role: 'OFFICER', mallId: MALL, agencyId: DUKCAPIL });
  });

  afterAll(async () => h?.close());

  it('shows officers only what is assigned to their agency now: nothing before assignment, after a return or a rejection', async () => {
    h.clock.set(TUESDAY);
    const named = await submit();
    const polresSees = async () => (await list(polres)).map((c) => c.id);
    const dukcapilSees = async () => (await list(dukcapil)).map((c) => c.id);
    // Named Polres, not yet screened: Polres sees nothing, not even through its own agency filter.
    expect(await polresSees()).not.toContain(named.id);
    expect((await list(polres, { agencyId: POLRES })).map((c) => c.id)).not.toContain(named.id);
    await move('verifyComplaint', `id: "${named.id}"`, admin);
    expect(await polresSees()).not.toContain(named.id);
    await move('assignComplaint', `id: "${named.id}", agencyId: "${POLRES}"`, admin);
    expect(await polresSees()).toContain(named.id);
    await move(
      'reassignComplaint',
      `id: "${named.id}", agencyId: "${DUKCAPIL}", reason: "Wewenang Disdukcapil."`,
      admin,
    );
    expect(await polresSees()).not.toContain(named.id);
    expect(await dukcapilSees()).toContain(named.id);
    await move('returnComplaint', `id: "${named.id}", reason: "Bukan wewenang kami."`, dukcapil);
    expect(await polresSees()).not.toContain(named.id);
    expect(await dukcapilSees()).not.toContain(named.id);
    // The mall still lists it, VERIFIED again.
    expect((await list(admin)).find((c) => c.id === named.id)?.status).toBe('VERIFIED');

    const rejected = await submit();
    await move('rejectComplaint', `id: "${rejected.id}", reason: "Bukan wewenang MPP."`, admin);
    expect(await polresSees()).not.toContain(rejected.id);

    const anonymous = await h.raw(LIST, { mallId: MALL });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.complaints ?? null).toBeNull();
    const anonymousNoMall = await h.raw('{ complaints(first: 5) { edges { cursor } } }');
    expect(anonymousNoMall.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reassigns and returns with a reason, restarting the stage deadline, as authored timeline entries', async () => {
    h.clock.set(TUESDAY);
    const c = await assigned();
    // Assigned Tuesday: 5 working days end Tuesday 2026-12-08.
    expect((await list(admin)).find((x) => x.id === c.id)?.dueAt).toBe('2026-12-08T23:59:59+07:00');

    h.clock.set(THURSDAY);
    const reassigned = await move(
      'reassignComplaint',
      `id: "${c.id}", agencyId: "${DUKCAPIL}", reason: "Wewenang Disdukcapil, bukan Polres."`,
      admin,
    );
    // Reassigned Thursday: Dukcapil's 5 working days are Fri, Mon, Tue, Wed, Thu: 2026-12-10.
    expect(reassigned).toMatchObject({
      status: 'ASSIGNED',
      agency: { id: DUKCAPIL },
      dueAt: '2026-12-10T23:59:59+07:00',
    });
    expect(reassigned.timeline.at(-1)).toEqual({
      at: '2026-12-03T10:00:00+07:00',
      status: 'ASSIGNED',
      message: 'Wewenang Disdukcapil, bukan Polres.',
      author: 'MALL',
      by: ADMIN_SUBJECT,
    });

    h.clock.set(FRIDAY);
    const returned = await move('returnComplaint', `id: "${c.id}", reason: "Bukan wewenang kami."`, dukcapil);
    // Returned Friday: the mall's 3 working days are Mon, Tue, Wed: 2026-12-09.
    expect(returned).toMatchObject({ status: 'VERIFIED', dueAt: '2026-12-09T23:59:59+07:00' });
    expect(returned.timeline.at(-1)).toMatchObject({
      status: 'VERIFIED',
      author: 'AGENCY',
      message: 'Bukan wewenang kami.',
    });

    // Every entry has an author; the staff subject is for staff only.
    const seenByAdmin = await move('assignComplaint', `id: "${c.id}", agencyId: "${POLRES}"`, admin);
    expect(seenByAdmin.timeline.map((e) => e.author)).toEqual([
      'CITIZEN',
      'MALL',
      'MALL',
      'MALL',
      'AGENCY',
      'MALL',
    ]);
    expect(seenByAdmin.timeline.map((e) => e.by)).toEqual([
      null,
      ADMIN_SUBJECT,
      ADMIN_SUBJECT,
      ADMIN_SUBJECT,
      expect.stringMatching(/^local:/),
      ADMIN_SUBJECT,
    ]);
    const answered = await move(
      'respondToComplaint',
      `id: "${c.id}", status: IN_PROGRESS, message: "Kami periksa."`,
      polres,
    );
    expect(answered.timeline.at(-1)).toMatchObject({ author: 'AGENCY', by: POLRES_SUBJECT });
    const publicView = await byCode(c.trackingCode);
    expect(publicView?.timeline.map((e) => e.by)).toEqual(Array(7).fill(null));
    expect(publicView?.timeline.map((e) => e.author)).toEqual([
      ...seenByAdmin.timeline.map((e) => e.author),
      'AGENCY',
    ]);
    h.clock.set(TUESDAY);
  });

  it('refuses desk moves without a reason, from the wrong state or by the wrong caller, changing nothing', async () => {
    h.clock.set(TUESDAY);
    const c = await assigned();
    const cases: [string, string, string | undefined, string][] = [
      ['reassignComplaint', `id: "${c.id}", agencyId: "${DUKCAPIL}", reason: "  "`, admin, 'BAD_USER_INPUT'],
      [
        'reassignComplaint',
        `id: "${c.id}", agencyId: "${POLRES}", reason: "Tetap Polres."`,
        admin,
        'BAD_USER_INPUT',
      ],
      [
        'reassignComplaint',
        `id: "${c.id}", agencyId: "kota-sorong:polres", reason: "Salah mal."`,
        admin,
        'NOT_FOUND',
      ],
      [
        'reassignComplaint',
        `id: "${c.id}", agencyId: "${DUKCAPIL}", reason: "Bukan kami."`,
        polres,
        'FORBIDDEN',
      ],
      ['returnComplaint', `id: "${c.id}", reason: "abc"`, polres, 'BAD_USER_INPUT'],
      ['returnComplaint', `id: "${c.id}", reason: "Bukan wewenang kami."`, dukcapil, 'FORBIDDEN'],
      ['returnComplaint', `id: "${c.id}", reason: "Bukan wewenang kami."`, admin, 'FORBIDDEN'],
      ['returnComplaint', `id: "${c.id}", reason: "Bukan wewenang kami."`, undefined, 'UNAUTHENTICATED'],
      ['eraseReporter', `id: "${c.id}"`, polres, 'FORBIDDEN'],
    ];
    for (const [mutation, args, token, code] of cases) {
      const r = await moveRaw(mutation, args, token);
      expect(r.errors?.[0]?.extensions?.code, `${mutation}(${args})`).toBe(code);
      expect(r.data?.[mutation] ?? null).toBeNull();
    }
    const fresh = await submit();
    const early = await moveRaw(
      'reassignComplaint',
      `id: "${fresh.id}", agencyId: "${DUKCAPIL}", reason: "Terlalu dini."`,
      admin,
    );
    expect(early.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect((await byCode(c.trackingCode))?.timeline).toHaveLength(3);
  });

  it('never shows staff any part of a tracking code; the reporter who gives it sees it', async () => {
    h.clock.set(TUESDAY);
    const c = await assigned();
    const staffAnswers = JSON.stringify([
      await list(admin),
      await list(polres),
      await move(
        'respondToComplaint',
        `id: "${c.id}", status: IN_PROGRESS, message: "Kami periksa."`,
        polres,
      ),
      await move(
        'reassignComplaint',
        `id: "${c.id}", agencyId: "${DUKCAPIL}", reason: "Wewenang Disdukcapil."`,
        admin,
      ),
    ]);
    for (const group of groupsOf(c.trackingCode)) expect(staffAnswers).not.toContain(group);
    expect(staffAnswers).toContain('****-****-****-*');
    expect((await byCode(c.trackingCode.toLowerCase()))?.trackingCode).toBe(c.trackingCode);
  });

  it('lists the overdue complaints: the mall’s escalation list', async () => {
    h.clock.set(TUESDAY);
    const late = await submit({ subject: 'Keluhan yang terlambat' });
    h.clock.set(new Date('2026-12-07T03:00:00Z')); // Monday: the intake ended Friday night
    const onTime = await submit({ subject: 'Keluhan yang masih baru' });
    const overdue = (await list(admin, { mallId: MALL, overdue: true })).map((c) => c.id);
    const notOverdue = (await list(admin, { mallId: MALL, overdue: false })).map((c) => c.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(onTime.id);
    expect(notOverdue).toContain(onTime.id);
    expect(notOverdue).not.toContain(late.id);
    const page = await h.countRequests(() => list(admin, { mallId: MALL, overdue: true }));
    expect(page).toBe(1);
    h.clock.set(TUESDAY);
  });

  it('binds an idempotency key to its caller and its input: anything else is CONFLICT and reveals nothing', async () => {
    h.clock.set(TUESDAY);
    const key = 'desk-form-submit-0001';
    const first = await submit({ idempotencyKey: key });
    const again = await submit({ idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(again.trackingCode).toBe(first.trackingCode);

    const kiosk = await h.token({ role: 'KIOSK', mallId: MALL });
    const attempts = [
      h.raw(SUBMIT, { input: { ...base, idempotencyKey: key } }, kiosk), // another caller, same content
      h.raw(SUBMIT, { input: { ...base, subject: 'Sesuatu yang lain sama sekali', idempotencyKey: key } }),
      h.raw(SUBMIT, { input: { ...base, reporter: null, idempotencyKey: key } }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(r.data?.submitComplaint ?? null).toBeNull();
      const body = JSON.stringify(r);
      for (const secret of [first.id, ...groupsOf(first.trackingCode), base.subject, NIK, PHONE]) {
        expect(body).not.toContain(secret);
      }
    }
    // The stored key holds no code: the replay derived it again.
    const keys = (await scanAll()).filter((i) => i.type === 'IDEMPOTENCY');
    expect(keys.length).toBeGreaterThan(0);
    for (const group of groupsOf(first.trackingCode)) expect(JSON.stringify(keys)).not.toContain(group);
  });

  it('erases the reporter on request (ADMIN) and keeps the complaint', async () => {
    h.clock.set(TUESDAY);
    const c = await assigned();
    const log = await captureLog(async () => {
      const before = await byCode(c.trackingCode, admin);
      expect(before?.reporter).toEqual({ name: NAME, phone: PHONE, nik: NIK });
    });
    // The unmasked read is logged with who and which complaint, and nothing personal.
    expect(log).toContain('Reporter read unmasked');
    expect(log).toContain(ADMIN_SUBJECT);
    expect(log).toContain(c.id);
    for (const secret of [NAME, PHONE, NIK, c.trackingCode]) expect(log).not.toContain(secret);

    const erased = await move('eraseReporter', `id: "${c.id}"`, admin);
    expect(erased.reporter).toBeNull();
    expect(erased.status).toBe('ASSIGNED');
    expect(erased.timeline.at(-1)).toMatchObject({
      author: 'MALL',
      by: ADMIN_SUBJECT,
      message: 'Data pribadi pelapor dihapus.',
    });
    const pointer = await h.table.client.send(
      new GetCommand({ TableName: h.table.tableName, Key: complaintKeys.byId(c.id) }),
    );
    const codeKey = String(pointer.Item?.codeKey);
    const reporterItem = await h.table.client.send(
      new GetCommand({ TableName: h.table.tableName, Key: complaintKeys.reporter(codeKey) }),
    );
    expect(reporterItem.Item).toBeUndefined();
    const complaintItem = await h.table.client.send(
      new GetCommand({ TableName: h.table.tableName, Key: complaintKeys.complaint(codeKey) }),
    );
    expect(complaintItem.Item?.reporterMasked).toBeNull();
    expect((await byCode(c.trackingCode))?.reporter).toBeNull();
    expect((await byCode(c.trackingCode, polres))?.subject).toBe(base.subject);
    // Erasing again changes nothing.
    const twice = await move('eraseReporter', `id: "${c.id}"`, admin);
    expect(twice.timeline).toHaveLength(erased.timeline.length);
  });

  it('logs a refused token with its code and reason, never the token', async () => {
    const expired = await h.token(
      { role: 'ADMIN', mallId: MALL },
      { issuedAt: new Date(Date.now() - 2 * 3600_000), expiresInSeconds: 3600 },
    );
    const forged = `${admin.slice(0, -4)}AAAA`;
    const log = await captureLog(async () => {
      for (const token of [expired, forged]) {
        const r = await h.raw(LIST, { mallId: MALL }, token);
        expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    });
    const lines = log.split('\n').filter((l) => l.includes('Token refused'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('"code":"UNAUTHENTICATED"');
    expect(lines[0]).toContain('"reason":"expired"');
    expect(lines[1]).toContain('"reason":"signature-or-issuer"');
    for (const token of [expired, forged, admin]) {
      for (const part of token.split('.')) expect(log).not.toContain(part);
    }
  });

  it('keeps the reporter until 2 years after the complaint closes: a TTL on the reporter item, honoured on read', async () => {
    h.clock.set(TUESDAY);
    const c = await assigned();
    const resolved = await move(
      'respondToComplaint',
      `id: "${c.id}", status: RESOLVED, message: "Selesai."`,
      polres,
    );
    // Resolved Tuesday: it closes itself at the end of 2026-12-15; the data goes 2 years later.
    expect(resolved.dueAt).toBe('2026-12-15T23:59:59+07:00');
    const pointer = await h.table.client.send(
      new GetCommand({ TableName: h.table.tableName, Key: complaintKeys.byId(c.id) }),
    );
    const reporterItem = await h.table.client.send(
      new GetCommand({
        TableName: h.table.tableName,
        Key: complaintKeys.reporter(String(pointer.Item?.codeKey)),
      }),
    );
    expect(reporterItem.Item?.[TABLE_DEFINITION.timeToLiveAttribute]).toBe(
      Date.parse('2028-12-15T16:59:59Z') / 1000,
    );
    h.clock.set(new Date('2028-12-15T16:59:58Z'));
    expect((await byCode(c.trackingCode, admin))?.reporter?.nik).toBe(NIK);
    h.clock.set(new Date('2028-12-15T17:00:00Z'));
    // DynamoDB deletes lazily; past the instant, nobody sees it any more.
    expect((await byCode(c.trackingCode, admin))?.reporter).toBeNull();
    h.clock.set(TUESDAY);
  });

  it('stores text as NFC and refuses control characters, bidi overrides, lone surrogates and invisible names, naming the field', async () => {
    h.clock.set(TUESDAY);
    const refused: [Record<string, unknown>, string][] = [
      [{ subject: 'Pungli\u0000 di loket' }, 'input.subject'],
      [{ subject: 'Pungli di \u202Etekol' }, 'input.subject'],
      [{ subject: 'Pungli di \u2066loket\u2069' }, 'input.subject'],
      [{ subject: 'Pungli \ud800 loket' }, 'input.subject'],
      [{ subject: 'Pungli\ndi loket' }, 'input.subject'],
      [{ description: 'Petugas meminta\u0007 uang tambahan.' }, 'input.description'],
      [{ reporter: { name: '\u200B\u200B\u200B' } }, 'input.reporter.name'],
      [{ reporter: { name: 'Wulan\u200F\u202D' } }, 'input.reporter.name'],
      [{ subject: '😀😀😀😀' }, 'input.subject'],
    ];
    for (const [extra, field] of refused) {
      const r = await h.raw(SUBMIT, { input: { ...base, ...extra } });
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(extra)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.extensions?.field, JSON.stringify(extra)).toBe(field);
    }
    const ok = await submit({
      subject: 'Cafe\u0301 😀😀😀',
      description: 'Baris pertama.\r\n\tBaris kedua dengan tab.',
    });
    expect(ok.subject).toBe('Caf\u00e9 😀😀😀');
    expect(ok.description).toBe('Baris pertama.\n\tBaris kedua dengan tab.');
  });

  it("runs the front ends' desk operations as they ship", async () => {
    h.clock.set(TUESDAY);
    const c = await assigned();
    const ops = COMPLAINT_DESK_OPERATIONS;
    const overdue = await gql<{ complaints: { edges: unknown[] } }>(
      ops.OVERDUE_COMPLAINTS,
      { mallId: MALL, first: 20 },
      admin,
    );
    expect(Array.isArray(overdue.complaints.edges)).toBe(true);
    const reassigned = await gql<{ reassignComplaint: View }>(
      ops.REASSIGN_COMPLAINT,
      { id: c.id, agencyId: DUKCAPIL, reason: 'Wewenang Disdukcapil.' },
      admin,
    );
    expect(reassigned.reassignComplaint.agency?.id).toBe(DUKCAPIL);
    const returned = await gql<{ returnComplaint: View }>(
      ops.RETURN_COMPLAINT,
      { id: c.id, reason: 'Bukan wewenang kami.' },
      dukcapil,
    );
    expect(returned.returnComplaint.status).toBe('VERIFIED');
    const erased = await gql<{ eraseReporter: View }>(ops.ERASE_REPORTER, { id: c.id }, admin);
    expect(erased.eraseReporter.reporter).toBeNull();
  });

  it('costs 1 request to track, at most 2 to submit with a key, 1 per page', async () => {
    h.clock.set(TUESDAY);
    await h.gql(`{ mall(id: "${MALL}") { id } }`);
    let code = '';
    const submitKeyed = await h.countRequests(async () => {
      code = (await submit({ idempotencyKey: 'desk-count-key-0001' })).trackingCode;
    });
    const submitPlain = await h.countRequests(() => submit());
    const track = await h.countRequests(() => byCode(code));
    const trackAsAdmin = await h.countRequests(() => byCode(code, admin));
    const page = await h.countRequests(() => list(admin));
    const officerPage = await h.countRequests(() => list(polres));
    const c = await submit();
    // This instance made it (as it would have listed it): the id's partition is known.
    const staffMove = await h.countRequests(() => move('verifyComplaint', `id: "${c.id}"`, admin));
    // A fresh instance reads the id's pointer first.
    const fresh = h.newInstance();
    await execute(fresh, `{ mall(id: "${MALL}") { id } }`); // its catalog cache warm, as the others'
    const coldMove = await h.countRequests(async () => {
      const r = await execute(
        fresh,
        `mutation { rejectComplaint(id: "${c.id}", reason: "Bukan wewenang MPP.") { id } }`,
        undefined,
        {
          authorization: `Bearer ${admin}`,
        },
      );
      expect(r.errors).toBeUndefined();
    });
    console.log(
      `requests: submitComplaint ${submitKeyed} (with key) / ${submitPlain}, complaint(trackingCode) ${track} (${trackAsAdmin} as admin), page ${page} (officer ${officerPage}), staff move ${staffMove} (${coldMove} on an instance that has not seen the complaint)`,
    );
    expect(submitKeyed).toBeLessThanOrEqual(2);
    expect(submitPlain).toBe(1);
    expect(track).toBe(1);
    expect(trackAsAdmin).toBe(1);
    expect(page).toBe(1);
    expect(officerPage).toBe(1);
    expect(staffMove).toBe(2);
    expect(coldMove).toBe(3);
  });

  it('after a whole life, no item and no index of the table holds a NIK, phone, name or tracking code in clear', async () => {
    h.clock.set(TUESDAY);
    const reporter = { name: 'Ratna Dwi Lestari', phone: '0852-1100-9988', nik: '1802045203880004' };
    const c = await submit({ reporter, idempotencyKey: 'desk-scan-key-00001' });
    await submit({ reporter, idempotencyKey: 'desk-scan-key-00001' }); // a replay
    await move('verifyComplaint', `id: "${c.id}", message: "Lengkap."`, admin);
    await move('assignComplaint', `id: "${c.id}", agencyId: "${POLRES}"`, admin);
    await move(
      'reassignComplaint',
      `id: "${c.id}", agencyId: "${DUKCAPIL}", reason: "Wewenang Disdukcapil."`,
      admin,
    );
    await move('returnComplaint', `id: "${c.id}", reason: "Bukan wewenang kami."`, dukcapil);
    await move('assignComplaint', `id: "${c.id}", agencyId: "${POLRES}"`, admin);
    await move('respondToComplaint', `id: "${c.id}", status: RESOLVED, message: "Sudah ditindak."`, polres);
    await h.gql(`mutation { replyToComplaint(trackingCode: "${c.trackingCode}", message: "Belum.") { id } }`);
    await move(
      'respondToComplaint',
      `id: "${c.id}", status: RESOLVED, message: "Sudah ditindak lagi."`,
      polres,
    );
    await h.gql(`mutation { rateComplaint(trackingCode: "${c.trackingCode}", rating: 5) { id } }`);
    // It was all stored: the admin still reads the reporter in full.
    expect((await byCode(c.trackingCode, admin))?.reporter).toEqual({
      name: reporter.name,
      phone: '085211009988',
      nik: reporter.nik,
    });

    const secrets = [
      reporter.name,
      ...reporter.name.split(' ').filter((w) => w.length > 3),
      reporter.phone,
      '085211009988',
      '85211009988',
      reporter.nik,
      c.trackingCode,
      c.trackingCode.replace(/-/g, ''),
      NAME,
      PHONE,
      NIK,
    ];
    const sources: [string, Record<string, unknown>[]][] = [
      ['table', await scanAll()],
      ...TABLE_DEFINITION.globalSecondaryIndexes.map(
        (g) =>
          [`index ${g.indexName}`, [] as Record<string, unknown>[]] as [string, Record<string, unknown>[]],
      ),
    ];
    for (const entry of sources.slice(1)) entry[1] = await scanAll(entry[0].slice('index '.length));
    const found: string[] = [];
    for (const [where, items] of sources) {
      expect(items.length, where).toBeGreaterThan(0);
      for (const item of items) {
        const text = JSON.stringify(item);
        for (const secret of secrets)
          if (text.includes(secret)) found.push(`${where} ${item.pk}/${item.sk}: ${secret}`);
      }
    }
    const items = sources[0]?.[1] ?? [];
    console.log(
      `raw scan: ${items.length} items and ${sources
        .slice(1)
        .map(([w, i]) => `${i.length} in ${w}`)
        .join(', ')} read; ${found.length} with personal data or a tracking code in clear`,
    );
    expect(found).toEqual([]);
  });
});
