/**
 * Starts `npm start`'s entry point (src/app/local-server.ts) as a child
 * process, exactly as a developer runs it, and waits until it is ready.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../../src/app/dynamodb-local.js';

export interface RunningServer {
  url: string;
  port: number;
  /** DynamoDB Local's endpoint, when the server started one. */
  dynamoEndpoint: string | undefined;
  output(): string;
  stop(): Promise<number | null>;
}

/** Spawns the local server with `env` on top of this process's environment. */
export async function startLocalServer(
  env: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/app/local-server.ts'], {
    env: { ...process.env, LOKET_MEMORY: '1', ...env, PORT: String(port) },
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
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
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
