/**
 * `npm run --silent token -- --role OFFICER --mall lampung-tengah --agency lampung-tengah:polres`
 *
 * Prints one line: a JWT signed by the local issuer of LOKET_DATA_DIR (default `.data`), which the local
 * server started with the same LOKET_DATA_DIR accepts as `Authorization: Bearer <jwt>`. The key pair is
 * created on first use. Options: see TOKEN_USAGE. Errors go to stderr, with exit code 1.
 *
 * `npm run --silent token -- --client <file> [--expires-in <seconds>]` signs instead as a registered
 * machine client, with the private key `npm run machine-client` kept in `<file>` (any Loket accepts it,
 * local or deployed, as long as the client is registered there and not revoked).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidClaimsError } from '../src/app/auth/claims.js';
import { MAX_MACHINE_TOKEN_LIFETIME_SECONDS } from '../src/domain/admin/machine-client.js';
import { LocalIssuer, LocalIssuerKeyError } from '../src/local/local-issuer.js';
import { readMachineClientFile, signMachineToken } from '../src/local/machine-client-key.js';
import { parseTokenArgs, TOKEN_USAGE, TokenUsageError } from '../src/local/token-command.js';

async function machineToken(args: string[]): Promise<string> {
  let values: { client?: string; 'expires-in'?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { client: { type: 'string' }, 'expires-in': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new TokenUsageError((error as Error).message);
  }
  const lifetime = Number(values['expires-in'] ?? MAX_MACHINE_TOKEN_LIFETIME_SECONDS);
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_MACHINE_TOKEN_LIFETIME_SECONDS) {
    throw new TokenUsageError(
      `--expires-in must be 1 to ${MAX_MACHINE_TOKEN_LIFETIME_SECONDS} for a machine client.`,
    );
  }
  const file = await readMachineClientFile(resolve(values.client ?? ''));
  return signMachineToken(file.id, file.privateJwk, { expiresInSeconds: lifetime });
}

try {
  const args = process.argv.slice(2);
  let token: string;
  if (args.includes('--client')) token = await machineToken(args);
  else {
    const request = parseTokenArgs(args);
    const issuer = await LocalIssuer.open(resolve(process.env.LOKET_DATA_DIR ?? '.data'));
    token = await issuer.sign(request.identity, { expiresInSeconds: request.expiresInSeconds });
  }
  process.stdout.write(`${token}\n`);
} catch (error) {
  if (error instanceof TokenUsageError) console.error(`${error.message}\n\n${TOKEN_USAGE}`);
  else if (
    error instanceof LocalIssuerKeyError ||
    error instanceof InvalidClaimsError ||
    error instanceof Error
  )
    console.error(error.message);
  else console.error(error);
  process.exitCode = 1;
}
