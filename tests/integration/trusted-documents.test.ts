/**
 * Trusted documents (src/app/trusted-documents.ts) through the real handler: with the setting on, only
 * the operations of the manifest run, whatever their formatting, and the roles allowed ad-hoc
 * operations may send others.
 */
import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoketHandler } from '../../src/app/handler.js';
import { TRUSTED_DOCUMENTS, UNTRUSTED_MESSAGE } from '../../src/app/trusted-documents.js';
import { readCatalogs } from '../../src/catalog-data/data-files.js';
import { execute, type GraphQLResponse } from '../support/graphql.js';
import { createHarness, type Harness } from '../support/harness.js';
import { REAL_OPERATIONS } from '../support/operations.js';

const MALL = 'lampung-tengah';
const AGENCY = 'lampung-tengah:polres';
const COUNTER = 'lampung-tengah:polres:loket-1';

/** An operation no front end ships. */
const AD_HOC = '{ malls { id name } }';

function expectRefused(result: GraphQLResponse): void {
  expect(result.data ?? null).toBeNull();
  expect(result.errors).toEqual([{ message: UNTRUSTED_MESSAGE, extensions: { code: 'FORBIDDEN' } }]);
  expect(result.status).toBe(403);
}

function expectAnswered(result: GraphQLResponse, name = ''): void {
  expect(result.errors, name).toBeUndefined();
  expect(result.status, name).toBe(200);
}

describe('trusted documents', () => {
  let h: Harness;
  let trusted: LoketHandler;
  const send = (query: string, variables?: Record<string, unknown>, token?: string) =>
    execute(trusted, query, variables, token ? { authorization: `Bearer ${token}` } : {});

  beforeAll(async () => {
    // Tuesday 2026-12-01 09:00 WIB: the mall is open.
    h = await createHarness(
      inject('dynamoEndpoint'),
      await readCatalogs('data'),
      new Date('2026-12-01T02:00:00Z'),
    );
    trusted = h.newInstance({ trustedDocuments: { enabled: true, adHocRoles: ['ADMIN'] } });
  });

  afterAll(async () => h?.close());

  it('refuses an operation outside the manifest with FORBIDDEN, before running it', async () => {
    expectRefused(await send(AD_HOC));
    // A shipped operation with one more field is another document.
    expect(REAL_OPERATIONS.HALL_BOARD).toContain('openNow');
    expectRefused(
      await send(REAL_OPERATIONS.HALL_BOARD.replace('openNow', 'openNow address'), {
        mallId: MALL,
      }),
    );
    // A token of a role without ad-hoc rights changes nothing.
    const officer = await h.token({ role: 'OFFICER', mallId: MALL, agencyId: AGENCY });
    expectRefused(await send(AD_HOC, {}, officer));
  });

  it('lets the roles allowed ad-hoc operations send any operation', async () => {
    const admin = await h.token({ role: 'ADMIN', mallId: MALL });
    expectAnswered(await send(AD_HOC, {}, admin));
  });

  it('is off unless set: the same operation runs on a default handler', async () => {
    expectAnswered(await h.raw(AD_HOC));
  });

  it('serves every operation of the manifest, as listed or as the front ends write it', async () => {
    // Only the trusted-documents check is asserted here: variables are missing, so most answer BAD_USER_INPUT.
    for (const document of Object.values(TRUSTED_DOCUMENTS)) {
      const result = await send(document);
      expect(result.errors?.map((e) => e.message) ?? [], document).not.toContain(UNTRUSTED_MESSAGE);
    }
    const reformatted = print(parse(REAL_OPERATIONS.HALL_BOARD));
    expect(reformatted).not.toBe(REAL_OPERATIONS.HALL_BOARD);
    expectAnswered(await send(reformatted, { mallId: MALL }));
  });

  it('runs the front ends day, each operation with a token that may call it', async () => {
    const kiosk = await h.token({ role: 'KIOSK', mallId: MALL });
    const officer = await h.token({ role: 'OFFICER', mallId: MALL, agencyId: AGENCY });
    const partner = await h.token({ role: 'PARTNER', mallId: MALL, agencyId: AGENCY });
    const admin = await h.token({ role: 'ADMIN', mallId: MALL });
    const run = async (
      name: keyof typeof REAL_OPERATIONS,
      variables: Record<string, unknown>,
      token?: string,
    ) => {
      const result = await send(REAL_OPERATIONS[name], variables, token);
      expectAnswered(result, name);
      return result.data as Record<string, Record<string, unknown>>;
    };
    await run('KIOSK_CATALOG', { mallId: MALL });
    const first = await run('TAKE_TICKET', { input: { serviceId: `${AGENCY}:skck` } }, kiosk);
    const second = await run('TAKE_TICKET', { input: { serviceId: `${AGENCY}:skck` } }, kiosk);
    await run('FOLLOW_TICKET', { id: first.takeTicket?.id });
    await run('CANCEL_TICKET', { id: second.takeTicket?.id, holderCode: second.takeTicket?.holderCode });
    await run('OFFICER_QUEUE', { counterId: COUNTER, first: 20 }, officer);
    await run('CALL_NEXT_TICKET', { counterId: COUNTER }, officer);
    await run('OFFICER_CONSOLE', { counterId: COUNTER }, officer);
    await run('HALL_BOARD', { mallId: MALL, limit: 10 });
    const complaint = await run('SUBMIT_COMPLAINT', {
      input: {
        mallId: MALL,
        category: 'COMPLAINT',
        agencyId: AGENCY,
        subject: 'Antrean SKCK lama',
        description: 'Menunggu lebih dari satu jam di loket SKCK.',
      },
    });
    await run('TRACK_COMPLAINT', { code: complaint.submitComplaint?.trackingCode });
    await run('ADMIN_COMPLAINTS', { mallId: MALL, first: 20 }, admin);
    await run('PARTNER_SCHEDULE', { agencyId: AGENCY, from: '2026-12-01', to: '2026-12-31' }, partner);
  });
});
