/**
 * Complaints in DynamoDB: the adapter of `ComplaintRepository`.
 *
 * A complaint is a partition keyed by the keyed hash of its tracking code, holding the complaint
 * item (in the listings of GSI1 and, while assigned, GSI2) and the reporter item (the sealed
 * personal data, in no index, deleted by TTL at the retention instant). A pointer item turns the
 * random id staff use into that partition. See docs/data-model.md.
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
import {
  type Complaint,
  type ComplaintEvent,
  type ComplaintStatus,
  legacyEventAuthor,
  type Reporter,
} from '../../domain/complaints/complaint.js';
import type {
  ComplaintPage,
  ComplaintQuery,
  ComplaintRepository,
} from '../../domain/complaints/complaint-repository.js';
import { BadInputError, NotFoundError } from '../../domain/shared/errors.js';
import { StaleWriteError } from '../../domain/shared/stale-write-error.js';
import { completeIdempotency } from '../shared/idempotency-store.js';
import { complaintKeys, GSI1, GSI2, PK, queueKeys, TTL } from '../shared/keys.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Item = Record<string, unknown>;

/** The complaint item's own attributes: every fact, the reporter masked; nothing sealed, no code. */
const COMPLAINT_FIELDS = [
  'id',
  'codeKey',
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
  'reporterErasedAt',
  'personalDataExpiresAt',
  'submittedAt',
  'stageStartedAt',
  'dueAt',
  'assignedAgencyId',
  'timeline',
  'rating',
  'version',
] as const satisfies readonly (keyof Complaint)[];

function eventFromItem(e: Record<string, unknown>): ComplaintEvent {
  const status = e.status as ComplaintStatus;
  return {
    at: String(e.at),
    status,
    message: typeof e.message === 'string' ? e.message : null,
    author: (e.author as ComplaintEvent['author'] | undefined) ?? legacyEventAuthor(status),
    by: typeof e.by === 'string' ? e.by : null,
  };
}

/**
 * The complaint of its items. `reporterItem` undefined: not read (listings), so the masked reporter
 * comes without its sealed form; null: read and absent (erased, or deleted by retention).
 */
function complaintFromItems(item: Item, reporterItem: Item | null | undefined): Complaint {
  const facts = Object.fromEntries(COMPLAINT_FIELDS.map((f) => [f, item[f] ?? null])) as unknown as Complaint;
  const masked = (item.reporterMasked ?? null) as Reporter | null;
  let reporter: Complaint['reporter'] = null;
  if (masked !== null && reporterItem === undefined) reporter = { masked, sealed: null };
  else if (masked !== null && typeof reporterItem?.sealed === 'string')
    reporter = { masked, sealed: reporterItem.sealed };
  return {
    ...facts,
    timeline: ((item.timeline ?? []) as Record<string, unknown>[]).map(eventFromItem),
    reporter,
  };
}

/** The complaint item of a complaint (also written by the key migration). */
export function complaintItem(c: Complaint): Item {
  const sort = complaintKeys.sort(c.submittedAt, c.id);
  const { reporter, ...facts } = c;
  return {
    ...complaintKeys.complaint(c.codeKey),
    type: 'COMPLAINT',
    ...facts,
    reporterMasked: reporter?.masked ?? null,
    [GSI1.pk]: complaintKeys.byMall(c.mallId),
    [GSI1.sk]: sort,
    // Only the agency it is assigned to now lists it: nothing before assignment, after a return or a rejection.
    ...(c.assignedAgencyId ? { [GSI2.pk]: complaintKeys.byAgency(c.assignedAgencyId), [GSI2.sk]: sort } : {}),
  };
}

/** The sealed reporter, apart from the complaint so that no index ever holds it; TTL at retention. */
export function reporterItem(c: Complaint, sealed: string): Item {
  return {
    ...complaintKeys.reporter(c.codeKey),
    type: 'COMPLAINT_REPORTER',
    sealed,
    ...(c.personalDataExpiresAt
      ? { [TTL]: Math.floor(new Date(c.personalDataExpiresAt).getTime() / 1000) }
      : {}),
  };
}

