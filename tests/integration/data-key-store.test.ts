/**
 * The wrapped data key of personal data in the table (src/dynamo/shared/data-key-store.ts), on DynamoDB
 * Local: kept once, whoever writes first wins, and read back as written.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDataKeyStore } from '../../src/dynamo/shared/data-key-store.js';
import { createTestTable, type TestTable } from '../support/local-table.js';

describe('the wrapped data key in the table', () => {
  let table: TestTable;

  beforeAll(async () => {
    table = await createTestTable(inject('dynamoEndpoint'));
  });

  afterAll(async () => table?.drop());

  it('keeps the first key written, even when instances write together, and counts one request each', async () => {
    const store = new DynamoDataKeyStore(table.countedClient(), table.tableName);
    expect(await store.get()).toBeNull();
    const candidates = Array.from({ length: 5 }, () => new Uint8Array(randomBytes(184)));
    const kept = await Promise.all(candidates.map((c) => store.putIfAbsent(c)));
    const first = Buffer.from(kept[0] as Uint8Array);
    for (const k of kept) expect(Buffer.from(k).equals(first)).toBe(true);
    expect(candidates.some((c) => Buffer.from(c).equals(first))).toBe(true);
    table.counter.reset();
    expect(Buffer.from((await store.get()) as Uint8Array).equals(first)).toBe(true);
    expect(table.counter.total).toBe(1);
  });
});
