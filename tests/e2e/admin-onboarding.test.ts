/**
 * A new admin onboards an agency with only the API, over HTTP against `npm start`'s server: Kantor
 * Imigrasi with its passport services, a counter and its hours; a kiosk registered with
 * `npm run machine-client` takes a ticket with a token from `npm run token -- --client`, an officer calls
 * and finishes it; the agency is closed tomorrow with an exception; the audit log shows every change. Then
 * the server restarts on the same data directory and keeps what the API made (docs/domain-rules.md,
 * 'Administration and machine clients').
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, type RunningServer, startLocalServer } from '../support/local-server.js';
import { ADMIN_OPERATIONS } from '../support/operations.js';

const MALL = 'lampung-tengah';
const IMIGRASI = `${MALL}:imigrasi`;
const PASPOR = `${IMIGRASI}:paspor-baru`;
/** Tuesday 1 December 2026, 09:00 WIB: the mall is open. */
const CLOCK = '2026-12-01T09:00:00+07:00';
const run = promisify(execFile);

/** Runs an npm script with the server's data dir and port; its stdout. */
async function npm(dataDir: string, port: number, args: string[]): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', ...args], {
    env: { ...process.env, LOKET_DATA_DIR: dataDir, PORT: String(port) },
  });
  return stdout.trim();
}

