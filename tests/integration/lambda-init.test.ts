/**
 * The Lambda entry's INIT (src/app/lambda.ts): importing it ends only once the DynamoDB warm-up has
 * reached the table, because Lambda freezes an instance between INIT and its first invoke and a warm-up
 * left running would not get there. A DynamoDB that never answers holds INIT only for the warm-up's bound.
 */

import { mkdtemp } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ensureSecretKeyFile } from '../../src/local/secret-key-file.js';

describe('the Lambda entry (src/app/lambda.ts)', () => {
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('ends INIT with the warm-up sent, and still loads when DynamoDB never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    vi.stubEnv('LOKET_TABLE', 'loket-init-test');
    vi.stubEnv(
      'LOKET_SECRET_KEY_FILE',
      await ensureSecretKeyFile(await mkdtemp(join(tmpdir(), 'loket-init-'))),
    );
    vi.stubEnv('DYNAMODB_ENDPOINT', `http://127.0.0.1:${port}`);
    try {
      const entry = await import('../../src/app/lambda.js');
      // Checked before yielding to the event loop: a warm-up still running could not have connected yet.
      expect(sockets.length).toBe(1);
      expect(entry.handler).toBeTypeOf('function');
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});
