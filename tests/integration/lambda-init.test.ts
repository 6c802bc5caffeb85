/**
 * The Lambda entry's INIT (src/app/lambda.ts). Under provisioned concurrency, importing it ends only once
 * the DynamoDB warm-up has reached the table, because Lambda freezes an instance between INIT and its
 * first invoke and a warm-up left running would not get there; a DynamoDB that never answers holds INIT
 * only for the warm-up's bound. An on-demand INIT, which its request waits for, sends nothing.
 */

import { mkdtemp } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureSecretKeyFile } from '../../src/local/secret-key-file.js';

/** Imports a fresh copy of the entry with a DynamoDB that accepts connections and never answers. */
async function initWith(initializationType: string): Promise<{ connections: number; handler: unknown }> {
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
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', initializationType);
  vi.resetModules();
  try {
    const entry = await import('../../src/app/lambda.js');
    // Counted before yielding to the event loop: a warm-up still running could not have connected yet.
    return { connections: sockets.length, handler: entry.handler };
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
  }
}

describe('the Lambda entry (src/app/lambda.ts)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('under provisioned concurrency, ends INIT with the warm-up sent, even when DynamoDB never answers', async () => {
    const init = await initWith('provisioned-concurrency');
    expect(init.connections).toBe(1);
    expect(init.handler).toBeTypeOf('function');
  });

  it('on demand, ends INIT without a request: the waiting request opens the connection', async () => {
    const init = await initWith('on-demand');
    expect(init.connections).toBe(0);
    expect(init.handler).toBeTypeOf('function');
  });
});