describe('an admin onboards Kantor Imigrasi through the API, over HTTP', () => {
  let server: RunningServer;
  let dataDir: string;
  let admin: Record<string, string>;
  /** The kiosk's id and token, once registered. */
  let kioskId = '';
  let kioskToken = '';
  /** What the server answered, in order: the walk of the closing report. */
  const walk: string[] = [];

  async function call<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
    const r = await postGraphQL<T>(server.url, query, variables, headers);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data as T;
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loket-onboard-'));
    server = await startLocalServer({ LOKET_CLOCK: CLOCK, LOKET_MEMORY: '', LOKET_DATA_DIR: dataDir });
    admin = { authorization: `Bearer ${await server.token({ role: 'ADMIN', mallId: MALL })}` };
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    console.log(`The onboarding walk, as the server answered:\n${walk.join('\n')}`);
  });

  it('onboards the agency, its services, its counter and its hours', async () => {
    const agency = await call<{ upsertAgency: { id: string; schedule: { weekly: { weekday: string }[] } } }>(
      ADMIN_OPERATIONS.ADMIN_UPSERT_AGENCY,
      {
        input: {
          mallId: MALL,
          slug: 'imigrasi',
          name: 'Kantor Imigrasi Kelas II TPI Kotabumi',
          shortName: 'Imigrasi',
          kind: 'VERTICAL',
          weekly: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((weekday) => ({
            weekday,
            intervals: [{ opens: '08:00', closes: '15:00' }],
          })),
        },
      },
      admin,
    );
    walk.push(`upsertAgency -> ${JSON.stringify(agency.upsertAgency)}`);
    expect(agency.upsertAgency.id).toBe(IMIGRASI);
    for (const [slug, code, name, prefix] of [
      ['paspor-baru', 'PASPOR-BARU', 'Paspor Baru', 'PB'],
      ['paspor-ganti', 'PASPOR-GANTI', 'Penggantian Paspor', 'PG'],
    ] as const) {
      const service = await call<{ upsertService: { id: string; ticketPrefix: string } }>(
        ADMIN_OPERATIONS.ADMIN_UPSERT_SERVICE,
        {
          input: {
            agencyId: IMIGRASI,
            slug,
            code,
            name,
            ticketPrefix: prefix,
            requirements: ['KTP-el', 'Kartu Keluarga', 'Akta kelahiran atau ijazah'],
            procedure: [
              'Ambil antrean',
              'Verifikasi berkas',
              'Foto dan sidik jari',
              'Wawancara',
              'Bayar PNBP',
            ],
            processingTime: '4 hari kerja setelah pembayaran',
            feeAmount: 350000,
            product: 'Paspor biasa 48 halaman',
            legalBasis: ['UU 6/2011 tentang Keimigrasian', 'PP 28/2019 tentang PNBP Kemenkumham'],
            dailyQuota: 60,
            averageServiceMinutes: 20,
          },
        },
        admin,
      );
      walk.push(
        `upsertService -> ${JSON.stringify({ id: service.upsertService.id, ticketPrefix: service.upsertService.ticketPrefix })}`,
      );
    }
    const counter = await call<{ upsertCounter: { id: string; services: { id: string }[] } }>(
      ADMIN_OPERATIONS.ADMIN_UPSERT_COUNTER,
      {
        input: {
          agencyId: IMIGRASI,
          slug: 'loket-1',
          name: 'Loket 1 Imigrasi',
          serviceIds: [PASPOR, `${IMIGRASI}:paspor-ganti`],
        },
      },
      admin,
    );
    walk.push(`upsertCounter -> ${JSON.stringify(counter.upsertCounter)}`);
    expect(counter.upsertCounter.services).toHaveLength(2);
  });

  it('issues, calls and finishes a ticket with a registered kiosk and an officer', async () => {
    const adminToken = admin.authorization?.replace('Bearer ', '') ?? '';
    const registered = await npm(dataDir, server.port, [
      'machine-client',
      '--',
      '--kind',
      'KIOSK',
      '--mall',
      MALL,
      '--name',
      'Kiosk 1',
      '--token',
      adminToken,
    ]);
    walk.push(`npm run machine-client -> ${registered.split('\n')[0]}`);
    const file = /private key in (\S+)/.exec(registered)?.[1] ?? '';
    kioskToken = await npm(dataDir, server.port, ['token', '--', '--client', file]);
    const kiosk = { authorization: `Bearer ${kioskToken}` };
    const me = await call<{ me: { role: string; subject: string } }>(
      '{ me { role mallId subject } }',
      {},
      kiosk,
    );
    expect(me.me.role).toBe('KIOSK');
    kioskId = me.me.subject;

    const taken = await call<{ takeTicket: { id: string; number: string; status: string } }>(
      'mutation($s: ID!) { takeTicket(input: { serviceId: $s }) { id number status } }',
      { s: PASPOR },
      kiosk,
    );
    walk.push(`takeTicket (kiosk ${me.me.subject}) -> ${JSON.stringify(taken.takeTicket)}`);
    expect(taken.takeTicket.number).toBe('PB-001');

    const officer = {
      authorization: `Bearer ${await server.token({ role: 'OFFICER', mallId: MALL, agencyId: IMIGRASI })}`,
    };
    const called = await call<{
      callNextTicket: { number: string; status: string; counter: { name: string } };
    }>(
      'mutation($c: ID!) { callNextTicket(counterId: $c) { number status counter { name } } }',
      { c: `${IMIGRASI}:loket-1` },
      officer,
    );
    walk.push(`callNextTicket -> ${JSON.stringify(called.callNextTicket)}`);
    expect(called.callNextTicket).toEqual({
      number: 'PB-001',
      status: 'CALLED',
      counter: { name: 'Loket 1 Imigrasi' },
    });
    await call(
      'mutation($id: ID!) { startServing(id: $id) { status } }',
      { id: taken.takeTicket.id },
      officer,
    );
    const finished = await call<{ finishTicket: { number: string; status: string } }>(
      'mutation($id: ID!) { finishTicket(id: $id) { number status } }',
      { id: taken.takeTicket.id },
      officer,
    );
    walk.push(`finishTicket -> ${JSON.stringify(finished.finishTicket)}`);
    expect(finished.finishTicket.status).toBe('DONE');
  });

  it('closes the agency tomorrow and shows every change in the audit log', async () => {
    const closed = await call<{
      setScheduleException: { exceptions: { date: string; reason: string; intervals: unknown[] }[] };
    }>(
      ADMIN_OPERATIONS.SET_SCHEDULE_EXCEPTION,
      {
        input: { scopeId: IMIGRASI, date: '2026-12-02', intervals: [], reason: 'Pemeliharaan sistem SIMKIM' },
        from: '2026-12-02',
        to: '2026-12-02',
      },
      admin,
    );
    walk.push(`setScheduleException -> ${JSON.stringify(closed.setScheduleException.exceptions)}`);
    expect(closed.setScheduleException.exceptions).toEqual([
      { date: '2026-12-02', reason: 'Pemeliharaan sistem SIMKIM', intervals: [] },
    ]);
    const days = await call<{ agency: { schedule: { days: { date: string; intervals: unknown[] }[] } } }>(
      'query($id: ID!) { agency(id: $id) { schedule { days(from: "2026-12-01", to: "2026-12-02") { date intervals { opens closes } } } } }',
      { id: IMIGRASI },
      {},
    );
    expect(days.agency.schedule.days[1]).toEqual({ date: '2026-12-02', intervals: [] });

    const log = await call<{
      auditLog: { edges: { node: { action: string; target: string; by: { role: string } } }[] };
    }>(ADMIN_OPERATIONS.ADMIN_AUDIT_LOG, { mallId: MALL, first: 7 }, admin);
    const entries = log.auditLog.edges.map((e) => `${e.node.action} ${e.node.target} by ${e.node.by.role}`);
    walk.push(`auditLog(first: 7) ->\n  ${entries.join('\n  ')}`);
    expect(entries[0]).toBe(`setScheduleException ${IMIGRASI}@2026-12-02 by ADMIN`);
    expect(entries).toContain(`upsertAgency ${IMIGRASI} by ADMIN`);
    expect(entries.some((e) => e.startsWith('registerMachineClient mc-'))).toBe(true);
    const clients = await call<{ machineClients: { kind: string; name: string }[] }>(
      ADMIN_OPERATIONS.ADMIN_MACHINE_CLIENTS,
      { mallId: MALL },
      admin,
    );
    expect(clients.machineClients).toEqual([expect.objectContaining({ kind: 'KIOSK', name: 'Kiosk 1' })]);
  });

  it('keeps what the API made when the server restarts on the same data directory', async () => {
    await server.stop();
    server = await startLocalServer({ LOKET_CLOCK: CLOCK, LOKET_MEMORY: '', LOKET_DATA_DIR: dataDir });
    expect(server.output()).toContain('files unchanged since the last load; nothing applied');
    const agency = await call<{ agency: { id: string; active: boolean; services: { id: string }[] } }>(
      'query($id: ID!) { agency(id: $id) { id active services { id } } }',
      { id: IMIGRASI },
      {},
    );
    walk.push(`after restart: agency -> ${JSON.stringify(agency.agency)}`);
    expect(agency.agency.active).toBe(true);
    expect(agency.agency.services).toHaveLength(2);
  }, 120_000);

  it('takes the exception back and revokes the kiosk, whose token is then refused', async () => {
    const reopened = await call<{ removeScheduleException: { days: { intervals: unknown[] }[] } }>(
      ADMIN_OPERATIONS.REMOVE_SCHEDULE_EXCEPTION,
      { scopeId: IMIGRASI, date: '2026-12-02' },
      admin,
    );
    expect(reopened.removeScheduleException.days[0]?.intervals).toEqual([
      { opens: '08:00', closes: '15:00' },
    ]);
    const revoked = await call<{ revokeMachineClient: { id: string; revokedAt: string } }>(
      ADMIN_OPERATIONS.ADMIN_REVOKE_MACHINE_CLIENT,
      { id: kioskId },
      admin,
    );
    walk.push(`revokeMachineClient -> ${JSON.stringify(revoked.revokeMachineClient)}`);
    const refused = await postGraphQL(
      server.url,
      '{ me { role } }',
      {},
      { authorization: `Bearer ${kioskToken}` },
    );
    walk.push(`the revoked kiosk's token -> ${JSON.stringify(refused.body.errors?.[0]?.extensions?.code)}`);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
