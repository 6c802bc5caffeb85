/**
 * The INIT warm-up (`warmUpConnection`, awaited at the top level of src/app/lambda.ts): one GetItem
 * that opens the connection, and a warm-up that can never fail or hold INIT when DynamoDB is away.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient, RequestCounter, warmUpConnection } from '../../src/dynamo/shared/client.js';
import { createTestTable, type TestTable } from '../support/local-table.js';

describe('warmUpConnection', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable(inject('dynamoEndpoint'));
  });
  afterAll(async () => {
    await table.drop();
  });

  it('sends one GetItem, and finds no item', async () => {
    table.counter.reset();
    await expect(warmUpConnection(table.countedClient(), table.tableName)).resolves.toBeUndefined();
    expect(table.counter.byCommand()).toEqual({ GetItemCommand: 1 });
  });

  it('resolves when the table does not exist', async () => {
    await expect(warmUpConnection(table.client, 'loket-no-such-table')).resolves.toBeUndefined();
  });

  it('resolves when nothing listens at the endpoint', async () => {
    const closed = await listen(() => undefined);
    const { port } = closed.address() as { port: number };
    await new Promise((r) => closed.close(r));
    const client = createDocumentClient({ endpoint: `http://127.0.0.1:${port}` });
    await expect(warmUpConnection(client, table.tableName)).resolves.toBeUndefined();
  });

  it('gives up on an endpoint that accepts the connection and never answers', async () => {
    const sockets: Socket[] = [];
    const silent = await listen((socket) => sockets.push(socket));
    const { port } = silent.address() as { port: number };
    const counter = new RequestCounter();
    const client = createDocumentClient({ endpoint: `http://127.0.0.1:${port}`, counter });
    try {
      // Without the bound this would wait for the SDK's retries forever: no answer ever comes.
      await expect(warmUpConnection(client, table.tableName)).resolves.toBeUndefined();
      expect(counter.total).toBe(1);
      expect(sockets.length).toBe(1);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});

function listen(onConnection: (socket: Socket) => void): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(onConnection);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