/** The pointer from a complaint's id to its partition. */
export function idPointerItem(c: Pick<Complaint, 'id' | 'codeKey' | 'mallId'>): Item {
  return { ...complaintKeys.byId(c.id), type: 'COMPLAINT_ID', codeKey: c.codeKey, mallId: c.mallId };
}

/** Cursors are the listing sort key and the partition of the last complaint of a page, base64url'd. */
function encodeCursor(c: Pick<Complaint, 'submittedAt' | 'id' | 'codeKey'>): string {
  return Buffer.from(`${complaintKeys.sort(c.submittedAt, c.id)}#${c.codeKey}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { submittedAt: string; id: string; codeKey: string } {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)#(c[0-9a-f]{32})#([0-9a-f]{64})$/.exec(raw);
  if (!match?.[1] || !match[2] || !match[3]) throw new BadInputError('The cursor is not valid.', 'after');
  return { submittedAt: match[1], id: match[2], codeKey: match[3] };
}

/** Most ids whose partition one instance remembers. */
const MAX_REMEMBERED_IDS = 10_000;

/** The DynamoDB adapter of `ComplaintRepository`. */
export class DynamoComplaintStore implements ComplaintRepository {
  /**
   * Ids this instance has made, listed or read, with their code keys. A pointer never changes, so
   * a staff move on a complaint the instance has seen (typically just listed) skips the pointer's read.
   */
  private readonly codeKeys = new Map<string, string>();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private remember(c: Pick<Complaint, 'id' | 'codeKey'>): void {
    if (this.codeKeys.has(c.id)) return;
    if (this.codeKeys.size >= MAX_REMEMBERED_IDS) {
      const oldest = this.codeKeys.keys().next().value;
      if (oldest !== undefined) this.codeKeys.delete(oldest);
    }
    this.codeKeys.set(c.id, c.codeKey);
  }

  /** One TransactWriteItems: the complaint, its reporter, its id pointer, the ticket check and the key. */
  async create(complaint: Complaint, idempotencyKey: string | null): Promise<void> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: complaintItem(complaint),
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: idPointerItem(complaint),
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        },
      },
    ];
    if (complaint.reporter?.sealed) {
      items.push({
        Put: { TableName: this.tableName, Item: reporterItem(complaint, complaint.reporter.sealed) },
      });
    }
    const ticketCheck = complaint.ticketId ? items.length : -1;
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
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (ticketCheck >= 0 && reasons[ticketCheck]?.Code === 'ConditionalCheckFailed') {
        throw new NotFoundError('No such ticket in this mall.', { cause: error });
      }
      throw error;
    }
    this.remember(complaint);
  }

  /** GetItem of the id pointer (unless this instance knows it), then the complaint's partition. */
  async get(id: string): Promise<Complaint | null> {
    const known = this.codeKeys.get(id);
    if (known !== undefined) return this.getByCodeKey(known);
    const pointer = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: complaintKeys.byId(id), ConsistentRead: true }),
    );
    const codeKey = pointer.Item?.codeKey;
    return typeof codeKey === 'string' ? this.getByCodeKey(codeKey) : null;
  }

  /** One consistent Query of the partition: the complaint and its reporter together. */
  async getByCodeKey(codeKey: string): Promise<Complaint | null> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': PK },
        ExpressionAttributeValues: { ':pk': complaintKeys.partition(codeKey) },
        ConsistentRead: true,
      }),
    );
    const items = result.Items ?? [];
    const complaint = items.find((i) => i.sk === complaintKeys.itemSort.complaint);
    if (!complaint) return null;
    const found = complaintFromItems(
      complaint,
      items.find((i) => i.sk === complaintKeys.itemSort.reporter) ?? null,
    );
    this.remember(found);
    return found;
  }

  /** A conditional PutItem, or one transaction when the reporter's item changes with it. */
  async save(before: Complaint, after: Complaint): Promise<void> {
    const put = {
      TableName: this.tableName,
      Item: complaintItem(after),
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': before.version },
    };
    const items: TransactItem[] = [{ Put: put }];
    if (before.reporter !== null && after.reporter === null) {
      items.push({ Delete: { TableName: this.tableName, Key: complaintKeys.reporter(before.codeKey) } });
    } else if (after.reporter?.sealed && after.personalDataExpiresAt !== before.personalDataExpiresAt) {
      items.push({ Put: { TableName: this.tableName, Item: reporterItem(after, after.reporter.sealed) } });
    }
    try {
      if (items.length === 1) await this.client.send(new PutCommand(put));
      else await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const stale =
        error instanceof ConditionalCheckFailedException ||
        (error instanceof TransactionCanceledException &&
          error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed');
      if (stale) throw new StaleWriteError('UNKNOWN', { cause: error });
      throw error;
    }
  }

  /** One Query of the mall's listing or the assigned agency's; status and overdue filters run in DynamoDB. */
  async list(query: ComplaintQuery): Promise<ComplaintPage> {
    const index = query.agencyId ? GSI2 : GSI1;
    const partition = query.agencyId
      ? complaintKeys.byAgency(query.agencyId)
      : complaintKeys.byMall(query.mallId);
    const names: Record<string, string> = { '#pk': index.pk };
    const values: Record<string, unknown> = { ':pk': partition };
    const filters: string[] = [];
    const now = query.now.toISOString();
    if (query.status) {
      names['#status'] = 'status';
      values[':status'] = query.status;
      if (query.status === 'CLOSED') {
        // A RESOLVED complaint past its auto-close instant is CLOSED (see ComplaintService.effective).
        filters.push('(#status = :status OR (#status = :resolved AND dueAt < :now))');
        Object.assign(values, { ':resolved': 'RESOLVED', ':now': now });
      } else if (query.status === 'RESOLVED') {
        filters.push('(#status = :status AND dueAt >= :now)');
        values[':now'] = now;
      } else {
        filters.push('#status = :status');
      }
    }
    if (query.overdue !== null) {
      // Overdue: a stage awaiting the mall or the agency, past its deadline (isOverdue in the domain).
      names['#status'] = 'status';
      Object.assign(values, {
        ':now': now,
        ':received': 'RECEIVED',
        ':verified': 'VERIFIED',
        ':assigned': 'ASSIGNED',
        ':inProgress': 'IN_PROGRESS',
      });
      const overdue = '(#status IN (:received, :verified, :assigned, :inProgress) AND dueAt < :now)';
      filters.push(query.overdue ? overdue : `NOT ${overdue}`);
    }
    const start = query.cursor ? decodeCursor(query.cursor) : null;
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        FilterExpression: filters.length ? filters.join(' AND ') : undefined,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: start
          ? {
              ...complaintKeys.complaint(start.codeKey),
              [index.pk]: partition,
              [index.sk]: complaintKeys.sort(start.submittedAt, start.id),
            }
          : undefined,
      }),
    );
    const last = result.LastEvaluatedKey;
    const lastSort = last?.[index.sk];
    const lastPk = last?.[PK];
    let nextCursor: string | null = null;
    if (typeof lastSort === 'string' && typeof lastPk === 'string') {
      const [submittedAt = '', id = ''] = lastSort.split('#');
      nextCursor = encodeCursor({ submittedAt, id, codeKey: lastPk.slice(lastPk.indexOf('#') + 1) });
    }
    return {
      // An item the key migration has not reached yet (no code key) is left out rather than half shown.
      edges: (result.Items ?? [])
        .filter((item) => typeof item.codeKey === 'string')
        .map((item) => {
          const complaint = complaintFromItems(item, undefined);
          this.remember(complaint);
          return { complaint, cursor: encodeCursor(complaint) };
        }),
      nextCursor,
    };
  }
}
