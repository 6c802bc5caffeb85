/**
 * The authorization matrix of issue 5: every query and mutation of the contract, against agency A of
 * mall M, for each of nine callers. Each cell must give the answer of docs/domain-rules.md, 'Roles'; a refused
 * cell must answer no data and change nothing (the stored item and the admin's view of it are the same
 * before and after); and no cell may show a reporter's personal data to a caller who may not see it.
 * The outcomes are printed as a table at the end.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bookingKeys, complaintKeys, type ItemKey, queueKeys } from '../../src/dynamo/shared/keys.js';
import { LocalIssuer } from '../../src/local/local-issuer.js';
import { newMachineKeyPair, signMachineToken } from '../../src/local/machine-client-key.js';
import type { GraphQLResponse } from '../support/graphql.js';
import { createHarness, type Harness } from '../support/harness.js';
import {
  AGENCY_A,
  AGENCY_B,
  CALL_NEXT_COUNTER,
  COLUMN_LABELS,
  COLUMNS,
  type Column,
  counterA,
  EXPECT,
  IDENTITIES,
  MALL_M,
  MALL_X,
  matrixCatalogs,
  type Outcome,
  REPORTER_A,
  REPORTER_ANON,
  REPORTER_B,
  type RowExpectation,
  SVC_A1,
  SVC_A2,
  SVC_A3,
  secretsOf,
} from '../support/matrix-fixtures.js';

// Tuesday 2026-12-01 10:00 WIB; the fixture malls are open all day.
const START = new Date('2026-12-01T03:00:00Z');

const TICKET = 'id number status recallCount service { id } counter { id } history { action status }';
const COMPLAINT = `id trackingCode status rating anonymous confidential subject description agency { id }
  reporter { name phone nik } timeline { status message }`;

interface TicketView {
  id: string;
  number: string;
  status: string;
  recallCount: number;
  service: { id: string };
  counter: { id: string } | null;
  history: { action: string; status: string }[];
}

interface ReporterView {
  name: string | null;
  phone: string | null;
  nik: string | null;
}

interface ComplaintView {
  id: string;
  trackingCode: string;
  status: string;
  rating: number | null;
  subject: string | null;
  description: string | null;
  agency: { id: string } | null;
  reporter: ReporterView | null;
  timeline: { status: string; message: string | null }[];
}

interface ListingView {
  complaints: {
    edges: { node: { id: string; agency: { id: string } | null; reporter: ReporterView | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** A complaint as its reporter knows it. */
interface Filed {
  id: string;
  trackingCode: string;
}

/** What one caller got from one operation, and what was wrong with it beyond the outcome. */
interface Cell {
  outcome: Outcome;
  problems: string[];
}

type Response = GraphQLResponse<Record<string, unknown>>;

const TAKE = `mutation($input: TakeTicketInput!) { takeTicket(input: $input) { ${TICKET} } }`;
const READ_TICKET = `query($id: ID!) { ticket(id: $id) { ${TICKET} } }`;
const CALL_TICKET = `mutation($id: ID!, $counterId: ID!) { callTicket(id: $id, counterId: $counterId) { ${TICKET} } }`;
const CALL_NEXT = `mutation($counterId: ID!) { callNextTicket(counterId: $counterId) { ${TICKET} } }`;
const TRANSFER = `mutation($id: ID!, $to: ID!) { transferTicket(id: $id, toServiceId: $to) { ${TICKET} } }`;
const moveTicket = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { ${TICKET} } }`;
const QUEUE_ISSUED = `query($id: ID!) { service(id: $id) { queue { issued } } }`;

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { ${COMPLAINT} } }`;
const BY_CODE = `query($code: String!) { complaint(trackingCode: $code) { ${COMPLAINT} } }`;
const VERIFY = `mutation($id: ID!) { verifyComplaint(id: $id, message: "Laporan lengkap.") { ${COMPLAINT} } }`;
const ASSIGN = `mutation($id: ID!, $agencyId: ID!) { assignComplaint(id: $id, agencyId: $agencyId) { ${COMPLAINT} } }`;
const REJECT = `mutation($id: ID!) { rejectComplaint(id: $id, reason: "Bukan wewenang MPP.") { ${COMPLAINT} } }`;
const RESPOND = `mutation($id: ID!, $status: ComplaintStatus!) {
  respondToComplaint(id: $id, status: $status, message: "Sedang kami periksa.") { ${COMPLAINT} } }`;
const REPLY = `mutation($code: String!) { replyToComplaint(trackingCode: $code, message: "Belum ada perubahan.") { ${COMPLAINT} } }`;
const RATE = `mutation($code: String!) { rateComplaint(trackingCode: $code, rating: 4) { ${COMPLAINT} } }`;
const LISTING = `query($mallId: ID, $agencyId: ID, $after: String) {
  complaints(mallId: $mallId, agencyId: $agencyId, first: 100, after: $after) {
    edges { node { id agency { id } reporter { name phone nik } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** `************1234` and `W*** K***`, as the public sees a reporter. */
function masked(reporter: { name: string; phone: string; nik: string }): ReporterView {
  const tail = (v: string) => `${'*'.repeat(v.length - 4)}${v.slice(-4)}`;
  return {
    name: reporter.name
      .split(' ')
      .map((w) => `${w[0]}***`)
      .join(' '),
    phone: tail(reporter.phone),
    nik: tail(reporter.nik),
  };
}

function outcomeOf(r: Response): Outcome {
  const first = r.errors?.[0];
  return first ? String(first.extensions?.code ?? 'NO_CODE') : 'ok';
}

function mismatch(what: string, actual: unknown, expected: unknown): string[] {
  return isDeepStrictEqual(actual, expected)
    ? []
    : [`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** The fields of `expected` that `actual` does not have. */
function matches(what: string, actual: unknown, expected: Record<string, unknown>): string[] {
  if (actual === null || typeof actual !== 'object') return [`${what}: got ${JSON.stringify(actual)}`];
  const value = actual as Record<string, unknown>;
  return Object.entries(expected).flatMap(([key, v]) => mismatch(`${what}.${key}`, value[key], v));
}

/** A refusal answers no data: `data` is null or the operation's field is. */
function noData(r: Response, field: string): string[] {
  return r.data?.[field] == null ? [] : [`refused, but data.${field} was answered`];
}

function leaks(r: Response, secrets: string[]): string[] {
  const body = JSON.stringify(r);
  return secrets.filter((s) => body.includes(s)).map((s) => `response shows personal data "${s}"`);
}

