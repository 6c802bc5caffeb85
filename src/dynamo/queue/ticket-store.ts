/**
 * Tickets in DynamoDB: the adapter of `TicketRepository`. Every state change
 * is a conditional write; a move is one transaction with its counter and
 * service-day effects.
 */

import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Ticket } from '../../domain/queue/ticket.js';
import type {
  CounterState,
  LiveQueue,
  MoveEffects,
  ServiceDayStats,
  TicketRepository,
} from '../../domain/queue/ticket-repository.js';
import { QuotaExhaustedError } from '../../domain/shared/errors.js';
import { StaleWriteError } from '../../domain/shared/stale-write-error.js';
import { completeIdempotency } from '../shared/idempotency-store.js';
import { GSI1, GSI2, type ItemKey, keyAttributes, PK, queueKeys } from '../shared/keys.js';
import { queryPartition } from '../shared/query-partition.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const TICKET_FIELDS = [
  'id',
  'mallId',
  'agencyId',
  'serviceId',
  'date',
  'sequence',
  'number',
  'status',
  'priority',
  'issuedAt',
  'queuedAt',
  'appointmentId',
  'holderCodeHash',
  'calledAt',
  'startedAt',
  'finishedAt',
  'counterId',
  'recallCount',
  'history',
  'version',
] as const satisfies readonly (keyof Ticket)[];

/** BatchGetItem takes at most 100 keys. */
const BATCH_GET_MAX = 100;

function ticketFromItem(item: Record<string, unknown>): Ticket {
  const ticket = Object.fromEntries(TICKET_FIELDS.map((f) => [f, item[f] ?? null])) as unknown as Ticket;
  // Tickets stored before bookings existed stand in the queue by their issue time.
  ticket.queuedAt ??= ticket.issuedAt;
  return ticket;
}

/** The instant of the latest event of one of `actions`, from the history; null when none. */
function latestAt(ticket: Ticket, actions: readonly string[]): string | null {
  for (let i = ticket.history.length - 1; i >= 0; i--) {
    const event = ticket.history[i];
    if (event && actions.includes(event.action)) return event.at;
  }
  return null;
}

/** The stored item of a ticket, with the index keys its state implies (check-in puts it in its own transaction). */
export function ticketItem(ticket: Ticket): Record<string, unknown> {
  // The holder code itself is never stored: only its hash is.
  const { holderCode: _never, ...stored } = ticket;
  const item: Record<string, unknown> = { ...queueKeys.ticket(ticket.id), type: 'TICKET', ...stored };
  if (ticket.status === 'WAITING') {
    item[GSI1.pk] = queueKeys.liveQueue(ticket.agencyId, ticket.date);
    item[GSI1.sk] = queueKeys.waitingSort(ticket.queuedAt, ticket.id);
  } else if (ticket.status === 'CALLED' || ticket.status === 'SERVING') {
    item[GSI1.pk] = queueKeys.liveQueue(ticket.agencyId, ticket.date);
    item[GSI1.sk] = queueKeys.activeSort(ticket.calledAt ?? ticket.issuedAt, ticket.id);
    // Only what is at a counter now is on the hall display: a finished, cancelled or transferred ticket leaves it.
    item[GSI2.pk] = queueKeys.board(ticket.mallId, ticket.date);
    item[GSI2.sk] = queueKeys.boardSort(
      latestAt(ticket, ['CALLED', 'RECALLED']) ?? ticket.issuedAt,
      ticket.id,
    );
  } else if (ticket.status === 'NO_SHOW') {
    item[GSI1.pk] = queueKeys.noShows(ticket.serviceId, ticket.date);
    item[GSI1.sk] = queueKeys.noShowSort(latestAt(ticket, ['NO_SHOW']) ?? ticket.issuedAt, ticket.id);
  }
  return item;
}

function counterStateFromItem(counterId: string, item: Record<string, unknown> | undefined): CounterState {
  return {
    counterId,
    currentTicketId: typeof item?.currentTicketId === 'string' ? item.currentTicketId : null,
    priorityStreak: typeof item?.priorityStreak === 'number' ? item.priorityStreak : 0,
  };
}

