/**
 * `npm run machine-client -- --kind KIOSK --mall lampung-tengah --name "Kiosk 1" --token <ADMIN token>`
 * `npm run machine-client -- --kind PARTNER --mall lampung-tengah --agency lampung-tengah:polres --name "SIMKIM" --api <url> --token <ADMIN token>`
 *
 * Makes an EC P-256 key pair, registers its public half with `registerMachineClient` (the local server on
 * PORT by default, or `--api <url>`), and keeps the private half in a file readable by its owner only
 * (`--out`, default `<LOKET_DATA_DIR>/clients/<id>.json`). Loket never sees the private key.
 * `npm run --silent token -- --client <file>` then signs the client's tokens. Errors go to stderr, exit 1.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { newMachineKeyPair, writeMachineClientFile } from '../src/local/machine-client-key.js';

const USAGE = [
  'Usage: npm run machine-client -- --kind <KIOSK|PARTNER> --mall <mallId> --name <name> --token <ADMIN token>',
  '                                 [--agency <agencyId>] [--api <url>] [--out <file>]',
  '  --agency is required for PARTNER; --api defaults to the local server, http://localhost:$PORT/graphql',
].join('\n');

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterMachineClientInput!) {
    registerMachineClient(input: $input) { id kind name mallId agencyId createdAt }
  }
`;

try {
  const { values } = parseArgs({
    options: {
      kind: { type: 'string' },
      mall: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
      api: { type: 'string' },
      token: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  if (!values.kind || !values.mall || !values.name || !values.token) throw new Error(USAGE);
  const api = values.api ?? `http://localhost:${process.env.PORT ?? 4000}/graphql`;
  const { publicJwk, privateJwk } = await newMachineKeyPair();
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${values.token}` },
    body: JSON.stringify({
      query: REGISTER,
      variables: {
        input: {
          kind: values.kind.toUpperCase(),
          name: values.name,
          mallId: values.mall,
          agencyId: values.agency ?? null,
          publicKeyJwk: JSON.stringify(publicJwk),
        },
      },
    }),
  });
  const body = (await response.json()) as {
    data?: {
      registerMachineClient: {
        id: string;
        kind: 'KIOSK' | 'PARTNER';
        name: string;
        mallId: string;
        agencyId: string | null;
      };
    };
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const client = body.data?.registerMachineClient;
  if (!client) {
    const error = body.errors?.[0];
    throw new Error(
      `${api} refused the registration: ${error?.extensions?.code ?? response.status}: ${error?.message ?? ''}`,
    );
  }
  const out = resolve(
    values.out ?? join(process.env.LOKET_DATA_DIR ?? '.data', 'clients', `${client.id}.json`),
  );
  await mkdir(dirname(out), { recursive: true, mode: 0o700 });
  await writeMachineClientFile(out, { ...client, api: values.api ?? null, privateJwk });
  console.log(`Registered ${client.kind} ${client.id} (${client.name}); private key in ${out}`);
  console.log(`Its tokens: npm run --silent token -- --client ${out}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
