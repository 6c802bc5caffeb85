/**
 * A morning at the Polres counter of MPP Lampung Tengah, over HTTP against
 * `npm start`'s server: citizens take SKCK tickets at the kiosk, the third
 * one follows its position and estimated wait while an officer at a counter
 * calls, serves and finishes the ones ahead, then the hall display and the
 * ticket's history show what happened.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, type RunningServer, startLocalServer } from '../support/local-server.js';

const MALL = 'lampung-tengah';
const POLRES = 'lampung-tengah:polres';
const SKCK = 'lampung-tengah:polres:skck';
/** Configured average minutes of SKCK in data/malls/lampung-tengah/agencies/polres.json. */
const SKCK_AVERAGE_MINUTES = 15;

/** `npm run --silent token -- <args>` (docs/tokens-and-errors.md, 'Local tokens'): one line, a JWT of the local issuer of `dataDir`. */
async function localToken(dataDir: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'token', '--', ...args], {
    env: { ...process.env, LOKET_DATA_DIR: dataDir },
  });
  const token = stdout.trim();
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  return token;
}

interface TicketView {
  id: string;
  number: string;
  status: string;
  date: string;
  priority: string;
  issuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  position: number | null;
  estimatedWaitMinutes: number | null;
  counter: { id: string; name: string } | null;
  service: { id: string };
}

const TICKET_FIELDS = `
  id number status date priority issuedAt calledAt startedAt finishedAt
  position estimatedWaitMinutes counter { id name } service { id }
`;

