/**
 * Bookings in DynamoDB: the adapter of `BookingRepository`. A booking, a cancellation and a check-in are
 * each one TransactWriteItems whose conditions hold the rules under any concurrency: the slot's capacity,
 * the day's booking cap and quota, the NIK's record at the version read, the appointment at its version.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Appointment } from '../../domain/booking/appointment.js';
import {
  type AppointmentPage,
  type BookingConflictReason,
  type BookingRepository,
  BookingWriteConflict,
  type NewBooking,
  type ServiceDayBookings,
} from '../../domain/booking/booking-repository.js';
import { EMPTY_NIK_RECORD, type HeldBooking, type NikRecord } from '../../domain/booking/nik-record.js';
import type { Ticket } from '../../domain/queue/ticket.js';
import { BadInputError, QuotaExhaustedError } from '../../domain/shared/errors.js';
import { ticketItem } from '../queue/ticket-store.js';
import { completeIdempotency } from '../shared/idempotency-store.js';
import { bookingKeys, GSI1, keyAttributes, PK, queueKeys, SK, TTL } from '../shared/keys.js';
import { queryPartition } from '../shared/query-partition.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
/** What a failed condition of a transaction item means. */
type FailureMeaning = BookingConflictReason | 'SLOT' | 'DAY';

const APPOINTMENT_FIELDS = [
  'id',
  'mallId',
  'agencyId',
  'serviceId',
  'date',
  'startsAt',
  'endsAt',
  'lateUntil',
  'status',
  'bookedAt',
  'nikHash',
  'nikLast4',
  'ticketId',
  'checkedInAt',
  'checkedInLate',
  'cancelledAt',
  'version',
] as const satisfies readonly (keyof Appointment)[];

/** The sealed contact is kept 90 days past the slot: long enough to reach the citizen about it. */
const CONTACT_KEPT_SECONDS = 90 * 86_400;

function appointmentFromItem(item: Record<string, unknown>): Appointment {
  const appointment = Object.fromEntries(APPOINTMENT_FIELDS.map((f) => [f, item[f] ?? null])) as unknown;
  return { ...(appointment as Appointment), checkedInLate: item.checkedInLate === true };
}

/** The stored item of an appointment, in GSI1 under its service's day for the staff list. */
function appointmentItem(a: Appointment): Record<string, unknown> {
  return {
    ...bookingKeys.appointment(a.id),
    type: 'APPOINTMENT',
    ...a,
    [GSI1.pk]: bookingKeys.byServiceDay(a.serviceId, a.date),
    [GSI1.sk]: bookingKeys.byServiceDaySort(a.startsAt, a.id),
  };
}

function nikRecordFromItem(item: Record<string, unknown> | undefined): NikRecord {
  if (!item) return EMPTY_NIK_RECORD;
  return {
    version: Number(item.version ?? 0),
    bookings: (item.bookings ?? {}) as Record<string, HeldBooking>,
    noShows: (item.noShows ?? {}) as Record<string, string>,
  };
}

