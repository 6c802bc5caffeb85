/**
 * `npm run load` as a person without AWS credentials runs it (docs/data-files.md): asked for `--aws`, it
 * says in one line what to do (load through the API with `--api` and an ADMIN token), with no stack trace;
 * `--api` without a token is a usage error, also in one line.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs scripts/load-data.ts with no AWS credentials anywhere; its exit code and stderr without Node's warnings. */
async function load(args: string[]): Promise<{ code: number; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_REGION: 'ap-southeast-3',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/loket-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/loket-credentials',
  };
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'])
    delete env[name];
  try {
    await run(process.execPath, ['--import', 'tsx', 'scripts/load-data.ts', ...args], { env });
    return { code: 0, stderr: '' };
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    const own = stderr
      .split('\n')
      .filter(
        (line) =>
          line.trim() !== '' &&
          !/NodeVersionSupportWarning|node >=22|trace-warnings|^\s*(versions|will|To continue|and security|More information)/.test(
            line,
          ),
      );
    return { code, stderr: own.join('\n') };
  }
}

describe('npm run load without AWS credentials', () => {
  it('explains in one line how to load through the API instead, with no stack trace', async () => {
    const { code, stderr } = await load(['--aws']);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^No AWS credentials: load through the deployed API instead, `npm run load -- --api /,
    );
  }, 60_000);

  it('refuses --api without a token in one line', async () => {
    const { code, stderr } = await load(['--api', 'http://127.0.0.1:9/graphql']);
    expect(code).toBe(1);
    expect(stderr).toBe('--api needs --token <an ADMIN token of the mall(s)>.');
  }, 60_000);
});
