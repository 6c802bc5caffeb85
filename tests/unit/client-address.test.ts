/**
 * The client address of Loket's own limits: CloudFront's view of the viewer, only when the request proves
 * it came through CloudFront.
 */
import { describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from '../../src/app/edge-headers.js';
import { clientAddress } from '../../src/app/handler.js';
import { httpEvent } from '../support/graphql.js';

const SECRET = 'origin-secret-of-the-test';
const EDGE = '130.176.0.1';
const VIEWER = '36.68.10.20';

describe('clientAddress', () => {
  it("is the viewer's address when the origin secret is right", () => {
    const event = httpEvent({
      sourceIp: EDGE,
      headers: { [ORIGIN_VERIFY_HEADER]: SECRET, [VIEWER_ADDRESS_HEADER]: VIEWER },
    });
    expect(clientAddress(event, SECRET)).toBe(VIEWER);
  });

  it('is the source address when the secret is wrong or missing: a viewer header alone is not trusted', () => {
    const variants: Record<string, string>[] = [
      { [VIEWER_ADDRESS_HEADER]: VIEWER },
      { [ORIGIN_VERIFY_HEADER]: `${SECRET}x`, [VIEWER_ADDRESS_HEADER]: VIEWER },
      { [ORIGIN_VERIFY_HEADER]: '', [VIEWER_ADDRESS_HEADER]: VIEWER },
    ];
    for (const headers of variants) {
      expect(clientAddress(httpEvent({ sourceIp: EDGE, headers }), SECRET)).toBe(EDGE);
    }
  });

  it('is the source address where no edge is configured (local server, tests)', () => {
    const event = httpEvent({
      sourceIp: '127.0.0.1',
      headers: { [ORIGIN_VERIFY_HEADER]: SECRET, [VIEWER_ADDRESS_HEADER]: VIEWER },
    });
    expect(clientAddress(event, undefined)).toBe('127.0.0.1');
  });

  it('falls back to the source address when CloudFront sent no viewer address', () => {
    const event = httpEvent({ sourceIp: EDGE, headers: { [ORIGIN_VERIFY_HEADER]: SECRET } });
    expect(clientAddress(event, SECRET)).toBe(EDGE);
  });
});
