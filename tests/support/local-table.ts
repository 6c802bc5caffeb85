/**
 * A fresh table on DynamoDB Local for one test file. Refuses any endpoint
 * that is not on this machine, so a test can never touch a real table.
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, RequestCounter } from '../../src/dynamo/shared/client.js';
import { ensureTable } from '../../src/dynamo/shared/create-table.js';

/** Throws unless the endpoint is a loopback address. */
export function assertLocalEndpoint(endpoint: string | undefined): string {
  if (!endpoint) throw new Error('Integration tests need a DynamoDB Local endpoint');
  const host = new URL(endpoint).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`Refusing to run tests against non-local DynamoDB endpoint ${endpoint}`);
  }
  return endpoint;
}

export interface TestTable {
  endpoint: string;
  tableName: string;
  /** Client for set-up and checks; its requests are not counted. */
  client: DynamoDBDocumentClient;
  /** Counts requests of clients made with `countedClient()`. */
  counter: RequestCounter;
  countedClient(): DynamoDBDocumentClient;
  drop(): Promise<void>;
}

/** Creates a uniquely named table on the local endpoint. */
export async function createTestTable(endpointInput: string | undefined): Promise<TestTable> {
  const endpoint = assertLocalEndpoint(endpointInput);
  const tableName = `test-${randomUUID()}`;
  const client = createDocumentClient({ endpoint });
  await ensureTable(client, tableName);
  const counter = new RequestCounter();
  return {
    endpoint,
    tableName,
    client,
    counter,
    countedClient: () => createDocumentClient({ endpoint, counter }),
    drop: async () => {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
}