/** The DynamoDB adapter of `TicketRepository`. */
export class DynamoTicketStore implements TicketRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * One UpdateItem `ADD issued 1`: numbers never repeat, whatever the concurrency. A walk-in also adds
   * `committed 1`, refused at the quota, the count bookings share, so walk-ins and bookings together
   * never pass it; a booking checking in took its place when booked and only takes a number.
   */
  async nextSequence(
    serviceId: string,
    agencyId: string,
    date: string,
    quota: number | null,
    heldByBooking = false,
  ): Promise<number> {
    const limited = quota !== null && !heldByBooking;
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keyAttributes(queueKeys.serviceDay(serviceId, date)),
          UpdateExpression: `SET #type = :type, serviceId = :sid, #g1pk = :g1pk, #g1sk = :g1sk ADD issued :one${
            heldByBooking ? '' : ', committed :one'
          }`,
          ...(limited
            ? { ConditionExpression: 'attribute_not_exists(committed) OR committed < :quota' }
            : {}),
          ExpressionAttributeNames: { '#type': 'type', '#g1pk': GSI1.pk, '#g1sk': GSI1.sk },
          ExpressionAttributeValues: {
            ':type': 'SERVICE_DAY',
            ':sid': serviceId,
            ':g1pk': queueKeys.liveQueue(agencyId, date),
            ':g1sk': queueKeys.serviceDaySort(serviceId),
            ':one': 1,
            ...(limited ? { ':quota': quota } : {}),
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(result.Attributes?.issued);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new QuotaExhaustedError(
          'Today’s quota for this service is used up. Please come back tomorrow.',
        );
      }
      throw error;
    }
  }

  async createTicket(ticket: Ticket, idempotencyKey: string | null): Promise<void> {
    const put = {
      TableName: this.tableName,
      Item: ticketItem(ticket),
      ConditionExpression: 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: { '#pk': PK },
    };
    if (idempotencyKey === null) {
      await this.client.send(new PutCommand(put));
      return;
    }
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: put },
          completeIdempotency(this.tableName, 'takeTicket', idempotencyKey, ticket.id),
        ],
      }),
    );
  }

  /** Strongly consistent: a move reads the ticket it is about to change. */
  async getTicket(id: string): Promise<Ticket | null> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keyAttributes(queueKeys.ticket(id)),
        ConsistentRead: true,
      }),
    );
    return result.Item ? ticketFromItem(result.Item) : null;
  }

  private async batchGet(keys: ItemKey[]): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < keys.length; i += BATCH_GET_MAX) {
      let pending: Record<string, unknown>[] | undefined = keys
        .slice(i, i + BATCH_GET_MAX)
        .map(keyAttributes);
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 1000)));
        const result: BatchGetCommandOutput = await this.client.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } },
          }),
        );
        items.push(...(result.Responses?.[this.tableName] ?? []));
        pending = result.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return items;
  }

  async getTickets(ids: readonly string[]): Promise<Map<string, Ticket>> {
    const unique = [...new Set(ids)];
    const items = await this.batchGet(unique.map(queueKeys.ticket));
    return new Map(items.map((i) => [String(i.id), ticketFromItem(i)]));
  }

  async liveQueue(agencyId: string, date: string): Promise<LiveQueue> {
    const queue: LiveQueue = { waiting: [], active: [], stats: new Map() };
    const items = await queryPartition(this.client, {
      tableName: this.tableName,
      index: { name: GSI1.name, pk: GSI1.pk },
      partitionKeyName: PK,
      value: queueKeys.liveQueue(agencyId, date),
    });
    for (const item of items) {
      if (item.type === 'SERVICE_DAY') {
        const stats: ServiceDayStats = {
          serviceId: String(item.serviceId),
          issued: Number(item.issued ?? 0),
          ...(typeof item.committed === 'number' ? { committed: item.committed } : {}),
          serviceMinutes: Array.isArray(item.serviceMinutes) ? item.serviceMinutes.map(Number) : [],
        };
        queue.stats.set(stats.serviceId, stats);
      } else if (item.type === 'TICKET') {
        const ticket = ticketFromItem(item);
        // The index may lag the table on AWS; the status on the item decides.
        if (ticket.status === 'WAITING') queue.waiting.push(ticket);
        else if (ticket.status === 'CALLED' || ticket.status === 'SERVING') queue.active.push(ticket);
      }
    }
    return queue;
  }

  async getCounterState(counterId: string): Promise<CounterState> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keyAttributes(queueKeys.counterState(counterId)),
        ConsistentRead: true,
      }),
    );
    return counterStateFromItem(counterId, result.Item);
  }

  async getCounterStates(counterIds: readonly string[]): Promise<Map<string, CounterState>> {
    const unique = [...new Set(counterIds)];
    const items = await this.batchGet(unique.map(queueKeys.counterState));
    const byId = new Map(items.map((i) => [String(i.counterId), i]));
    return new Map(unique.map((id) => [id, counterStateFromItem(id, byId.get(id))]));
  }

  /** One TransactWriteItems: the ticket at its read version, plus the counter and service-day effects. */
  async saveMove(before: Ticket, after: Ticket, effects: MoveEffects): Promise<void> {
    const items: { item: TransactItem; reason: 'TICKET' | 'COUNTER' | 'UNKNOWN' }[] = [
      {
        reason: 'TICKET',
        item: {
          Put: {
            TableName: this.tableName,
            Item: ticketItem(after),
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':version': before.version },
          },
        },
      },
    ];
    if (effects.releaseCounter) {
      items.push({
        reason: 'COUNTER',
        item: {
          Update: {
            TableName: this.tableName,
            Key: keyAttributes(queueKeys.counterState(effects.releaseCounter.counterId)),
            UpdateExpression: 'REMOVE currentTicketId',
            ConditionExpression: 'currentTicketId = :id',
            ExpressionAttributeValues: { ':id': before.id },
          },
        },
      });
    }
    if (effects.takeCounter) {
      items.push({
        reason: 'COUNTER',
        item: {
          Update: {
            TableName: this.tableName,
            Key: keyAttributes(queueKeys.counterState(effects.takeCounter.counterId)),
            UpdateExpression:
              'SET #type = :type, counterId = :cid, currentTicketId = :id, priorityStreak = :streak',
            ConditionExpression: 'attribute_not_exists(currentTicketId)',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: {
              ':type': 'COUNTER_STATE',
              ':cid': effects.takeCounter.counterId,
              ':id': after.id,
              ':streak': effects.takeCounter.priorityStreak,
            },
          },
        },
      });
    }
    if (effects.finishedMinutes !== undefined) {
      items.push({
        reason: 'UNKNOWN',
        item: {
          Update: {
            TableName: this.tableName,
            Key: keyAttributes(queueKeys.serviceDay(after.serviceId, after.date)),
            UpdateExpression:
              'SET #type = :type, serviceId = :sid, #g1pk = :g1pk, #g1sk = :g1sk, serviceMinutes = list_append(if_not_exists(serviceMinutes, :empty), :minutes)',
            ExpressionAttributeNames: { '#type': 'type', '#g1pk': GSI1.pk, '#g1sk': GSI1.sk },
            ExpressionAttributeValues: {
              ':type': 'SERVICE_DAY',
              ':sid': after.serviceId,
              ':g1pk': queueKeys.liveQueue(after.agencyId, after.date),
              ':g1sk': queueKeys.serviceDaySort(after.serviceId),
              ':empty': [],
              ':minutes': [Math.round(effects.finishedMinutes * 100) / 100],
            },
          },
        },
      });
    }
    try {
      if (items.length === 1) {
        const put = items[0]?.item.Put;
        if (!put) throw new Error('A move always writes its ticket');
        await this.client.send(new PutCommand(put));
      } else {
        await this.client.send(new TransactWriteCommand({ TransactItems: items.map((i) => i.item) }));
      }
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new StaleWriteError('TICKET', { cause: error });
      if (error instanceof TransactionCanceledException) {
        const failed = error.CancellationReasons?.findIndex((r) => r.Code === 'ConditionalCheckFailed') ?? -1;
        if (failed >= 0) throw new StaleWriteError(items[failed]?.reason ?? 'UNKNOWN', { cause: error });
        const conflict = error.CancellationReasons?.some((r) => r.Code === 'TransactionConflict');
        if (conflict) throw new StaleWriteError('UNKNOWN', { cause: error });
      }
      throw error;
    }
  }

  /** One Query of a service's no-shows of the day, latest marked first. */
  async noShows(serviceId: string, date: string, limit: number): Promise<Ticket[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.pk },
        ExpressionAttributeValues: { ':pk': queueKeys.noShows(serviceId, date) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    // The index may lag the table on AWS; the status on the item decides.
    return (result.Items ?? []).map(ticketFromItem).filter((t) => t.status === 'NO_SHOW');
  }

  /** One Query of the mall's board of the day, newest call first. */
  async board(mallId: string, date: string, limit: number): Promise<Ticket[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI2.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI2.pk },
        ExpressionAttributeValues: { ':pk': queueKeys.board(mallId, date) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    // The index may lag the table on AWS; the status on the item decides.
    return (result.Items ?? [])
      .map(ticketFromItem)
      .filter((t) => t.status === 'CALLED' || t.status === 'SERVING');
  }
}
