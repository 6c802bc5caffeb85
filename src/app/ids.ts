import { randomBytes } from 'node:crypto';
import type { IdSource } from '../domain/queue/queue-service.js';

/** Lowercase base32 without look-alikes is not needed for ids: they are never read out. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** `bits` random bits as lowercase base32. */
export function randomBase32(bits: number): string {
  const bytes = randomBytes(Math.ceil(bits / 8));
  let out = '';
  let buffer = 0;
  let held = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    held += 8;
    while (held >= 5) {
      held -= 5;
      out += ALPHABET[(buffer >> held) & 31];
    }
    buffer &= (1 << held) - 1;
  }
  return out;
}

/** Ticket ids: 120 random bits, so holding a ticket's id is what lets a citizen cancel it. */
export const randomIds: IdSource = { ticketId: () => `t${randomBase32(120)}` };
