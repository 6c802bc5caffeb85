/**
 * Reads the table's stream records as the figures' changes: the new image of each ticket, survey,
 * booking and complaint written. Everything else (the rollup's own items included) is no change.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Complaint } from '../../domain/complaints/complaint.js';
import type { FiguresChange } from '../../domain/figures/figures-projector.js';
import type { AppointmentFact } from '../../domain/figures/service-day.js';
import type { Survey } from '../../domain/figures/survey.js';
import type { Ticket } from '../../domain/queue/ticket.js';

/** The part of a stream record the figures read (the shape of both the Lambda event and GetRecords). */
export interface StreamRecordLike {
  eventName?: string | undefined;
  dynamodb?:
    | { NewImage?: Record<string, unknown> | undefined; SequenceNumber?: string | undefined }
    | undefined;
}

/** The item types whose changes make figures; the consumer's event filter on AWS names the same. */
export const FIGURES_SOURCE_TYPES = ['TICKET', 'SURVEY', 'APPOINTMENT', 'COMPLAINT'] as const;

/**
 * An empty map attribute as DynamoDB's own JSON spells it (`{"M":{}}`): the Streams client read from
 * DynamoDB Local gives it as `{}`, which `unmarshall` refuses. Lambda's events are not affected.
 */
function repairEmptyMaps(image: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, repairValue(value)]));
}

function repairValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Object.keys(value).length === 0) return { M: {} };
  if ('M' in value) return { M: repairEmptyMaps(value.M as Record<string, unknown>) };
  if ('L' in value && Array.isArray(value.L)) return { L: value.L.map(repairValue) };
  return value;
}

/** The change a record carries, or null when it carries none for the figures. */
export function figuresChangeOf(record: StreamRecordLike): FiguresChange | null {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return null;
  const image = record.dynamodb?.NewImage;
  if (!image) return null;
  const item = unmarshall(repairEmptyMaps(image) as Record<string, AttributeValue>);
  switch (item.type) {
    case 'TICKET': {
      const ticket = item as Ticket;
      ticket.queuedAt ??= ticket.issuedAt;
      ticket.appointmentId ??= null;
      return { kind: 'TICKET', ticket };
    }
    case 'SURVEY':
      return { kind: 'SURVEY', survey: item as Survey };
    case 'COMPLAINT':
      return { kind: 'COMPLAINT', complaint: item as Complaint };
    case 'APPOINTMENT': {
      const appointment: AppointmentFact & { mallId: string } = {
        appointmentId: String(item.id),
        mallId: String(item.mallId),
        agencyId: String(item.agencyId),
        serviceId: String(item.serviceId),
        date: String(item.date),
        version: Number(item.version ?? 0),
        status: item.status,
        lateUntil: String(item.lateUntil ?? ''),
      };
      return { kind: 'APPOINTMENT', appointment };
    }
    default:
      return null;
  }
}
