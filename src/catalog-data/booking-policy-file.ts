/**
 * The optional `booking` object of a service in the data files: a service with one takes online bookings
 * with that policy, every field defaulted (docs/data-files.md, docs/domain-rules.md 'The ticket door and
 * booking').
 */
import { z } from 'zod';
import { BOOKING_POLICY_DEFAULTS } from '../domain/booking/booking-policy.js';

const minutes = (max: number) => z.number().int('must be whole minutes').min(0).max(max);
const d = BOOKING_POLICY_DEFAULTS;

/** A service's booking policy as a data file declares it; null (the default) takes no bookings. */
export const bookingPolicyFile = z
  .object({
    slotMinutes: z.number().int('must be whole minutes').min(5).max(240).default(d.slotMinutes),
    capacityPerSlot: z.number().int().min(1).max(1000).default(d.capacityPerSlot),
    windowDays: z.number().int().min(0).max(90).default(d.windowDays),
    minNoticeMinutes: minutes(7 * 24 * 60).default(d.minNoticeMinutes),
    walkInShare: z
      .number()
      .min(0)
      .lt(1, 'must be below 1: a share of 1 leaves nothing to book')
      .default(d.walkInShare),
    checkInEarlyMinutes: minutes(240).default(d.checkInEarlyMinutes),
    checkInLateMinutes: minutes(240).default(d.checkInLateMinutes),
  })
  .strict()
  .nullable()
  .default(null);