describe('authorization matrix', () => {
  let h: Harness;
  let foreignKeys = '';
  const tokens = {} as Record<Column, string | undefined>;
  const rows: { name: string; expected: RowExpectation; cells: Partial<Record<Column, Cell>> }[] = [];
  const startedAt = Date.now();
  // Shared read-only targets, made in beforeAll.
  let readTicket = '';
  let filedA: Filed;
  let filedAnon: Filed;
  let filedConfidential: Filed;
  let filedB: Filed;
  let filedNoAgency: Filed;

  const admin = () => tokens.ADMIN_M;
  /** Each column moves tickets at its own counter of agency A (1 to 11). */
  const counterOf = (column: Column) => counterA(COLUMNS.indexOf(column) + 1);

  async function item(key: ItemKey): Promise<Record<string, unknown> | null> {
    const out = await h.table.client.send(new GetCommand({ TableName: h.table.tableName, Key: key }));
    return out.Item ?? null;
  }

  // --- tickets, prepared and read back by the mall's admin -------------------------------------------

  async function take(serviceId = SVC_A1): Promise<string> {
    return (await takeWithCode(serviceId)).id;
  }

  /** A ticket from the mall's kiosk, with the holder code that only this answer carries. */
  async function takeWithCode(serviceId = SVC_A1): Promise<{ id: string; holderCode: string }> {
    const { takeTicket } = await h.gql<{ takeTicket: { id: string; holderCode: string } }>(
      `mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id holderCode } }`,
      { input: { serviceId } },
      tokens.KIOSK_M,
    );
    return takeTicket;
  }

  async function viewTicket(id: string): Promise<TicketView> {
    return (await h.gql<{ ticket: TicketView }>(READ_TICKET, { id }, admin())).ticket;
  }

  async function adminMove(name: string, id: string): Promise<void> {
    await h.gql(moveTicket(name), { id }, admin());
  }

  type TicketState = 'WAITING' | 'CALLED' | 'RECALLED' | 'SERVING' | 'NO_SHOW';

  async function ticketIn(state: TicketState, counterId: string, serviceId = SVC_A1): Promise<string> {
    const id = await take(serviceId);
    if (state === 'WAITING') return id;
    await h.gql(CALL_TICKET, { id, counterId }, admin());
    if (state === 'CALLED') return id;
    if (state === 'SERVING') {
      await adminMove('startServing', id);
      return id;
    }
    await adminMove('recallTicket', id);
    if (state === 'NO_SHOW') await adminMove('markNoShow', id);
    return id;
  }

  /** Frees the counter and empties the queue again. */
  async function release(id: string): Promise<void> {
    const { status } = await viewTicket(id);
    if (status === 'WAITING' || status === 'CALLED') await adminMove('cancelTicket', id);
    if (status === 'SERVING') await adminMove('finishTicket', id);
  }

  async function ticketSnapshot(id: string, counterId: string) {
    const view = await viewTicket(id);
    return {
      ticket: await item(queueKeys.ticket(id)),
      counter: await item(queueKeys.counterState(counterId)),
      status: view.status,
      history: view.history.length,
      recallCount: view.recallCount,
    };
  }

  // --- complaints, prepared and read back by the mall's admin ----------------------------------------

  const complaintInput = (extra: Record<string, unknown> = {}) => ({
    mallId: MALL_M,
    category: 'COMPLAINT',
    agencyId: AGENCY_A,
    subject: 'Antrean loket terlalu lama',
    description: 'Saya menunggu dua jam tanpa kejelasan dari petugas loket.',
    reporter: REPORTER_A,
    ...extra,
  });

  type ComplaintState = 'RECEIVED' | 'VERIFIED' | 'ASSIGNED' | 'RESOLVED';

  async function complaintIn(
    state: ComplaintState,
    extra: Record<string, unknown> = {},
    assignTo = AGENCY_A,
  ): Promise<Filed> {
    const { submitComplaint: c } = await h.gql<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: complaintInput(extra),
    });
    const filed = { id: c.id, trackingCode: c.trackingCode };
    if (state === 'RECEIVED') return filed;
    await h.gql(VERIFY, { id: c.id }, admin());
    if (state === 'VERIFIED') return filed;
    await h.gql(ASSIGN, { id: c.id, agencyId: assignTo }, admin());
    if (state === 'ASSIGNED') return filed;
    await h.gql(RESPOND, { id: c.id, status: 'RESOLVED' }, admin());
    return filed;
  }

  /** The stored complaint item of an id, through its id pointer (the item is keyed by its code's hash). */
  async function complaintItemOf(id: string): Promise<Record<string, unknown> | null> {
    const pointer = await item(complaintKeys.byId(id));
    return pointer ? item(complaintKeys.complaint(String(pointer.codeKey))) : null;
  }

  async function complaintSnapshot(c: Filed) {
    const { complaint } = await h.gql<{ complaint: ComplaintView }>(
      BY_CODE,
      { code: c.trackingCode },
      admin(),
    );
    return {
      item: await complaintItemOf(c.id),
      status: complaint.status,
      timeline: complaint.timeline.length,
      rating: complaint.rating,
    };
  }

  async function complaintCount(): Promise<number> {
    let count = 0;
    let after: string | null = null;
    for (;;) {
      const page: ListingView = await h.gql<ListingView>(LISTING, { mallId: MALL_M, after }, admin());
      count += page.complaints.edges.length;
      if (!page.complaints.pageInfo.hasNextPage) return count;
      after = page.complaints.pageInfo.endCursor;
    }
  }

  // --- the matrix ------------------------------------------------------------------------------------

  /** One row: the operation for each column in turn, then every outcome and problem asserted at once. */
  function matrixRow(name: string, expected: RowExpectation, cell: (column: Column) => Promise<Cell>): void {
    const row = { name, expected, cells: {} as Partial<Record<Column, Cell>> };
    rows.push(row);
    it(name, async () => {
      for (const column of COLUMNS) {
        try {
          row.cells[column] = await cell(column);
        } catch (error) {
          row.cells[column] = { outcome: 'THREW', problems: [String(error)] };
        }
      }
      const outcomes = Object.fromEntries(COLUMNS.map((c) => [c, row.cells[c]?.outcome]));
      const problems = COLUMNS.flatMap((c) => (row.cells[c]?.problems ?? []).map((p) => `${c}: ${p}`));
      expect({ outcomes, problems }).toEqual({ outcomes: expected, problems: [] });
    });
  }

  /** A read: answered (and checked by `answered`) or refused with no data and nothing personal. */
  function readRow(
    name: string,
    query: string,
    variables: () => Record<string, unknown>,
    field: string,
    answered: (value: unknown, column: Column) => Promise<string[]> | string[],
    secrets: () => string[] = () => [],
  ): void {
    matrixRow(name, EXPECT.publicRead, async (column) => {
      const r = await h.raw(query, variables(), tokens[column]);
      const outcome = outcomeOf(r);
      const problems =
        outcome === 'ok'
          ? await answered(r.data?.[field], column)
          : [...noData(r, field), ...leaks(r, secrets())];
      return { outcome, problems };
    });
  }

  interface TicketRow {
    state: TicketState;
    serviceId?: string;
    /** Default: the column's own counter. */
    counterId?: string;
    operation: (id: string, counterId: string) => { query: string; variables: Record<string, unknown> };
    field: string;
    /** The fields an accepted move leaves on the ticket. */
    accepted: (id: string, counterId: string) => Record<string, unknown>;
  }

  function ticketRow(name: string, expected: RowExpectation, spec: TicketRow): void {
    matrixRow(name, expected, async (column) => {
      const counterId = spec.counterId ?? counterOf(column);
      const id = await ticketIn(spec.state, counterId, spec.serviceId);
      const before = await ticketSnapshot(id, counterId);
      const { query, variables } = spec.operation(id, counterId);
      const r = await h.raw(query, variables, tokens[column]);
      const outcome = outcomeOf(r);
      const problems =
        outcome === 'ok'
          ? matches(spec.field, r.data?.[spec.field], spec.accepted(id, counterId))
          : [
              ...noData(r, spec.field),
              ...mismatch('stored ticket/counter', await ticketSnapshot(id, counterId), before),
            ];
      await release(id);
      return { outcome, problems };
    });
  }

  interface ComplaintRow {
    state: ComplaintState;
    operation: (c: Filed) => { query: string; variables: Record<string, unknown> };
    field: string;
    /** The fields an accepted move leaves on the complaint. */
    accepted: Record<string, unknown>;
    /** Who may see the reporter unmasked in the answer; nobody else may see any of it. */
    seesReporter: Column[];
  }

  function complaintRow(name: string, expected: RowExpectation, spec: ComplaintRow): void {
    matrixRow(name, expected, async (column) => {
      const filed = await complaintIn(spec.state);
      const before = await complaintSnapshot(filed);
      const { query, variables } = spec.operation(filed);
      const r = await h.raw(query, variables, tokens[column]);
      const outcome = outcomeOf(r);
      const problems =
        outcome === 'ok'
          ? matches(spec.field, r.data?.[spec.field], { id: filed.id, ...spec.accepted })
          : [
              ...noData(r, spec.field),
              ...mismatch('stored complaint', await complaintSnapshot(filed), before),
            ];
      if (!spec.seesReporter.includes(column)) problems.push(...leaks(r, secretsOf(REPORTER_A)));
      return { outcome, problems };
    });
  }

  beforeAll(async () => {
    h = await createHarness(inject('dynamoEndpoint'), matrixCatalogs(), START);
    foreignKeys = await mkdtemp(join(tmpdir(), 'loket-foreign-keys-'));
    const foreign = await LocalIssuer.open(foreignKeys);
    tokens.PUBLIC = undefined;
    for (const column of [
      'OFFICER_A',
      'OFFICER_B',
      'OFFICER_X',
      'ADMIN_M',
      'ADMIN_X',
      'PARTNER_A',
      'KIOSK_M',
      'KIOSK_X',
    ] as const) {
      tokens[column] = await h.token(IDENTITIES[column]);
    }
    // The server checks expiry against real time, not the manual clock: issued two hours ago, valid for one.
    tokens.EXPIRED = await h.token(IDENTITIES.EXPIRED, {
      issuedAt: new Date(Date.now() - 2 * 3600_000),
      expiresInSeconds: 3600,
    });
    tokens.FOREIGN_KEY = await foreign.sign(IDENTITIES.FOREIGN_KEY);

    readTicket = await take(SVC_A2);
    filedA = await complaintIn('ASSIGNED');
    filedAnon = await complaintIn('ASSIGNED', { anonymous: true, reporter: REPORTER_ANON });
    filedConfidential = await complaintIn('ASSIGNED', {
      confidential: true,
      subject: 'Rahasia: pungutan di loket',
      description: 'Petugas meminta uang tambahan di luar tarif resmi layanan.',
    });
    filedB = await complaintIn('ASSIGNED', { agencyId: AGENCY_B, reporter: REPORTER_B }, AGENCY_B);
    filedNoAgency = await complaintIn('RECEIVED', { agencyId: null });
  });

  afterAll(async () => {
    const cellText = (row: (typeof rows)[number], column: Column) => {
      const cell = row.cells[column];
      if (!cell) return '-';
      const short =
        { ok: 'ok', UNAUTHENTICATED: 'UNAUTH', FORBIDDEN: 'FORBID' }[cell.outcome] ?? cell.outcome;
      return `${short}${cell.outcome === row.expected[column] ? '' : '!'}${cell.problems.length ? '*' : ''}`;
    };
    const width = Math.max(...rows.map((r) => r.name.length));
    const columnWidth = 9;
    const deviations = rows.flatMap((row) =>
      COLUMNS.filter((c) => row.cells[c]).flatMap((c) => {
        const cell = row.cells[c] as Cell;
        return cell.outcome === row.expected[c] && cell.problems.length === 0
          ? []
          : [
              `  ${row.name} × ${c}: expected ${row.expected[c]}, got ${cell.outcome}${cell.problems.map((p) => `\n    - ${p}`).join('')}`,
            ];
      }),
    );
    const cells = rows.reduce((n, row) => n + Object.keys(row.cells).length, 0);
    console.log(
      [
        `authorization matrix (${rows.length} rows × ${COLUMNS.length} callers = ${cells} cells run, ${deviations.length} deviating; ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
        `${''.padEnd(width)}  ${COLUMNS.map((c) => COLUMN_LABELS[c].padEnd(columnWidth)).join('')}`,
        ...rows.map(
          (row) =>
            `${row.name.padEnd(width)}  ${COLUMNS.map((c) => cellText(row, c).padEnd(columnWidth)).join('')}`,
        ),
        `legend: ! outcome differs from the rules, * refused cell changed something, answered data or leaked personal data`,
        ...(deviations.length ? ['deviations:', ...deviations] : []),
      ].join('\n'),
    );
    await h?.close();
    if (foreignKeys) await rm(foreignKeys, { recursive: true, force: true });
  });

  // --- public reads -----------------------------------------------------------------------------------

  readRow(
    'malls',
    '{ malls { id } }',
    () => ({}),
    'malls',
    (value) => {
      const ids = ((value ?? []) as { id: string }[]).map((m) => m.id);
      return [MALL_M, MALL_X].filter((id) => !ids.includes(id)).map((id) => `malls lacks ${id}`);
    },
  );

  readRow(
    'mall',
    'query($id: ID!) { mall(id: $id) { id agencies { id } } }',
    () => ({ id: MALL_M }),
    'mall',
    (value) =>
      mismatch(
        'mall agencies',
        ((value as { agencies?: { id: string }[] } | null)?.agencies ?? []).map((a) => a.id).sort(),
        [AGENCY_A, AGENCY_B].sort(),
      ),
  );

  readRow(
    'agency',
    'query($id: ID!) { agency(id: $id) { id mall { id } services { id } counters { id } } }',
    () => ({ id: AGENCY_A }),
    'agency',
    (value) => matches('agency', value, { id: AGENCY_A, mall: { id: MALL_M } }),
  );

  readRow(
    'service',
    'query($id: ID!) { service(id: $id) { id agency { id } queue { issued } } }',
    () => ({ id: SVC_A1 }),
    'service',
    (value) => matches('service', value, { id: SVC_A1, agency: { id: AGENCY_A } }),
  );

  readRow(
    'counter',
    'query($id: ID!) { counter(id: $id) { id agency { id } currentTicket { id } } }',
    () => ({ id: counterA(1) }),
    'counter',
    (value) => matches('counter', value, { id: counterA(1), agency: { id: AGENCY_A } }),
  );

  readRow(
    'ticket(id)',
    'query($id: ID!) { ticket(id: $id) { id number status position } }',
    () => ({ id: readTicket }),
    'ticket',
    (value) => matches('ticket', value, { id: readTicket, status: 'WAITING' }),
  );

  readRow(
    'complaint(trackingCode)',
    BY_CODE,
    () => ({ code: filedA.trackingCode }),
    'complaint',
    async (value, column) => {
      const staff = column === 'ADMIN_M' || column === 'OFFICER_A';
      const problems = matches('complaint', value, {
        id: filedA.id,
        // The reporter unmasked for the mall's admins and the assigned agency; masked for everyone else.
        reporter: staff ? REPORTER_A : masked(REPORTER_A),
      });
      // The anonymous complaint assigned to A: the reporter is the admins' alone.
      const anon = await h.raw(BY_CODE, { code: filedAnon.trackingCode }, tokens[column]);
      problems.push(
        ...mismatch('anonymous complaint: outcome', outcomeOf(anon), 'ok'),
        ...matches('anonymous complaint', anon.data?.complaint, {
          reporter: column === 'ADMIN_M' ? REPORTER_ANON : null,
        }),
      );
      if (column !== 'ADMIN_M') problems.push(...leaks(anon, secretsOf(REPORTER_ANON)));
      // The confidential complaint assigned to A: its content is for the admins and the assigned agency.
      const confidential = await h.raw(BY_CODE, { code: filedConfidential.trackingCode }, tokens[column]);
      const content = confidential.data?.complaint as ComplaintView | null | undefined;
      problems.push(
        ...mismatch('confidential complaint: outcome', outcomeOf(confidential), 'ok'),
        ...mismatch('confidential complaint: content shown', content?.subject != null, staff),
        ...mismatch('confidential complaint: description shown', content?.description != null, staff),
      );
      if (!staff) problems.push(...leaks(confidential, ['pungutan', 'uang tambahan']));
      return problems;
    },
    () => [...secretsOf(REPORTER_A), ...secretsOf(REPORTER_ANON)],
  );

  readRow(
    'me',
    '{ me { role mallId agencyId } }',
    () => ({}),
    'me',
    (value, column) => {
      if (column === 'PUBLIC') return mismatch('me', value, { role: 'PUBLIC', mallId: null, agencyId: null });
      const identity = IDENTITIES[column as Exclude<Column, 'PUBLIC'>];
      return mismatch('me', value, {
        role: identity.role,
        mallId: identity.mallId ?? null,
        agencyId: identity.agencyId ?? null,
      });
    },
  );

  // --- the staff listing --------------------------------------------------------------------------------

  /** Every node's agency is `agencyId`, `mustHave` are listed, and no one else's reporter shows. */
  function listedOnly(r: Response, agencyId: string | null, mustHave: Filed[], hidden: string[]): string[] {
    const nodes = (r.data as ListingView | null | undefined)?.complaints.edges.map((e) => e.node) ?? [];
    const ids = nodes.map((n) => n.id);
    return [
      ...(agencyId === null
        ? []
        : nodes
            .filter((n) => n.agency?.id !== agencyId)
            .map((n) => `listed ${n.id} of agency ${n.agency?.id ?? 'none'}, expected only ${agencyId}'s`)),
      ...mustHave.filter((c) => !ids.includes(c.id)).map((c) => `listing lacks complaint ${c.id}`),
      ...leaks(r, hidden),
    ];
  }

  matrixRow('complaints(mallId: M)', EXPECT.complaintsOfMall, async (column) => {
    const r = await h.raw(LISTING, { mallId: MALL_M }, tokens[column]);
    const outcome = outcomeOf(r);
    if (outcome !== 'ok')
      return { outcome, problems: [...noData(r, 'complaints'), ...leaks(r, secretsOf(REPORTER_A))] };
    const anon = secretsOf(REPORTER_ANON);
    switch (column) {
      case 'OFFICER_A': {
        // Narrowed to A with no agency named; naming A is the same; naming B is refused.
        const own = await h.raw(LISTING, { mallId: MALL_M, agencyId: AGENCY_A }, tokens[column]);
        const other = await h.raw(LISTING, { mallId: MALL_M, agencyId: AGENCY_B }, tokens[column]);
        const problems = [
          ...listedOnly(r, AGENCY_A, [filedA, filedAnon], [...secretsOf(REPORTER_B), ...anon]),
          ...mismatch('complaints(agencyId: A) outcome', outcomeOf(own), 'ok'),
          ...listedOnly(own, AGENCY_A, [filedA], [...secretsOf(REPORTER_B), ...anon]),
          ...mismatch('complaints(agencyId: B) outcome', outcomeOf(other), 'FORBIDDEN'),
          ...noData(other, 'complaints'),
          ...leaks(other, secretsOf(REPORTER_B)),
        ];
        return { outcome, problems };
      }
      case 'OFFICER_B':
        return { outcome, problems: listedOnly(r, AGENCY_B, [filedB], [...secretsOf(REPORTER_A), ...anon]) };
      case 'ADMIN_M':
        return { outcome, problems: listedOnly(r, null, [filedA, filedB, filedNoAgency], []) };
      default:
        return { outcome, problems: listedOnly(r, null, [], [...secretsOf(REPORTER_A), ...anon]) };
    }
  });

  matrixRow('complaints(agencyId: B)', EXPECT.complaintsOfAgencyB, async (column) => {
    const r = await h.raw(LISTING, { agencyId: AGENCY_B }, tokens[column]);
    const outcome = outcomeOf(r);
    if (outcome !== 'ok')
      return { outcome, problems: [...noData(r, 'complaints'), ...leaks(r, secretsOf(REPORTER_B))] };
    return { outcome, problems: listedOnly(r, AGENCY_B, [filedB], [...secretsOf(REPORTER_A)]) };
  });

  // --- queue mutations ----------------------------------------------------------------------------------

  matrixRow('takeTicket', EXPECT.takeTicket, async (column) => {
    const issued = async () =>
      (await h.gql<{ service: { queue: { issued: number } } }>(QUEUE_ISSUED, { id: SVC_A1 }, admin())).service
        .queue.issued;
    const before = await issued();
    const r = await h.raw(TAKE, { input: { serviceId: SVC_A1 } }, tokens[column]);
    const outcome = outcomeOf(r);
    const taken = r.data?.takeTicket as TicketView | null | undefined;
    const problems =
      outcome === 'ok'
        ? matches('takeTicket', taken, { status: 'WAITING', service: { id: SVC_A1 } })
        : [...noData(r, 'takeTicket'), ...mismatch('tickets issued', await issued(), before)];
    if (taken?.id) await release(taken.id);
    return { outcome, problems };
  });

  ticketRow('cancelTicket (id only)', EXPECT.cancelTicket, {
    state: 'WAITING',
    operation: (id) => ({ query: moveTicket('cancelTicket'), variables: { id } }),
    field: 'cancelTicket',
    accepted: () => ({ status: 'CANCELLED' }),
  });

  matrixRow('cancelTicket (holderCode)', EXPECT.cancelTicketWithHolderCode, async (column) => {
    const { id, holderCode } = await takeWithCode();
    const before = await ticketSnapshot(id, counterOf(column));
    const query = `mutation($id: ID!, $code: String) { cancelTicket(id: $id, holderCode: $code) { ${TICKET} } }`;
    // Another ticket's code opens nothing.
    const other = await takeWithCode();
    const wrong = await h.raw(query, { id, code: other.holderCode }, tokens[column]);
    const r = await h.raw(query, { id, code: holderCode }, tokens[column]);
    const outcome = outcomeOf(r);
    const problems = [
      ...(column === 'EXPIRED' || column === 'FOREIGN_KEY'
        ? []
        : mismatch('wrong holder code', outcomeOf(wrong), 'FORBIDDEN')),
      ...(outcome === 'ok'
        ? matches('cancelTicket', r.data?.cancelTicket, { id, status: 'CANCELLED' })
        : [
            ...noData(r, 'cancelTicket'),
            ...mismatch('stored ticket', await ticketSnapshot(id, counterOf(column)), before),
          ]),
    ];
    await release(id);
    await release(other.id);
    return { outcome, problems };
  });

  ticketRow('Counter.waiting', EXPECT.consoleRead, {
    state: 'WAITING',
    serviceId: SVC_A3,
    counterId: CALL_NEXT_COUNTER,
    operation: (_id, counterId) => ({
      query: `query($counterId: ID!) { counter(id: $counterId) { id waiting(first: 5) { id status } } }`,
      variables: { counterId },
    }),
    field: 'counter',
    accepted: (id, counterId) => ({ id: counterId, waiting: [{ id, status: 'WAITING' }] }),
  });

  ticketRow('Queue.noShows', EXPECT.consoleRead, {
    state: 'NO_SHOW',
    serviceId: SVC_A3,
    counterId: CALL_NEXT_COUNTER,
    operation: () => ({
      query: `query($id: ID!) { service(id: $id) { id queue { noShows(first: 1) { status } } } }`,
      variables: { id: SVC_A3 },
    }),
    field: 'service',
    accepted: () => ({ id: SVC_A3, queue: { noShows: [{ status: 'NO_SHOW' }] } }),
  });

  // One counter serves only service 3, so call-next can only find the ticket each cell put there.
  ticketRow('callNextTicket', EXPECT.queueMove, {
    state: 'WAITING',
    serviceId: SVC_A3,
    counterId: CALL_NEXT_COUNTER,
    operation: (_id, counterId) => ({ query: CALL_NEXT, variables: { counterId } }),
    field: 'callNextTicket',
    accepted: (id, counterId) => ({ id, status: 'CALLED', counter: { id: counterId } }),
  });

  ticketRow('callTicket', EXPECT.queueMove, {
    state: 'WAITING',
    operation: (id, counterId) => ({ query: CALL_TICKET, variables: { id, counterId } }),
    field: 'callTicket',
    accepted: (_id, counterId) => ({ status: 'CALLED', counter: { id: counterId } }),
  });

  ticketRow('recallTicket', EXPECT.queueMove, {
    state: 'CALLED',
    operation: (id) => ({ query: moveTicket('recallTicket'), variables: { id } }),
    field: 'recallTicket',
    accepted: () => ({ status: 'CALLED', recallCount: 1 }),
  });

  ticketRow('startServing', EXPECT.queueMove, {
    state: 'CALLED',
    operation: (id) => ({ query: moveTicket('startServing'), variables: { id } }),
    field: 'startServing',
    accepted: () => ({ status: 'SERVING' }),
  });

  ticketRow('finishTicket', EXPECT.queueMove, {
    state: 'SERVING',
    operation: (id) => ({ query: moveTicket('finishTicket'), variables: { id } }),
    field: 'finishTicket',
    accepted: () => ({ status: 'DONE' }),
  });

  ticketRow('markNoShow', EXPECT.queueMove, {
    state: 'RECALLED',
    operation: (id) => ({ query: moveTicket('markNoShow'), variables: { id } }),
    field: 'markNoShow',
    accepted: () => ({ status: 'NO_SHOW' }),
  });

  ticketRow('reactivateTicket', EXPECT.queueMove, {
    state: 'NO_SHOW',
    operation: (id) => ({ query: moveTicket('reactivateTicket'), variables: { id } }),
    field: 'reactivateTicket',
    accepted: () => ({ status: 'WAITING' }),
  });

  ticketRow('transferTicket', EXPECT.queueMove, {
    state: 'CALLED',
    operation: (id) => ({ query: TRANSFER, variables: { id, to: SVC_A2 } }),
    field: 'transferTicket',
    accepted: () => ({ status: 'WAITING', service: { id: SVC_A2 }, counter: null }),
  });

  // --- complaint mutations ------------------------------------------------------------------------------

  matrixRow('submitComplaint', EXPECT.publicMutation, async (column) => {
    const before = await complaintCount();
    const r = await h.raw(SUBMIT, { input: complaintInput() }, tokens[column]);
    const outcome = outcomeOf(r);
    const problems =
      outcome === 'ok'
        ? matches('submitComplaint', r.data?.submitComplaint, {
            status: 'RECEIVED',
            agency: { id: AGENCY_A },
          })
        : [
            ...noData(r, 'submitComplaint'),
            ...mismatch('complaints of the mall', await complaintCount(), before),
          ];
    if (column !== 'ADMIN_M') problems.push(...leaks(r, secretsOf(REPORTER_A)));
    return { outcome, problems };
  });

  complaintRow('verifyComplaint', EXPECT.manageComplaint, {
    state: 'RECEIVED',
    operation: (c) => ({ query: VERIFY, variables: { id: c.id } }),
    field: 'verifyComplaint',
    accepted: { status: 'VERIFIED' },
    seesReporter: ['ADMIN_M'],
  });

  complaintRow('assignComplaint', EXPECT.manageComplaint, {
    state: 'VERIFIED',
    operation: (c) => ({ query: ASSIGN, variables: { id: c.id, agencyId: AGENCY_A } }),
    field: 'assignComplaint',
    accepted: { status: 'ASSIGNED', agency: { id: AGENCY_A } },
    seesReporter: ['ADMIN_M'],
  });

  complaintRow('rejectComplaint', EXPECT.manageComplaint, {
    state: 'RECEIVED',
    operation: (c) => ({ query: REJECT, variables: { id: c.id } }),
    field: 'rejectComplaint',
    accepted: { status: 'REJECTED' },
    seesReporter: ['ADMIN_M'],
  });

  complaintRow('respondToComplaint (assigned A)', EXPECT.respondToComplaint, {
    state: 'ASSIGNED',
    operation: (c) => ({ query: RESPOND, variables: { id: c.id, status: 'IN_PROGRESS' } }),
    field: 'respondToComplaint',
    accepted: { status: 'IN_PROGRESS' },
    seesReporter: ['ADMIN_M', 'OFFICER_A'],
  });

  complaintRow('replyToComplaint', EXPECT.publicMutation, {
    state: 'RESOLVED',
    operation: (c) => ({ query: REPLY, variables: { code: c.trackingCode } }),
    field: 'replyToComplaint',
    accepted: { status: 'IN_PROGRESS' },
    seesReporter: ['ADMIN_M', 'OFFICER_A'],
  });

  complaintRow('rateComplaint', EXPECT.publicMutation, {
    state: 'RESOLVED',
    operation: (c) => ({ query: RATE, variables: { code: c.trackingCode } }),
    field: 'rateComplaint',
    accepted: { status: 'RESOLVED', rating: 4 },
    seesReporter: ['ADMIN_M', 'OFFICER_A'],
  });

  // --- online booking (agency A's service 2 takes bookings) ------------------------------------------

  const APPOINTMENT = 'id code status nikMasked service { id } ticket { id }';
  const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${APPOINTMENT} } }`;
  const FIND = `query($code: String!, $last4: String!) { appointment(code: $code, nikLast4: $last4) { ${APPOINTMENT} } }`;
  const CANCEL_BOOKING = `mutation($code: String!, $last4: String!) {
    cancelAppointment(code: $code, nikLast4: $last4) { ${APPOINTMENT} } }`;
  const CHECK_IN = `mutation($code: String!, $last4: String!) {
    checkInAppointment(code: $code, nikLast4: $last4) { ${TICKET} appointment { id status } } }`;
  const DAY_BOOKINGS = `query($id: ID!, $date: Date!) {
    appointments(serviceId: $id, date: $date, first: 100) { edges { node { id code nikMasked } } } }`;
  const BOOKING_PHONE = '081399900000';
  let bookingSerial = 0;

  /**
   * A booking of SVC_A2 with a NIK of its own: of the next half-hour slot (within its check-in window), or
   * `later` slots after it.
   */
  async function booking(later = 0): Promise<{ id: string; code: string; nik: string; last4: string }> {
    const now = h.clock.now().getTime();
    const startsAt = new Date((Math.ceil(now / 1_800_000) + later) * 1_800_000).toISOString();
    const nik = `180204150890${String(++bookingSerial).padStart(4, '0')}`;
    const { bookAppointment: a } = await h.gql<{ bookAppointment: { id: string; code: string } }>(BOOK, {
      input: { serviceId: SVC_A2, startsAt, nik, phone: BOOKING_PHONE },
    });
    return { id: a.id, code: a.code, nik, last4: nik.slice(-4) };
  }

  const maskedNik = (last4: string) => `************${last4}`;

  matrixRow('bookAppointment', EXPECT.publicMutation, async (column) => {
    const nik = `180204150890${String(++bookingSerial).padStart(4, '0')}`;
    const startsAt = new Date(Math.ceil(h.clock.now().getTime() / 1_800_000) * 1_800_000).toISOString();
    const r = await h.raw(
      BOOK,
      { input: { serviceId: SVC_A2, startsAt, nik, phone: BOOKING_PHONE } },
      tokens[column],
    );
    const outcome = outcomeOf(r);
    const problems =
      outcome === 'ok'
        ? matches('bookAppointment', r.data?.bookAppointment, {
            status: 'BOOKED',
            nikMasked: maskedNik(nik.slice(-4)),
          })
        : noData(r, 'bookAppointment');
    return { outcome, problems: [...problems, ...leaks(r, [nik, BOOKING_PHONE])] };
  });

  matrixRow('appointment(code, nikLast4)', EXPECT.publicRead, async (column) => {
    const b = await booking();
    const r = await h.raw(FIND, { code: b.code, last4: b.last4 }, tokens[column]);
    const outcome = outcomeOf(r);
    const problems =
      outcome === 'ok'
        ? matches('appointment', r.data?.appointment, {
            id: b.id,
            code: b.code,
            nikMasked: maskedNik(b.last4),
          })
        : noData(r, 'appointment');
    return { outcome, problems: [...problems, ...leaks(r, [b.nik, BOOKING_PHONE])] };
  });

  matrixRow('cancelAppointment', EXPECT.publicMutation, async (column) => {
    const b = await booking(1); // cancelled before its slot starts
    const before = await item(bookingKeys.appointment(b.id));
    const r = await h.raw(CANCEL_BOOKING, { code: b.code, last4: b.last4 }, tokens[column]);
    const outcome = outcomeOf(r);
    const problems =
      outcome === 'ok'
        ? matches('cancelAppointment', r.data?.cancelAppointment, { id: b.id, status: 'CANCELLED' })
        : [
            ...noData(r, 'cancelAppointment'),
            ...mismatch('stored appointment', await item(bookingKeys.appointment(b.id)), before),
          ];
    return { outcome, problems: [...problems, ...leaks(r, [b.nik, BOOKING_PHONE])] };
  });

  matrixRow('checkInAppointment', EXPECT.takeTicket, async (column) => {
    const b = await booking();
    const before = await item(bookingKeys.appointment(b.id));
    const r = await h.raw(CHECK_IN, { code: b.code, last4: b.last4 }, tokens[column]);
    const outcome = outcomeOf(r);
    const answer = r.data?.checkInAppointment as (TicketView & { appointment: unknown }) | undefined;
    const problems =
      outcome === 'ok'
        ? matches('checkInAppointment', answer, {
            status: 'WAITING',
            // An officer of agency B may check a citizen in, but sees nothing of agency A's booking.
            appointment: column === 'OFFICER_B' ? null : { id: b.id, status: 'CHECKED_IN' },
          })
        : [
            ...noData(r, 'checkInAppointment'),
            ...mismatch('stored appointment', await item(bookingKeys.appointment(b.id)), before),
          ];
    if (answer?.id) await adminMove('cancelTicket', answer.id);
    return { outcome, problems: [...problems, ...leaks(r, [b.nik, BOOKING_PHONE])] };
  });

  matrixRow('appointments(serviceId, date)', EXPECT.consoleRead, async (column) => {
    const b = await booking();
    const date = new Date(h.clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const r = await h.raw(DAY_BOOKINGS, { id: SVC_A2, date }, tokens[column]);
    const outcome = outcomeOf(r);
    const page = r.data?.appointments as
      | { edges: { node: { id: string; code: string; nikMasked: string } }[] }
      | undefined;
    const mine = page?.edges.find((e) => e.node.id === b.id)?.node;
    const problems =
      outcome === 'ok'
        ? mismatch('listed booking', mine, {
            id: b.id,
            code: '****-****-****-*',
            nikMasked: maskedNik(b.last4),
          })
        : noData(r, 'appointments');
    return { outcome, problems: [...problems, ...leaks(r, [b.nik, b.code, BOOKING_PHONE])] };
  });

  // --- the complaint desk (docs/domain-rules.md, 'Complaint desk') ---------------------------------------

  /** `ok` for the named callers, `refused` for the other valid ones, UNAUTHENTICATED for PUBLIC and bad tokens. */
  const deskRow = (ok: Column[], refused: Outcome): RowExpectation =>
    Object.fromEntries(
      COLUMNS.map((c) => [
        c,
        c === 'PUBLIC' || c === 'EXPIRED' || c === 'FOREIGN_KEY'
          ? 'UNAUTHENTICATED'
          : ok.includes(c)
            ? 'ok'
            : refused,
      ]),
    ) as RowExpectation;

  complaintRow('reassignComplaint (assigned A, to B)', deskRow(['ADMIN_M'], 'FORBIDDEN'), {
    state: 'ASSIGNED',
    operation: (c) => ({
      query: `mutation($id: ID!, $agencyId: ID!) { reassignComplaint(id: $id, agencyId: $agencyId, reason: "Wewenang instansi B.") { ${COMPLAINT} } }`,
      variables: { id: c.id, agencyId: AGENCY_B },
    }),
    field: 'reassignComplaint',
    accepted: { status: 'ASSIGNED', agency: { id: AGENCY_B } },
    seesReporter: ['ADMIN_M'],
  });

  // Only the agency it is assigned to hands it back; the mall reassigns instead.
  complaintRow('returnComplaint (assigned A)', deskRow(['OFFICER_A'], 'FORBIDDEN'), {
    state: 'ASSIGNED',
    operation: (c) => ({
      query: `mutation($id: ID!) { returnComplaint(id: $id, reason: "Bukan wewenang kami.") { ${COMPLAINT} } }`,
      variables: { id: c.id },
    }),
    field: 'returnComplaint',
    accepted: { status: 'VERIFIED' },
    // Once returned, agency A is no longer assigned: it sees the reporter masked in the answer.
    seesReporter: [],
  });

  complaintRow('eraseReporter (assigned A)', deskRow(['ADMIN_M'], 'FORBIDDEN'), {
    state: 'ASSIGNED',
    operation: (c) => ({
      query: `mutation($id: ID!) { eraseReporter(id: $id) { ${COMPLAINT} } }`,
      variables: { id: c.id },
    }),
    field: 'eraseReporter',
    accepted: { status: 'ASSIGNED', reporter: null },
    seesReporter: [],
  });

  matrixRow('complaints(mallId: M, overdue: true)', EXPECT.complaintsOfMall, async (column) => {
    const r = await h.raw(
      `query($mallId: ID) { complaints(mallId: $mallId, overdue: true, first: 100) { edges { node { id agency { id } reporter { name phone nik } } } pageInfo { hasNextPage endCursor } } }`,
      { mallId: MALL_M },
      tokens[column],
    );
    const outcome = outcomeOf(r);
    if (outcome !== 'ok')
      return { outcome, problems: [...noData(r, 'complaints'), ...leaks(r, secretsOf(REPORTER_A))] };
    // Nothing of the matrix is past its deadline on the day it was filed.
    return {
      outcome,
      problems: listedOnly(
        r,
        column === 'ADMIN_M' ? null : (IDENTITIES[column as Exclude<Column, 'PUBLIC'>].agencyId ?? null),
        [],
        [...secretsOf(REPORTER_A), ...secretsOf(REPORTER_B)],
      ),
    };
  });
});

/**
 * The figures and the survey (issue 12), as a block of their own with its own table: an agency's
 * figures for ADMIN of the mall, OFFICER and PARTNER of the agency; a mall's figures for its ADMIN;
 * its satisfaction index for everyone; a survey by the holder code, or without it from the mall's
 * kiosk or the agency's officer. A refused survey stores nothing.
 */
describe('authorization matrix: figures and the survey', () => {
  let h: Harness;
  let foreignKeys = '';
  const tokens = {} as Record<Column, string | undefined>;
  const DAY = '2026-12-01';
  const COUNTER = counterA(11);
  const only = (ok: Column[], refused: Outcome): RowExpectation =>
    Object.fromEntries(
      COLUMNS.map((c) => [
        c,
        c === 'EXPIRED' || c === 'FOREIGN_KEY'
          ? 'UNAUTHENTICATED'
          : ok.includes(c)
            ? 'ok'
            : c === 'PUBLIC'
              ? 'UNAUTHENTICATED'
              : refused,
      ]),
    ) as RowExpectation;
  /** Every valid caller, the public included, gets `outcome`. */
  const everyone = (outcome: Outcome) => ({ ...only([], outcome), PUBLIC: outcome });
  const answers = [
    'PERSYARATAN',
    'PROSEDUR',
    'WAKTU',
    'BIAYA',
    'PRODUK',
    'KOMPETENSI',
    'PERILAKU',
    'PENGADUAN',
    'SARANA',
  ].map((element) => ({ element, score: 3 }));

  beforeAll(async () => {
    h = await createHarness(inject('dynamoEndpoint'), matrixCatalogs(), START);
    foreignKeys = await mkdtemp(join(tmpdir(), 'loket-foreign-keys-'));
    const foreign = await LocalIssuer.open(foreignKeys);
    for (const column of COLUMNS) {
      if (column === 'PUBLIC' || column === 'EXPIRED' || column === 'FOREIGN_KEY') continue;
      tokens[column] = await h.token(IDENTITIES[column]);
    }
    tokens.EXPIRED = await h.token(IDENTITIES.EXPIRED, {
      issuedAt: new Date(Date.now() - 2 * 3600_000),
      expiresInSeconds: 3600,
    });
    tokens.FOREIGN_KEY = await foreign.sign(IDENTITIES.FOREIGN_KEY);
  });

  afterAll(async () => {
    await h?.close();
    if (foreignKeys) await rm(foreignKeys, { recursive: true, force: true });
  });

  /** A served ticket of agency A, and its holder code. */
  async function doneTicket(): Promise<{ id: string; holderCode: string }> {
    const { takeTicket } = await h.gql<{ takeTicket: { id: string; holderCode: string } }>(
      `mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id holderCode } }`,
      { input: { serviceId: SVC_A1 } },
      tokens.KIOSK_M,
    );
    const admin = tokens.ADMIN_M;
    await h.gql(CALL_TICKET, { id: takeTicket.id, counterId: COUNTER }, admin);
    await h.gql(moveTicket('startServing'), { id: takeTicket.id }, admin);
    await h.gql(moveTicket('finishTicket'), { id: takeTicket.id }, admin);
    return takeTicket;
  }

  function row(name: string, expected: RowExpectation, cell: (column: Column) => Promise<Cell>): void {
    it(name, async () => {
      const cells: Partial<Record<Column, Cell>> = {};
      for (const column of COLUMNS) {
        try {
          cells[column] = await cell(column);
        } catch (error) {
          cells[column] = { outcome: 'THREW', problems: [String(error)] };
        }
      }
      const outcomes = Object.fromEntries(COLUMNS.map((c) => [c, cells[c]?.outcome]));
      const problems = COLUMNS.flatMap((c) => (cells[c]?.problems ?? []).map((p) => `${c}: ${p}`));
      expect({ outcomes, problems }).toEqual({ outcomes: expected, problems: [] });
    });
  }

  const read = (name: string, query: string, field: string, expected: RowExpectation) =>
    row(name, expected, async (column) => {
      const r = await h.raw(query, { from: DAY, to: DAY }, tokens[column]);
      const outcome = outcomeOf(r);
      return { outcome, problems: outcome === 'ok' ? [] : noData(r, field) };
    });

  read(
    'Agency.figures',
    `query($from: Date!, $to: Date!) { agency(id: "${AGENCY_A}") { figures(from: $from, to: $to) { days { issued } } } }`,
    'agency',
    only(['ADMIN_M', 'OFFICER_A', 'PARTNER_A'], 'FORBIDDEN'),
  );
  read(
    'Mall.figures',
    `query($from: Date!, $to: Date!) { mall(id: "${MALL_M}") { figures(from: $from, to: $to) { complaints { received } } } }`,
    'mall',
    only(['ADMIN_M'], 'FORBIDDEN'),
  );
  read(
    'Mall.satisfaction',
    `query($from: Date!, $to: Date!) { mall(id: "${MALL_M}") { satisfaction(from: $from, to: $to) { responses ikm } } }`,
    'mall',
    only([...COLUMNS], 'FORBIDDEN'),
  );

  const SURVEY = `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { ticket { id } } }`;
  const survey = (name: string, expected: RowExpectation, code: (holderCode: string) => string | null) =>
    row(name, expected, async (column) => {
      const ticket = await doneTicket();
      const holderCode = code(ticket.holderCode);
      const r = await h.raw(
        SURVEY,
        { input: { ticketId: ticket.id, answers, ...(holderCode === null ? {} : { holderCode }) } },
        tokens[column],
      );
      const outcome = outcomeOf(r);
      const stored = await h.table.client.send(
        new GetCommand({ TableName: h.table.tableName, Key: { pk: `SURVEY#${ticket.id}`, sk: 'SURVEY' } }),
      );
      const problems =
        outcome === 'ok'
          ? stored.Item
            ? []
            : ['answered ok but stored no survey']
          : [...noData(r, 'submitSurvey'), ...(stored.Item ? ['refused but stored a survey'] : [])];
      return { outcome, problems };
    });

  survey(
    'submitSurvey from the counter tablet (no holder code)',
    only(['KIOSK_M', 'OFFICER_A'], 'FORBIDDEN'),
    () => null,
  );
  survey('submitSurvey with the holder code', only([...COLUMNS], 'FORBIDDEN'), (code) => code);
  survey(
    'submitSurvey with a wrong holder code',
    { ...everyone('FORBIDDEN'), EXPIRED: 'UNAUTHENTICATED', FOREIGN_KEY: 'UNAUTHENTICATED' },
    () => 'AAAA-BBBB-CCCC-DDDD',
  );
});

