/**
 * Complaints in DynamoDB: the adapter of `ComplaintRepository`.
 */

import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Complaint } from '../../domain/complaints/complaint.js';
import type {
  ComplaintPage,
  ComplaintQuery,
  ComplaintRepository,
} from '../../domain/complaints/complaint-repository.js';
import { BadInputError, NotFoundError } from '../../domain/shared/errors.js';
import { StaleWriteError } from '../../domain/shared/stale-write-error.js';
import { completeIdempotency } from '../shared/idempotency-store.js';
import { complaintKeys, GSI1, GSI2, PK, queueKeys } from '../shared/keys.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const COMPLAINT_FIELDS = [
  'id',
  'trackingCode',
  'mallId',
  'category',
  'agencyId',
  'serviceId',
  'ticketId',
  'subject',
  'description',
  'status',
  'anonymous',
  'confidential',
  'reporter',
  'submittedAt',
  'stageStartedAt',
  'dueAt',
  'assignedAgencyId',
  'timeline',
  'rating',
  'version',
] as const satisfies readonly (keyof Complaint)[];

function complaintFromItem(item: Record<string, unknown>): Complaint {
  return Object.fromEntries(COMPLAINT_FIELDS.map((f) => [f, item[f] ?? null])) as unknown as Complaint;
}

function complaintItem(c: Complaint): Record<string, unknown> {
  const sort = complaintKeys.sort(c.submittedAt, c.id);
  return {
    ...complaintKeys.complaint(c.id),
    type: 'COMPLAINT',
    ...c,
    [GSI1.pk]: complaintKeys.byMall(c.mallId),
    [GSI1.sk]: sort,
    ...(c.agencyId ? { [GSI2.pk]: complaintKeys.byAgency(c.agencyId), [GSI2.sk]: sort } : {}),
  };
}

/** Cursors are the sort key of the last complaint of a page, base64url'd: opaque to clients. */
function encodeCursor(sortKey: string): string {
  return Buffer.from(sortKey, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { submittedAt: string; id: string } {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)#(c[0-9a-f]{32})$/.exec(raw);
  if (!match?.[1] || !match[2]) throw new BadInputError('The cursor is not valid.', 'after');
  return { submittedAt: match[1], id: match[2] };
}

/** The DynamoDB adapter of `ComplaintRepository`. */
export class DynamoComplaintStore implements ComplaintRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One write: a PutItem, or one transaction with the ticket check and the idempotency key. */
  async create(complaint: Complaint, idempotencyKey: string | null): Promise<void> {
    const put = {
      TableName: this.tableName,
      Item: complaintItem(complaint),
      ConditionExpression: 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: { '#pk': PK },
    };
    const items: TransactItem[] = [{ Put: put }];
    if (complaint.ticketId) {
      items.push({
        ConditionCheck: {
          TableName: this.tableName,
          Key: queueKeys.ticket(complaint.ticketId),
          ConditionExpression: 'attribute_exists(#pk) AND mallId = :mall',
          ExpressionAttributeNames: { '#pk': PK },
          ExpressionAttributeValues: { ':mall': complaint.mallId },
        },
      });
    }
    if (idempotencyKey)
      items.push(completeIdempotency(this.tableName, 'submitComplaint', idempotencyKey, complaint.id));
    if (items.length === 1) {
      await this.client.send(new PutCommand(put));
      return;
    }
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (complaint.ticketId && reasons[1]?.Code === 'ConditionalCheckFailed') {
        throw new NotFoundError('No such ticket in this mall.', { cause: error });
      }
      throw error;
    }
  }

  async get(id: string): Promise<Complaint | null> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: complaintKeys.complaint(id), ConsistentRead: true }),
    );
    return result.Item ? complaintFromItem(result.Item) : null;
  }

  async save(before: Complaint, after: Complaint): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: complaintItem(after),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': before.version },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new StaleWriteError('UNKNOWN', { cause: error });
      throw error;
    }
  }

  /** One Query of the mall's or agency's listing; the effective-status filter runs in DynamoDB. */
  async list(query: ComplaintQuery): Promise<ComplaintPage> {
    const index = query.agencyId ? GSI2 : GSI1;
    const partition = query.agencyId
      ? complaintKeys.byAgency(query.agencyId)
      : complaintKeys.byMall(query.mallId);
    const names: Record<string, string> = { '#pk': index.pk };
    const values: Record<string, unknown> = { ':pk': partition };
    let filter: string | undefined;
    if (query.status) {
      names['#status'] = 'status';
      values[':status'] = query.status;
      const now = query.now.toISOString();
      if (query.status === 'CLOSED') {
        // A RESOLVED complaint past its auto-close instant is CLOSED (see ComplaintService.effective).
        filter = '#status = :status OR (#status = :resolved AND dueAt < :now)';
        Object.assign(values, { ':resolved': 'RESOLVED', ':now': now });
      } else if (query.status === 'RESOLVED') {
        filter = '#status = :status AND dueAt >= :now';
        values[':now'] = now;
      } else {
        filter = '#status = :status';
      }
    }
    const start = query.cursor ? decodeCursor(query.cursor) : null;
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        FilterExpression: filter,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: start
          ? {
              ...complaintKeys.complaint(start.id),
              [index.pk]: partition,
              [index.sk]: complaintKeys.sort(start.submittedAt, start.id),
            }
          : undefined,
      }),
    );
    const last = result.LastEvaluatedKey?.[index.sk];
    return {
      edges: (result.Items ?? []).map((item) => {
        const complaint = complaintFromItem(item);
        return { complaint, cursor: encodeCursor(complaintKeys.sort(complaint.submittedAt, complaint.id)) };
      }),
      nextCursor: typeof last === 'string' ? encodeCursor(last) : null,
    };
  }
}
