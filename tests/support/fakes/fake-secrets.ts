import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { HashPurpose, KeyedHasher, Sealer, Secrets } from '../../../src/domain/shared/secrets.js';

/**
 * Secrets from a fixed test key: a keyed hash per purpose (HMAC-SHA256, as the
 * real one, so the same value and purpose always give the same digest and
 * purposes never collide) and a sealer whose output is readable in a test but
 * refuses, as the real one does, anything it did not make or that was altered.
 * Counts its hashes so a test can see what was hashed.
 */
export class FakeSecrets implements Secrets {
  readonly hashed: { purpose: HashPurpose; value: string }[] = [];
  readonly hasher: KeyedHasher;
  readonly sealer: Sealer;

  constructor(key = 'loket-unit-test-key') {
    const tag = (text: string) =>
      createHmac('sha256', `${key}:seal`).update(text).digest('base64url').slice(0, 16);
    this.hasher = {
      hash: (purpose, value) => {
        this.hashed.push({ purpose, value });
        return createHmac('sha256', createHash('sha256').update(`${key}:${purpose}`).digest())
          .update(value, 'utf8')
          .digest('hex');
      },
    };
    this.sealer = {
      seal: (plaintext) => {
        const body = Buffer.from(plaintext, 'utf8').toString('base64url');
        return `fake1.${body}.${tag(body)}`;
      },
      open: (sealed) => {
        const [version, body = '', mac = ''] = sealed.split('.');
        const expected = tag(body);
        if (
          version !== 'fake1' ||
          mac.length !== expected.length ||
          !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))
        ) {
          throw new Error('The sealed value was not made by this key or was altered');
        }
        return Buffer.from(body, 'base64url').toString('utf8');
      },
    };
  }
}
