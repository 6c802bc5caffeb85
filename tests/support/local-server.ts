/**
 * Starts `npm start`'s entry point (src/local/local-server.ts) as a child
 * process, exactly as a developer runs it, and waits until it is ready.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenIdentity } from '../../src/app/auth/claims.js';
import { freePort } from '../../src/local/dynamodb-local.js';
import { LocalIssuer, type SignOptions } from '../../src/local/local-issuer.js';

export interface RunningServer {
  url: string;
  port: number;
  /** DynamoDB Local's endpoint, when the server started one. */
  dynamoEndpoint: string | undefined;
  output(): string;
  /** A token the server accepts, from the local issuer of its LOKET_DATA_DIR. */
  token(identity: TokenIdentity, options?: SignOptions): Promise<string>;
  stop(): Promise<number | null>;
}

/** Spawns the local server with `env` on top of this process's environment. */
export async function startLocalServer(
  env: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<RunningServer> {
  const port = await freePort();
  const ownDataDir = env.LOKET_DATA_DIR ? null : await mkdtemp(join(tmpdir(), 'loket-server-'));
  const dataDir = env.LOKET_DATA_DIR ?? ownDataDir ?? '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/local/local-server.ts'], {
    env: { ...process.env, LOKET_MEMORY: '1', ...env, LOKET_DATA_DIR: dataDir, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });

  const deadline = Date.now() + timeoutMs;
  while (!output.includes('Loket is ready at')) {
    if (child.exitCode !== null) throw new Error(`Local server exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Local server not ready in ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    dynamoEndpoint: /DynamoDB Local on (\S+)/.exec(output)?.[1],
    output: () => output,
    token: async (identity, options) => (await LocalIssuer.open(dataDir)).sign(identity, options),
    stop: async () => {
      let code = child.exitCode;
      if (code === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        [code] = (await exited) as [number | null];
      }
      if (ownDataDir) await rm(ownDataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** POSTs one GraphQL operation. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
}> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never };
}