/**
 * Administration and machine clients (docs/domain-rules.md, 'Administration and machine clients'): the
 * admin mutations and queries for staff tokens and for KIOSK and PARTNER machine tokens (registered
 * clients signing their own ES256 tokens), a revoked client's token and a forged one (a registered id,
 * another key). A refused cell changes nothing in the table (its digest is the same before and after).
 */
describe('authorization matrix: administration and machine clients', () => {
  const ADMIN_COLUMNS = [
    'PUBLIC',
    'OFFICER_A',
    'ADMIN_M',
    'ADMIN_X',
    'KIOSK_M',
    'KIOSK_X',
    'PARTNER_A',
    'PARTNER_B',
    'REVOKED',
    'FORGED',
  ] as const;
  type AdminColumn = (typeof ADMIN_COLUMNS)[number];
  type AdminRow = Record<AdminColumn, Outcome>;
  const ok = (...columns: AdminColumn[]): AdminRow => {
    const cells = Object.fromEntries(ADMIN_COLUMNS.map((c) => [c, 'FORBIDDEN'])) as AdminRow;
    for (const c of columns) cells[c] = 'ok';
    return {
      ...cells,
      PUBLIC: columns.includes('PUBLIC') ? 'ok' : 'UNAUTHENTICATED',
      REVOKED: 'UNAUTHENTICATED',
      FORGED: 'UNAUTHENTICATED',
    };
  };

  let h: Harness;
  const tokens: Partial<Record<AdminColumn, string>> = {};
  const results: { name: string; cells: Record<string, string> }[] = [];
  let adminToken = '';

  const REGISTER = `mutation($input: RegisterMachineClientInput!) { registerMachineClient(input: $input) { id } }`;

  async function tableDigest(): Promise<string> {
    const lines: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await h.table.client.send(
        new ScanCommand({ TableName: h.table.tableName, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      for (const item of page.Items ?? []) lines.push(JSON.stringify(item, Object.keys(item).sort()));
      start = page.LastEvaluatedKey;
    } while (start);
    return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
  }

  /** Registers a client through the API and returns a token it signs, with its id. */
  async function machine(kind: 'KIOSK' | 'PARTNER', mallId: string, agencyId: string | null, admin: string) {
    const pair = await newMachineKeyPair();
    const r = await h.gql<{ registerMachineClient: { id: string } }>(
      REGISTER,
      {
        input: {
          kind,
          name: `${kind} ${mallId}`,
          mallId,
          agencyId,
          publicKeyJwk: JSON.stringify(pair.publicJwk),
        },
      },
      admin,
    );
    const id = r.registerMachineClient.id;
    return { id, token: await signMachineToken(id, pair.privateJwk), privateJwk: pair.privateJwk };
  }

  beforeAll(async () => {
    h = await createHarness(inject('dynamoEndpoint'), matrixCatalogs(), START);
    adminToken = await h.token({ role: 'ADMIN', mallId: MALL_M });
    const adminX = await h.token({ role: 'ADMIN', mallId: MALL_X });
    tokens.OFFICER_A = await h.token({ role: 'OFFICER', mallId: MALL_M, agencyId: AGENCY_A });
    tokens.ADMIN_M = adminToken;
    tokens.ADMIN_X = adminX;
    tokens.KIOSK_M = (await machine('KIOSK', MALL_M, null, adminToken)).token;
    tokens.KIOSK_X = (await machine('KIOSK', MALL_X, null, adminX)).token;
    tokens.PARTNER_A = (await machine('PARTNER', MALL_M, AGENCY_A, adminToken)).token;
    tokens.PARTNER_B = (await machine('PARTNER', MALL_M, AGENCY_B, adminToken)).token;
    const revoked = await machine('KIOSK', MALL_M, null, adminToken);
    await h.gql(`mutation($id: ID!) { revokeMachineClient(id: $id) { id } }`, { id: revoked.id }, adminToken);
    tokens.REVOKED = revoked.token;
    const forger = await newMachineKeyPair();
    const victim = await machine('KIOSK', MALL_M, null, adminToken);
    tokens.FORGED = await signMachineToken(victim.id, forger.privateJwk);
  });

  afterAll(async () => {
    const width = Math.max(...results.map((r) => r.name.length));
    console.log(
      [
        `authorization matrix, administration (${results.length} rows × ${ADMIN_COLUMNS.length} callers)`,
        `${''.padEnd(width)}  ${ADMIN_COLUMNS.map((c) => c.padEnd(17)).join('')}`,
        ...results.map(
          (r) =>
            `${r.name.padEnd(width)}  ${ADMIN_COLUMNS.map((c) => (r.cells[c] ?? '').padEnd(17)).join('')}`,
        ),
      ].join('\n'),
    );
    await h?.close();
  });

  /**
   * One row: `prepare` (as the admin, outside the cell) gives the variables, then the caller runs `query`.
   * Cells that are refused must leave the table as it was and answer no data.
   */
  function adminRow(
    name: string,
    expected: AdminRow,
    query: string,
    prepare: (column: AdminColumn, n: number) => Promise<Record<string, unknown>>,
  ) {
    it(name, async () => {
      const cells: Record<string, string> = {};
      const problems: string[] = [];
      let n = 0;
      for (const column of ADMIN_COLUMNS) {
        const variables = await prepare(column, n++);
        h.clock.advance(1_000);
        const before = await tableDigest();
        const r = await h.raw<Record<string, unknown>>(query, variables, tokens[column]);
        const outcome = outcomeOf(r as Response);
        cells[column] = outcome;
        if (outcome !== 'ok') {
          if (r.data && Object.values(r.data).some((v) => v !== null))
            problems.push(`${column}: refused but answered data`);
          if ((await tableDigest()) !== before) problems.push(`${column}: refused but changed the table`);
        }
      }
      results.push({ name, cells });
      expect(cells).toEqual(expected);
      expect(problems).toEqual([]);
    });
  }

  const agencyInput = (n: number) => ({
    mallId: MALL_M,
    slug: `baru-${n}`,
    name: `Dinas Baru ${n}`,
    kind: 'REGIONAL',
  });
  const serviceInput = (n: number) => ({
    agencyId: AGENCY_A,
    slug: `layanan-${n}`,
    code: `L${n}`,
    name: `Layanan ${n}`,
    ticketPrefix: `L${n}`,
    requirements: ['KTP'],
    procedure: ['Ambil antrean'],
    processingTime: '1 hari',
    feeAmount: 0,
    product: 'Surat',
    legalBasis: ['Perda 1/2026'],
    averageServiceMinutes: 10,
  });
  const exception = (scopeId: string, n: number) => ({
    input: {
      scopeId,
      date: `2026-12-${String(10 + n).padStart(2, '0')}`,
      intervals: [],
      reason: 'Gangguan sistem',
    },
  });
  const SET = `mutation($input: ScheduleExceptionInput!) { setScheduleException(input: $input) { timeZone } }`;
  const REMOVE = `mutation($scopeId: ID!, $date: Date!) { removeScheduleException(scopeId: $scopeId, date: $date) { timeZone } }`;

  adminRow(
    'upsertAgency (mall M)',
    ok('ADMIN_M'),
    `mutation($input: AgencyInput!) { upsertAgency(input: $input) { id } }`,
    async (_c, n) => ({
      input: agencyInput(n),
    }),
  );
  adminRow(
    'upsertService (agency A)',
    ok('ADMIN_M'),
    `mutation($input: ServiceInput!) { upsertService(input: $input) { id } }`,
    async (_c, n) => ({
      input: serviceInput(n),
    }),
  );
  adminRow(
    'upsertCounter (agency A)',
    ok('ADMIN_M'),
    `mutation($input: CounterInput!) { upsertCounter(input: $input) { id } }`,
    async (_c, n) => ({
      input: { agencyId: AGENCY_A, slug: `baru-${n}`, name: `Loket Baru ${n}`, serviceIds: [SVC_A1] },
    }),
  );
  adminRow('setScheduleException (agency A)', ok('ADMIN_M', 'PARTNER_A'), SET, async (_c, n) =>
    exception(AGENCY_A, n),
  );
  adminRow('setScheduleException (mall M)', ok('ADMIN_M'), SET, async (_c, n) => exception(MALL_M, n));
  adminRow('removeScheduleException (agency A)', ok('ADMIN_M', 'PARTNER_A'), REMOVE, async (_c, n) => {
    const { input } = exception(AGENCY_A, n);
    await h.gql(SET, { input }, adminToken);
    return { scopeId: AGENCY_A, date: input.date };
  });
  adminRow('registerMachineClient (mall M)', ok('ADMIN_M'), REGISTER, async () => ({
    input: {
      kind: 'KIOSK',
      name: 'Kiosk',
      mallId: MALL_M,
      publicKeyJwk: JSON.stringify((await newMachineKeyPair()).publicJwk),
    },
  }));
  adminRow(
    'revokeMachineClient (a kiosk of M)',
    ok('ADMIN_M'),
    `mutation($id: ID!) { revokeMachineClient(id: $id) { id } }`,
    async () => ({
      id: (await machine('KIOSK', MALL_M, null, adminToken)).id,
    }),
  );
  adminRow(
    'machineClients (mall M)',
    ok('ADMIN_M'),
    `query($m: ID!) { machineClients(mallId: $m) { id } }`,
    async () => ({ m: MALL_M }),
  );
  adminRow(
    'auditLog (mall M)',
    ok('ADMIN_M'),
    `query($m: ID!) { auditLog(mallId: $m) { edges { node { action } } } }`,
    async () => ({
      m: MALL_M,
    }),
  );
  adminRow(
    'takeTicket (mall M) by machine tokens',
    ok('OFFICER_A', 'ADMIN_M', 'KIOSK_M'),
    `mutation($s: ID!) { takeTicket(input: { serviceId: $s }) { id } }`,
    async () => ({ s: SVC_A1 }),
  );
  adminRow(
    'me',
    { ...ok('PUBLIC', 'OFFICER_A', 'ADMIN_M', 'ADMIN_X', 'KIOSK_M', 'KIOSK_X', 'PARTNER_A', 'PARTNER_B') },
    `{ me { role } }`,
    async () => ({}),
  );
});