describe('a citizen queues for SKCK and is served, over HTTP', () => {
  let server: RunningServer;
  let dataDir: string;
  /** Headers of the officer's console at Polres: an OFFICER token of lampung-tengah:polres. */
  let officerHeaders: Record<string, string>;
  /** Headers of a kiosk of the mall: walk-in tickets come from kiosks. */
  let kioskHeaders: Record<string, string>;

  /** Runs one operation and fails the test on any error. */
  async function gql<T>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const { status, body } = await postGraphQL<T>(server.url, query, variables, headers);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(status).toBe(200);
    if (!body.data) throw new Error('No data in the answer');
    return body.data;
  }

  async function takeTicket(idempotencyKey?: string): Promise<TicketView> {
    const data = await gql<{ takeTicket: TicketView }>(
      `mutation Take($input: TakeTicketInput!) { takeTicket(input: $input) { ${TICKET_FIELDS} } }`,
      { input: { serviceId: SKCK, ...(idempotencyKey ? { idempotencyKey } : {}) } },
      kioskHeaders,
    );
    return data.takeTicket;
  }

  async function ticket(id: string): Promise<TicketView> {
    const data = await gql<{ ticket: TicketView | null }>(
      `query Follow($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`,
      { id },
    );
    if (!data.ticket) throw new Error(`Ticket ${id} not found`);
    return data.ticket;
  }

  async function callNext(counterId: string): Promise<TicketView | null> {
    const data = await gql<{ callNextTicket: TicketView | null }>(
      `mutation CallNext($counterId: ID!) { callNextTicket(counterId: $counterId) { ${TICKET_FIELDS} } }`,
      { counterId },
      officerHeaders,
    );
    return data.callNextTicket;
  }

  async function move(mutation: 'startServing' | 'finishTicket', id: string): Promise<TicketView> {
    const data = await gql<Record<string, TicketView>>(
      `mutation Move($id: ID!) { ${mutation}(id: $id) { ${TICKET_FIELDS} } }`,
      { id },
      officerHeaders,
    );
    const moved = data[mutation];
    if (!moved) throw new Error(`No answer to ${mutation}`);
    return moved;
  }

  beforeAll(async () => {
    // The server trusts the tokens of the local issuer whose keys live in its LOKET_DATA_DIR (the table stays
    // in memory): a fresh folder, shared with `npm run token`.
    dataDir = await mkdtemp(join(tmpdir(), 'loket-e2e-queue-'));
    // Tuesday 2026-12-01 09:00 WIB: the mall and Polres are open (08:00-15:00).
    server = await startLocalServer({ LOKET_CLOCK: '2026-12-01T09:00:00+07:00', LOKET_DATA_DIR: dataDir });
    const token = await localToken(dataDir, ['--role', 'OFFICER', '--mall', MALL, '--agency', POLRES]);
    officerHeaders = { authorization: `Bearer ${token}` };
    const kiosk = await localToken(dataDir, ['--role', 'KIOSK', '--mall', MALL]);
    kioskHeaders = { authorization: `Bearer ${kiosk}` };
  });

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('takes, follows, calls, serves and finishes tickets, and shows them on the hall display', async () => {
    // The officer's counter: one of Polres' counters that serves SKCK.
    const { agency } = await gql<{
      agency: { counters: { id: string; name: string; services: { id: string }[] }[] } | null;
    }>('query Counters($id: ID!) { agency(id: $id) { counters { id name services { id } } } }', {
      id: POLRES,
    });
    const counter = agency?.counters.find((c) => c.services.some((s) => s.id === SKCK));
    expect(counter).toEqual({
      id: 'lampung-tengah:polres:loket-1',
      name: 'Loket 1 Polres',
      services: expect.arrayContaining([{ id: SKCK }]),
    });
    if (!counter) return;
    // SKCK is served at one counter only, so the estimate is position × average ÷ 1.
    const skckCounters = agency?.counters.filter((c) => c.services.some((s) => s.id === SKCK)) ?? [];
    expect(skckCounters).toHaveLength(1);

    // Citizen 1 at the kiosk, with an idempotency key; a double tap gives the same ticket.
    const key = `kiosk-01-${randomUUID()}`;
    const first = await takeTicket(key);
    expect(first).toMatchObject({
      number: 'PL1-001',
      status: 'WAITING',
      date: '2026-12-01',
      priority: 'NONE',
      position: 0,
      estimatedWaitMinutes: 0,
      counter: null,
      calledAt: null,
      service: { id: SKCK },
    });
    expect(first.issuedAt).toMatch(/^2026-12-01T09:0\d:\d\d\+07:00$/);
    const doubleTap = await takeTicket(key);
    expect(doubleTap.id).toBe(first.id);
    expect(doubleTap.number).toBe('PL1-001');

    // Citizens 2 and 3.
    const second = await takeTicket();
    expect(second).toMatchObject({
      number: 'PL1-002',
      position: 1,
      estimatedWaitMinutes: SKCK_AVERAGE_MINUTES,
    });
    const third = await takeTicket();
    expect(third).toMatchObject({
      number: 'PL1-003',
      status: 'WAITING',
      position: 2,
      estimatedWaitMinutes: 2 * SKCK_AVERAGE_MINUTES,
    });
    expect(new Set([first.id, second.id, third.id]).size).toBe(3);

    const { service } = await gql<{
      service: { queue: { issued: number; waiting: number; remainingQuota: number | null } };
    }>('query Queue($id: ID!) { service(id: $id) { queue { issued waiting remainingQuota } } }', {
      id: SKCK,
    });
    // The double tap made no ticket: three issued out of the daily quota of 100.
    expect(service.queue).toEqual({ issued: 3, waiting: 3, remainingQuota: 97 });

    // The officer calls the first one: citizen 3 moves up; nobody finished yet, so the configured average holds.
    const called1 = await callNext(counter.id);
    expect(called1).toMatchObject({
      id: first.id,
      number: 'PL1-001',
      status: 'CALLED',
      position: null,
      estimatedWaitMinutes: null,
      counter: { id: counter.id, name: 'Loket 1 Polres' },
    });
    expect(await ticket(third.id)).toMatchObject({
      status: 'WAITING',
      position: 1,
      estimatedWaitMinutes: SKCK_AVERAGE_MINUTES,
    });

    const serving1 = await move('startServing', first.id);
    expect(serving1).toMatchObject({ status: 'SERVING', counter: { id: counter.id } });
    expect(serving1.startedAt).not.toBeNull();
    const done1 = await move('finishTicket', first.id);
    expect(done1).toMatchObject({ status: 'DONE', counter: { id: counter.id } });
    expect(done1.finishedAt).not.toBeNull();

    // One quick service is too few to learn from: the configured average holds, 1 × 15 ÷ 1 counter.
    expect(await ticket(third.id)).toMatchObject({
      status: 'WAITING',
      position: 1,
      estimatedWaitMinutes: SKCK_AVERAGE_MINUTES,
    });

    // The second one.
    const called2 = await callNext(counter.id);
    expect(called2).toMatchObject({ id: second.id, number: 'PL1-002', status: 'CALLED' });
    expect(await ticket(third.id)).toMatchObject({ status: 'WAITING', position: 0, estimatedWaitMinutes: 0 });
    expect(await move('startServing', second.id)).toMatchObject({ status: 'SERVING' });
    expect(await move('finishTicket', second.id)).toMatchObject({ status: 'DONE' });

    // Now citizen 3 is called, and the hall display shows it first.
    const called3 = await callNext(counter.id);
    expect(called3).toMatchObject({
      id: third.id,
      number: 'PL1-003',
      status: 'CALLED',
      position: null,
      estimatedWaitMinutes: null,
      counter: { id: counter.id, name: 'Loket 1 Polres' },
    });
    const { mall } = await gql<{
      mall: { board: { number: string; status: string; counter: { name: string } | null }[] } | null;
    }>('query Board($id: ID!) { mall(id: $id) { board { number status counter { name } } } }', { id: MALL });
    // The hall display shows what is at a counter now; the finished tickets have left it.
    expect(mall?.board).toEqual([
      { number: 'PL1-003', status: 'CALLED', counter: { name: 'Loket 1 Polres' } },
    ]);

    // Citizen 3 is served too; its history tells every move, with the counter.
    await move('startServing', third.id);
    const done3 = await move('finishTicket', third.id);
    expect(done3.status).toBe('DONE');
    const { ticket: withHistory } = await gql<{
      ticket: {
        history: { at: string; action: string; status: string; counter: { id: string } | null }[];
      } | null;
    }>('query History($id: ID!) { ticket(id: $id) { history { at action status counter { id } } } }', {
      id: third.id,
    });
    const history = withHistory?.history ?? [];
    expect(history.map(({ action, status, counter: c }) => ({ action, status, counter: c }))).toEqual([
      { action: 'ISSUED', status: 'WAITING', counter: null },
      { action: 'CALLED', status: 'CALLED', counter: { id: counter.id } },
      { action: 'STARTED', status: 'SERVING', counter: { id: counter.id } },
      { action: 'FINISHED', status: 'DONE', counter: { id: counter.id } },
    ]);
    expect(history[0]?.at).toBe(third.issuedAt);
    expect(history[1]?.at).toBe(called3?.calledAt);
    const instants = history.map((e) => Date.parse(e.at));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));

    // Nobody waits any more: the counter's next call is null.
    expect(await callNext(counter.id)).toBeNull();

    // A DONE ticket cannot be cancelled, not even by the officer.
    const cancel = await postGraphQL(
      server.url,
      'mutation Cancel($id: ID!) { cancelTicket(id: $id) { id } }',
      {
        id: third.id,
      },
      officerHeaders,
    );
    expect(cancel.status).toBe(200);
    expect(cancel.body.data).toBeNull();
    expect(cancel.body.errors).toHaveLength(1);
    expect(cancel.body.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect(cancel.body.errors?.[0]?.message).toBe('Ticket PL1-003 is DONE; it cannot be cancelled.');
    expect((await ticket(third.id)).status).toBe('DONE');
  });
});
