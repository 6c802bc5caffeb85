/**
 * `npm run --silent token -- --role OFFICER --mall lampung-tengah --agency lampung-tengah:polres`
 *
 * Prints one line: a JWT signed by the local issuer of LOKET_DATA_DIR (default `.data`), which the local
 * server started with the same LOKET_DATA_DIR accepts as `Authorization: Bearer <jwt>`. The key pair is
 * created on first use. Options: see TOKEN_USAGE. Errors go to stderr, with exit code 1.
 */
import { resolve } from 'node:path';
import { InvalidClaimsError } from '../src/app/auth/claims.js';
import { LocalIssuer, LocalIssuerKeyError } from '../src/local/local-issuer.js';
import { parseTokenArgs, TOKEN_USAGE, TokenUsageError } from '../src/local/token-command.js';

try {
  const request = parseTokenArgs(process.argv.slice(2));
  const issuer = await LocalIssuer.open(resolve(process.env.LOKET_DATA_DIR ?? '.data'));
  const token = await issuer.sign(request.identity, { expiresInSeconds: request.expiresInSeconds });
  process.stdout.write(`${token}\n`);
} catch (error) {
  if (error instanceof TokenUsageError) console.error(`${error.message}\n\n${TOKEN_USAGE}`);
  else if (error instanceof LocalIssuerKeyError || error instanceof InvalidClaimsError)
    console.error(error.message);
  else console.error(error);
  process.exitCode = 1;
}