/** Cursors are the GSI1 sort key of the last appointment of a page, base64url'd: opaque to clients. */
function encodeCursor(sortKey: string): string {
  return Buffer.from(sortKey, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { startsAt: string; id: string } {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^([0-9T:.Z-]{20,30})#(a[0-9a-f]{32})$/.exec(raw);
  if (!match?.[1] || !match[2]) throw new BadInputError('The cursor is not valid.', 'after');
  return { startsAt: match[1], id: match[2] };
}

/** The DynamoDB adapter of `BookingRepository`. */
export class DynamoBookingStore implements BookingRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One Query of the service-day partition: the day item and every slot item. */
  async serviceDay(serviceId: string, date: string): Promise<ServiceDayBookings> {
    const items = await queryPartition(this.client, {
      tableName: this.tableName,
      partitionKeyName: PK,
      value: queueKeys.serviceDay(serviceId, date).pk,
    });
    const day: ServiceDayBookings = { bookings: 0, committed: 0, slotsBooked: new Map() };
    for (const item of items) {
      const slotStart = bookingKeys.slotStartOf(String(item[SK]));
      if (slotStart !== null) day.slotsBooked.set(slotStart, Number(item.booked ?? 0));
      else if (item.type === 'SERVICE_DAY') {
        day.bookings = Number(item.bookings ?? 0);
        day.committed = Number(item.committed ?? item.issued ?? 0);
      }
    }
    return day;
  }

  async nikRecord(nikHash: string): Promise<NikRecord> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keyAttributes(bookingKeys.nik(nikHash)),
        ConsistentRead: true,
      }),
    );
    return nikRecordFromItem(result.Item);
  }

  async appointment(id: string): Promise<Appointment | null> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keyAttributes(bookingKeys.appointment(id)),
        ConsistentRead: true,
      }),
    );
    return result.Item ? appointmentFromItem(result.Item) : null;
  }

  /** The service-day update that counts a booking in, or gives one back (`delta` −1). */
  private dayUpdate(a: Appointment, delta: 1 | -1, limits?: { cap: number; quota: number | null }) {
    const conditions = limits
      ? [
          '(attribute_not_exists(bookings) OR bookings < :cap)',
          ...(limits.quota === null ? [] : ['(attribute_not_exists(committed) OR committed < :quota)']),
        ]
      : [];
    return {
      Update: {
        TableName: this.tableName,
        Key: keyAttributes(queueKeys.serviceDay(a.serviceId, a.date)),
        UpdateExpression:
          'SET #type = :type, serviceId = :sid, #g1pk = :g1pk, #g1sk = :g1sk ADD bookings :d, committed :d',
        ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
        ExpressionAttributeNames: { '#type': 'type', '#g1pk': GSI1.pk, '#g1sk': GSI1.sk },
        ExpressionAttributeValues: {
          ':type': 'SERVICE_DAY',
          ':sid': a.serviceId,
          ':g1pk': queueKeys.liveQueue(a.agencyId, a.date),
          ':g1sk': queueKeys.serviceDaySort(a.serviceId),
          ':d': delta,
          ...(limits ? { ':cap': limits.cap } : {}),
          ...(limits && limits.quota !== null ? { ':quota': limits.quota } : {}),
        },
      },
    } satisfies TransactItem;
  }

  /** The slot update that counts a booking in (refused at `capacity`), or gives one back. */
  private slotUpdate(a: Appointment, delta: 1 | -1, capacity?: number) {
    return {
      Update: {
        TableName: this.tableName,
        Key: keyAttributes(bookingKeys.slot(a.serviceId, a.date, a.startsAt)),
        UpdateExpression: 'SET #type = :type, serviceId = :sid, startsAt = :start ADD booked :d',
        ...(capacity === undefined
          ? {}
          : { ConditionExpression: 'attribute_not_exists(booked) OR booked < :cap' }),
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':type': 'SLOT',
          ':sid': a.serviceId,
          ':start': a.startsAt,
          ':d': delta,
          ...(capacity === undefined ? {} : { ':cap': capacity }),
        },
      },
    } satisfies TransactItem;
  }

  /** The NIK item without one booking (checked in or cancelled): no longer active, nor a no-show. */
  private nikRelease(nikHash: string, appointmentId: string) {
    return {
      Update: {
        TableName: this.tableName,
        Key: keyAttributes(bookingKeys.nik(nikHash)),
        UpdateExpression: 'REMOVE bookings.#id, noShows.#id ADD version :one',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#id': appointmentId, '#pk': PK },
        ExpressionAttributeValues: { ':one': 1 },
      },
    } satisfies TransactItem;
  }

  /** The appointment item at its read version. */
  private appointmentPut(before: Appointment, after: Appointment) {
    return {
      Put: {
        TableName: this.tableName,
        Item: appointmentItem(after),
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': before.version },
      },
    } satisfies TransactItem;
  }

  async book(b: NewBooking): Promise<void> {
    const a = b.appointment;
    if (b.dayBookingCap < 1) {
      throw new QuotaExhaustedError(
        'This service keeps the whole day for walk-ins; it takes no bookings then.',
      );
    }
    const nikWrite = {
      ...bookingKeys.nik(b.nik.hash),
      type: 'NIK',
      version: b.nik.write.version,
      bookings: b.nik.write.bookings,
      noShows: b.nik.write.noShows,
    };
    const items: { item: TransactItem; meaning: FailureMeaning }[] = [
      {
        meaning: 'APPOINTMENT',
        item: {
          Put: {
            TableName: this.tableName,
            Item: appointmentItem(a),
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': PK },
          },
        },
      },
      {
        meaning: 'APPOINTMENT',
        item: {
          Put: {
            TableName: this.tableName,
            // Sealed, and on an item no index projects: personal data never reaches an index.
            Item: {
              ...bookingKeys.contact(a.id),
              type: 'APPOINTMENT_CONTACT',
              phone: b.contact.phone,
              ...(b.contact.name === null ? {} : { name: b.contact.name }),
              [TTL]: Math.floor(Date.parse(a.startsAt) / 1000) + CONTACT_KEPT_SECONDS,
            },
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': PK },
          },
        },
      },
      { meaning: 'SLOT', item: this.slotUpdate(a, 1, b.slotCapacity) },
      { meaning: 'DAY', item: this.dayUpdate(a, 1, { cap: b.dayBookingCap, quota: b.dailyQuota }) },
      {
        meaning: 'NIK',
        item: {
          Put: {
            TableName: this.tableName,
            Item: nikWrite,
            ...(b.nik.read.version === 0
              ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': PK } }
              : {
                  ConditionExpression: '#version = :version',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':version': b.nik.read.version },
                }),
          },
        },
      },
      // The no-shows this decision found are recorded on their appointments too (no sweep job does it).
      ...b.newNoShows.map((id) => ({
        meaning: 'NIK' as const,
        item: {
          Update: {
            TableName: this.tableName,
            Key: keyAttributes(bookingKeys.appointment(id)),
            UpdateExpression: 'SET #status = :noShow ADD #version :one',
            ConditionExpression: '#status = :booked',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: { ':noShow': 'NO_SHOW', ':booked': 'BOOKED', ':one': 1 },
          },
        },
      })),
    ];
    if (b.idempotencyKey !== null) {
      items.push({
        meaning: 'APPOINTMENT',
        item: completeIdempotency(this.tableName, 'bookAppointment', b.idempotencyKey, a.id),
      });
    }
    const failed = await this.transact(items);
    if (failed === 'SLOT') throw new QuotaExhaustedError('This slot is fully booked. Choose another slot.');
    if (failed === 'DAY') {
      throw new QuotaExhaustedError(
        `Bookings for ${a.date} are used up; the rest of the day is kept for walk-ins.`,
      );
    }
    if (failed) throw new BookingWriteConflict(failed);
  }

  async cancel(before: Appointment, after: Appointment): Promise<void> {
    const failed = await this.transact([
      { meaning: 'APPOINTMENT', item: this.appointmentPut(before, after) },
      { meaning: 'BUSY', item: this.slotUpdate(before, -1) },
      { meaning: 'BUSY', item: this.dayUpdate(before, -1) },
      { meaning: 'BUSY', item: this.nikRelease(before.nikHash, before.id) },
    ]);
    if (failed === 'SLOT' || failed === 'DAY') throw new Error('A cancellation has no capacity condition');
    if (failed) throw new BookingWriteConflict(failed);
  }

  async checkIn(before: Appointment, after: Appointment, ticket: Ticket): Promise<void> {
    const failed = await this.transact([
      {
        meaning: 'BUSY',
        item: {
          Put: {
            TableName: this.tableName,
            Item: ticketItem(ticket),
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': PK },
          },
        },
      },
      { meaning: 'APPOINTMENT', item: this.appointmentPut(before, after) },
      { meaning: 'BUSY', item: this.nikRelease(before.nikHash, before.id) },
    ]);
    if (failed === 'SLOT' || failed === 'DAY') throw new Error('A check-in has no capacity condition');
    if (failed) throw new BookingWriteConflict(failed);
  }

  /**
   * Runs one transaction.
   * @returns null on success; the meaning of the first failed condition; BUSY when DynamoDB cancelled it
   *   for a colliding transaction.
   */
  private async transact(
    items: { item: TransactItem; meaning: FailureMeaning }[],
  ): Promise<FailureMeaning | null> {
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items.map((i) => i.item) }));
      return null;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) return items[failed]?.meaning ?? 'BUSY';
      if (reasons.some((r) => r.Code === 'TransactionConflict')) return 'BUSY';
      throw error;
    }
  }

  async listDay(
    serviceId: string,
    date: string,
    first: number,
    after: string | null,
  ): Promise<AppointmentPage> {
    const partition = bookingKeys.byServiceDay(serviceId, date);
    const start = after === null ? null : decodeCursor(after);
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.pk },
        ExpressionAttributeValues: { ':pk': partition },
        Limit: first,
        ...(start
          ? {
              ExclusiveStartKey: {
                ...keyAttributes(bookingKeys.appointment(start.id)),
                [GSI1.pk]: partition,
                [GSI1.sk]: bookingKeys.byServiceDaySort(start.startsAt, start.id),
              },
            }
          : {}),
      }),
    );
    const items = (result.Items ?? []).map((item) => ({
      appointment: appointmentFromItem(item),
      cursor: encodeCursor(String(item[GSI1.sk])),
    }));
    const last = result.LastEvaluatedKey?.[GSI1.sk];
    return { items, nextCursor: typeof last === 'string' ? encodeCursor(last) : null };
  }
}
