/**
 * The ticket door on DynamoDB Local (docs/domain-rules.md, 'The ticket door' and 'Officer console'):
 * walk-in tickets only from a kiosk or staff of the mall, holder codes returned once and stored only
 * as a keyed hash, cancelling by the holder code while WAITING, the officer console's lists, and a
 * hall display of what is at a counter now.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import { createHarness, type Harness } from '../support/harness.js';

// Tuesday 2026-12-01 09:00 WIB; the fixture malls are open all day.
const OPENING = new Date('2026-12-01T02:00:00Z');
const MALL = 'door-mall';
const SVC = `${MALL}:agency:svc1`;
const SVC2 = `${MALL}:agency:svc2`;
const COUNTER = `${MALL}:agency:loket-1`;

const TAKE = `mutation($input: TakeTicketInput!) {
  takeTicket(input: $input) { id number status holderCode }
}`;
const CANCEL = `mutation($id: ID!, $code: String) { cancelTicket(id: $id, holderCode: $code) { id status holderCode } }`;

interface Taken {
  id: string;
  number: string;
  status: string;
  holderCode: string | null;
}

describe('the ticket door on DynamoDB Local', () => {
  let h: Harness;
  let kiosk: string;
  let admin: string;
  let officer: string;

  const take = async (input: Record<string, unknown> = {}, token = kiosk) =>
    (await h.gql<{ takeTicket: Taken }>(TAKE, { input: { serviceId: SVC, ...input } }, token)).takeTicket;
  const staff = <T>(query: string, variables?: Record<string, unknown>) => h.gql<T>(query, variables, admin);

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      [
        fixtureCatalog({ mallId: MALL, counters: 2, services: [{}, {}] }),
        fixtureCatalog({ mallId: 'other-mall' }),
      ],
      OPENING,
    );
    kiosk = await h.token({ role: 'KIOSK', mallId: MALL }, { subject: 'kiosk-lobby-1' });
    admin = await h.token({ role: 'ADMIN', mallId: MALL });
    officer = await h.token({ role: 'OFFICER', mallId: MALL, agencyId: `${MALL}:agency` });
  });

  afterAll(async () => h?.close());

  it('issues walk-in tickets only to a kiosk or staff of the mall, refusing before anything is written', async () => {
    const issued = async () =>
      (
        await h.gql<{ service: { queue: { issued: number } } }>(
          `{ service(id: "${SVC}") { queue { issued } } }`,
        )
      ).service.queue.issued;
    const before = await issued();
    const anonymous = await h.raw(TAKE, { input: { serviceId: SVC } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const otherKiosk = await h.token({ role: 'KIOSK', mallId: 'other-mall' });
    const foreign = await h.raw(TAKE, { input: { serviceId: SVC } }, otherKiosk);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const partner = await h.token({ role: 'PARTNER', mallId: MALL, agencyId: `${MALL}:agency` });
    expect((await h.raw(TAKE, { input: { serviceId: SVC } }, partner)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(await issued()).toBe(before);
    expect((await take()).status).toBe('WAITING');
    expect((await take({}, officer)).status).toBe('WAITING');
    expect(await issued()).toBe(before + 2);
  });

  it('returns a holder code of 80 bits only in the answer that issued the ticket, stored only as a hash', async () => {
    const t = await take();
    expect(t.holderCode).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    // Read again, by anyone: no holder code.
    const read = await h.gql<{ ticket: { holderCode: string | null } }>(
      `{ ticket(id: "${t.id}") { holderCode } }`,
    );
    expect(read.ticket.holderCode).toBeNull();
    const asStaff = await staff<{ ticket: { holderCode: string | null } }>(
      `{ ticket(id: "${t.id}") { holderCode } }`,
    );
    expect(asStaff.ticket.holderCode).toBeNull();
    // Nowhere in the table in clear, in any spelling.
    const all = await h.table.client.send(new ScanCommand({ TableName: h.table.tableName }));
    const dump = JSON.stringify(all.Items);
    const code = t.holderCode ?? '';
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(code.replaceAll('-', ''));
    // Two tickets never share a code.
    const other = await take();
    expect(other.holderCode).not.toBe(t.holderCode);
  });

  it('gives the same caller the same ticket and holder code for a replayed key, and another caller nothing of it', async () => {
    const key = 'door-kiosk-tap-0001';
    const first = await take({ idempotencyKey: key });
    const again = await take({ idempotencyKey: key });
    expect(again).toEqual(first);
    expect(again.holderCode).toBe(first.holderCode);
    const secondKiosk = await h.token({ role: 'KIOSK', mallId: MALL }, { subject: 'kiosk-lobby-2' });
    const stolen = await h.raw<{ takeTicket: Taken }>(
      TAKE,
      { input: { serviceId: SVC, idempotencyKey: key } },
      secondKiosk,
    );
    expect(stolen.data?.takeTicket ?? null).toBeNull();
    expect(JSON.stringify(stolen)).not.toContain(first.id);
    expect(JSON.stringify(stolen)).not.toContain(first.holderCode ?? '-');
  });

  it('cancels by the holder code only while WAITING; the id alone authorizes nothing', async () => {
    const t = await take();
    const byId = await h.raw(CANCEL, { id: t.id });
    expect(byId.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const other = await take();
    const wrong = await h.raw(CANCEL, { id: t.id, code: other.holderCode });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const guessed = await h.raw(CANCEL, { id: t.id, code: 'AAAA-AAAA-AAAA-AAAA' });
    expect(guessed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Typed as a person would: lower case, no hyphens.
    const typed = (t.holderCode ?? '').replaceAll('-', '').toLowerCase();
    const cancelled = await h.gql<{ cancelTicket: { status: string; holderCode: string | null } }>(CANCEL, {
      id: t.id,
      code: typed,
    });
    expect(cancelled.cancelTicket).toEqual({ id: t.id, status: 'CANCELLED', holderCode: null });

    // Once called, the holder can no longer cancel it (the board shows its id to everyone); staff can.
    await staff(`mutation { callTicket(id: "${other.id}", counterId: "${COUNTER}") { id } }`);
    const late = await h.raw(CANCEL, { id: other.id, code: other.holderCode });
    expect(late.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const byOfficer = await h.gql<{ cancelTicket: { status: string } }>(CANCEL, { id: other.id }, officer);
    expect(byOfficer.cancelTicket.status).toBe('CANCELLED');
  });

  it('lists what a counter may call in the order callNextTicket takes it, and only to staff', async () => {
    // A fresh day, so the lists hold only this test's tickets.
    h.clock.set(new Date('2026-12-02T02:00:00Z'));
    const tickets: Taken[] = [];
    for (const priority of ['NONE', 'NONE', 'ELDERLY', 'NONE', 'PREGNANT', 'CHILD']) {
      h.clock.advance(1000);
      tickets.push(await take({ priority }));
    }
    const WAITING = `query($id: ID!) { counter(id: $id) { waiting(first: 10) { id number } } }`;
    const listed = (await staff<{ counter: { waiting: { id: string }[] } }>(WAITING, { id: COUNTER })).counter
      .waiting;
    expect(listed).toHaveLength(6);
    const called: string[] = [];
    for (let i = 0; i < 6; i++) {
      const next = await h.gql<{ callNextTicket: { id: string } }>(
        `mutation { callNextTicket(counterId: "${COUNTER}") { id } }`,
        undefined,
        officer,
      );
      called.push(next.callNextTicket.id);
      await staff(`mutation { cancelTicket(id: "${next.callNextTicket.id}") { id } }`);
    }
    expect(listed.map((t) => t.id)).toEqual(called);
    const anonymous = await h.raw(WAITING, { id: COUNTER });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.counter ?? null).toBeNull();
    const counted = await h.countRequests(() => staff(WAITING, { id: COUNTER }));
    expect(counted).toBeLessThanOrEqual(2);
  });

  it("lists a service's no-shows of the day, newest first, for reactivation", async () => {
    h.clock.set(new Date('2026-12-03T02:00:00Z'));
    const marked: string[] = [];
    for (let i = 0; i < 3; i++) {
      h.clock.advance(60_000);
      const t = await take({ serviceId: SVC2 });
      await staff(`mutation { callTicket(id: "${t.id}", counterId: "${MALL}:agency:loket-2") { id } }`);
      await staff(`mutation { recallTicket(id: "${t.id}") { id } }`);
      await staff(`mutation { markNoShow(id: "${t.id}") { id } }`);
      marked.push(t.id);
    }
    const NO_SHOWS = `query($id: ID!) { service(id: $id) { queue { noShows(first: 10) { id status } } } }`;
    const list = (
      await staff<{ service: { queue: { noShows: { id: string; status: string }[] } } }>(NO_SHOWS, {
        id: SVC2,
      })
    ).service.queue.noShows;
    expect(list.map((t) => t.id)).toEqual([...marked].reverse());
    // Reactivated: it leaves the list.
    await staff(`mutation { reactivateTicket(id: "${marked[2]}") { id } }`);
    const after = (await staff<{ service: { queue: { noShows: { id: string }[] } } }>(NO_SHOWS, { id: SVC2 }))
      .service.queue.noShows;
    expect(after.map((t) => t.id)).toEqual([marked[1], marked[0]]);
    const anonymous = await h.raw(NO_SHOWS, { id: SVC2 });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows on the hall display only what is at a counter now: a transferred or finished ticket leaves it', async () => {
    h.clock.set(new Date('2026-12-04T02:00:00Z'));
    const BOARD = `{ mall(id: "${MALL}") { board(limit: 10) { id status counter { id } } } }`;
    const a = await take();
    const b = await take();
    await staff(`mutation { callTicket(id: "${a.id}", counterId: "${COUNTER}") { id } }`);
    h.clock.advance(30_000); // b is called after a: the board shows the latest call first
    await staff(`mutation { callTicket(id: "${b.id}", counterId: "${MALL}:agency:loket-2") { id } }`);
    const board = async () =>
      (await h.gql<{ mall: { board: { id: string; status: string }[] } }>(BOARD)).mall.board;
    expect((await board()).map((t) => t.id)).toEqual([b.id, a.id]);
    await staff(`mutation { transferTicket(id: "${a.id}", toServiceId: "${SVC2}") { id } }`);
    await staff(`mutation { startServing(id: "${b.id}") { id } }`);
    expect(await board()).toEqual([
      { id: b.id, status: 'SERVING', counter: { id: `${MALL}:agency:loket-2` } },
    ]);
    await staff(`mutation { finishTicket(id: "${b.id}") { id } }`);
    expect(await board()).toEqual([]);
  });
});
