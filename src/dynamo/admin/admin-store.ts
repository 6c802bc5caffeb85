/**
 * Machine clients and the audit log in DynamoDB. A machine client's change is written with its audit
 * entry in one transaction; the audit log of a mall is one partition read newest first.
 */
import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditPage, AuditRepository } from '../../domain/admin/audit.js';
import type { MachineClient, MachineClientRepository } from '../../domain/admin/machine-client.js';
import { BadInputError } from '../../domain/shared/errors.js';
import { adminKeys, GSI1, type ItemType, PK, SK } from '../shared/keys.js';
import { queryPartition } from '../shared/query-partition.js';

/** An audit sort key: an ISO instant, `#`, a UUID. */
const AUDIT_SORT = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[0-9a-f-]{36}$/;

function auditPut(tableName: string, entry: AuditEntry) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...adminKeys.audit(entry.mallId, entry.at, randomUUID()),
        type: 'AUDIT' satisfies ItemType,
        entry,
      },
    },
  };
}

/** The DynamoDB adapter of `MachineClientRepository` and `AuditRepository`. */
export class DynamoAdminStore implements MachineClientRepository, AuditRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One GetItem (strongly consistent: a revocation is read as soon as it is written). */
  async getMachineClient(id: string): Promise<MachineClient | null> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: adminKeys.machineClient(id), ConsistentRead: true }),
    );
    return (Item?.client as MachineClient | undefined) ?? null;
  }

  /** One Query of the mall's clients in GSI1. */
  async listMachineClients(mallId: string): Promise<MachineClient[]> {
    const items = await queryPartition(this.client, {
      tableName: this.tableName,
      index: { name: GSI1.name, pk: GSI1.pk },
      partitionKeyName: PK,
      value: adminKeys.machineClientsOfMall(mallId),
    });
    return items.map((i) => i.client as MachineClient);
  }

  async registerMachineClient(client: MachineClient, audit: AuditEntry): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: this.clientItem(client),
              ConditionExpression: 'attribute_not_exists(#pk)',
              ExpressionAttributeNames: { '#pk': PK },
            },
          },
          auditPut(this.tableName, audit),
        ],
      }),
    );
  }

  async revokeMachineClient(
    current: MachineClient,
    revokedAt: string,
    audit: AuditEntry,
  ): Promise<MachineClient> {
    const revoked: MachineClient = { ...current, revokedAt };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: this.clientItem(revoked),
                ConditionExpression: 'attribute_exists(#pk) AND #client.revokedAt = :null',
                ExpressionAttributeNames: { '#pk': PK, '#client': 'client' },
                ExpressionAttributeValues: { ':null': null },
              },
            },
            auditPut(this.tableName, audit),
          ],
        }),
      );
    } catch (error) {
      // Revoked meanwhile by another request: the first revocation stands.
      if (error instanceof TransactionCanceledException) {
        const again = await this.getMachineClient(current.id);
        if (again?.revokedAt) return again;
      }
      throw error;
    }
    return revoked;
  }

  /** One Query, newest first, `first` entries after the cursor. */
  async listAudit(mallId: string, first: number, cursor: string | null): Promise<AuditPage> {
    let start: Record<string, string> | undefined;
    if (cursor !== null) {
      const sort = Buffer.from(cursor, 'base64url').toString('utf8');
      if (!AUDIT_SORT.test(sort)) throw new BadInputError('after: is not a cursor of this list.', 'after');
      start = { [PK]: adminKeys.auditPartition(mallId), [SK]: sort };
    }
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': PK },
        ExpressionAttributeValues: { ':pk': adminKeys.auditPartition(mallId) },
        ScanIndexForward: false,
        Limit: first,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const edges = Items.map((i) => ({
      entry: i.entry as AuditEntry,
      cursor: Buffer.from(String(i[SK]), 'utf8').toString('base64url'),
    }));
    const last = edges[edges.length - 1];
    return { edges, nextCursor: LastEvaluatedKey && last ? last.cursor : null };
  }

  private clientItem(client: MachineClient) {
    return {
      ...adminKeys.machineClient(client.id),
      [GSI1.pk]: adminKeys.machineClientsOfMall(client.mallId),
      [GSI1.sk]: adminKeys.machineClientSort(client.createdAt, client.id),
      type: 'MACHINE_CLIENT' satisfies ItemType,
      client,
    };
  }
}
