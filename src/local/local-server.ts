/**
 * `npm start`: the API on a laptop, through the very Lambda handler AWS runs.
 *
 * Starts DynamoDB Local (unless DYNAMODB_ENDPOINT is set), creates the table
 * if missing, loads the data files, serves `/graphql` on 127.0.0.1:PORT, and
 * stops DynamoDB Local when it stops. Environment: see the README.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { AUTH_ENV } from '../app/auth/authenticator.js';
import { createServices } from '../app/composition.js';
import { ConfigError, configFromEnv } from '../app/config.js';
import { createFiguresConsumer } from '../app/figures-consumer.js';
import { createLambdaHandler } from '../app/handler.js';
import { DataFilesInvalidError } from '../catalog-data/data-files.js';
import { describeReports, loadCatalogs } from '../catalog-data/load-catalogs.js';
import { DynamoCatalogStore } from '../dynamo/catalog/catalog-store.js';
import { createDocumentClient } from '../dynamo/shared/client.js';
import { ensureTable } from '../dynamo/shared/create-table.js';
import { type DynamoLocal, startDynamoLocal } from './dynamodb-local.js';
import { serveGraphiQL } from './graphiql.js';
import { localLambdaContext, toApiGatewayEvent, writeResult } from './local-event.js';
import { LocalIssuer } from './local-issuer.js';
import { ensureSecretKeyFile } from './secret-key-file.js';
import { StreamPoller } from './stream-poller.js';

/** Largest request body the local server reads (API Gateway's own limit is 10 MB). */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A larger body is still read to its end, and dropped, up to this size: a client that sends it whole
 * before reading the answer then gets the refusal instead of a reset connection. Past it the connection
 * is cut.
 */
const MAX_DRAINED_BYTES = 16 * 1024 * 1024;

class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** The body, or null when it is over MAX_BODY_BYTES (then read to its end and dropped). */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_DRAINED_BYTES) throw new BodyTooLargeError('Request body too large');
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

/** The URL and a ready-made token per role, for the seed mall (each valid 12 hours). */
async function readyMessage(issuer: LocalIssuer, port: number): Promise<string> {
  const mallId = 'lampung-tengah';
  const agencyId = 'lampung-tengah:polres';
  const tokens = [
    ['ADMIN', await issuer.sign({ role: 'ADMIN', mallId })],
    ['OFFICER', await issuer.sign({ role: 'OFFICER', mallId, agencyId })],
    ['PARTNER', await issuer.sign({ role: 'PARTNER', mallId, agencyId })],
    ['KIOSK', await issuer.sign({ role: 'KIOSK', mallId })],
  ];
  return [
    `Tokens (Authorization: Bearer <token>; more with \`npm run --silent token -- --role ... \`):`,
    ...tokens.map(
      ([role, token]) => `  ${role} ${role === 'ADMIN' || role === 'KIOSK' ? mallId : agencyId}: ${token}`,
    ),
    `Loket is ready at http://localhost:${port}/graphql (GraphiQL there in a browser)`,
  ].join('\n');
}

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 4000);
  const dataDir = resolve(env.LOKET_DATA_DIR ?? '.data');
  const table = env.LOKET_TABLE ?? 'loket';

  let dynamo: DynamoLocal | null = null;
  let endpoint = env.DYNAMODB_ENDPOINT;
  if (!endpoint) {
    dynamo = await startDynamoLocal({
      dataDir: env.LOKET_MEMORY === '1' ? undefined : resolve(dataDir, 'dynamodb'),
    });
    endpoint = dynamo.endpoint;
    console.log(`DynamoDB Local on ${endpoint}`);
  }
  // Tokens of the local issuer, whose keys live in LOKET_DATA_DIR (also with LOKET_MEMORY), so
  // `npm run token` with the same folder signs tokens this server accepts.
  const issuer = await LocalIssuer.open(dataDir);
  const config = configFromEnv({
    ...env,
    LOKET_TABLE: table,
    DYNAMODB_ENDPOINT: endpoint,
    [AUTH_ENV.localJwks]: JSON.stringify(issuer.jwks()),
    LOKET_SECRET_KEY_FILE: env.LOKET_SECRET_KEY_FILE || (await ensureSecretKeyFile(dataDir)),
  });

  const admin = createDocumentClient({ endpoint });
  if (await ensureTable(admin, table)) console.log(`Created table ${table}`);
  const reports = await loadCatalogs(
    resolve(env.LOKET_DATA_FILES ?? 'data'),
    new DynamoCatalogStore(admin, table),
    // Files unchanged since the last load are not applied again: changes made through the API stay.
    // The loader's audit entries at the server's (business) clock, like every change made through the API.
    { onlyWhenFilesChanged: true, at: config.clock.now() },
  );
  console.log(`Loaded data files:\n${describeReports(reports)}`);

  const handler = createLambdaHandler(createServices(config), config);
  // The figures' consumer, fed from this table's stream as the event source mapping feeds it on AWS
  // (also when DYNAMODB_ENDPOINT names a DynamoDB Local this server did not start).
  const figures = new StreamPoller({
    endpoint: String(endpoint),
    tableName: table,
    consumer: createFiguresConsumer({ tableName: table, dynamoEndpoint: endpoint, clock: config.clock }),
  });
  figures.start();
  const server = createServer(async (req, res) => {
    if (await serveGraphiQL(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/graphql') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the API is at /graphql\n');
      return;
    }
    try {
      const body = await readBody(req);
      if (body === null) {
        // The body was read to its end; the connection is closed after the answer, not reset under the client.
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        res.end(
          JSON.stringify({
            errors: [{ message: 'Request body too large.', extensions: { code: 'QUERY_TOO_COMPLEX' } }],
          }),
        );
        return;
      }
      const event = toApiGatewayEvent(req, body);
      writeResult(res, await handler(event, localLambdaContext(event.requestContext.requestId)));
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!tooLarge) console.error('Local server error', (error as Error).name);
      res.writeHead(tooLarge ? 413 : 500, { 'content-type': 'application/json', connection: 'close' });
      res.end(
        JSON.stringify({ errors: [{ message: tooLarge ? 'Request body too large.' : 'Internal error.' }] }),
      );
    }
  });

  const stop = async (code: number) => {
    server.close();
    await figures.stop();
    await dynamo?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(130));
  process.once('SIGTERM', () => void stop(143));
  // A wrapper that dies without passing its signal on (npm, a shell) leaves this
  // process orphaned: stop with it rather than keep the port and Java running.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop(143);
  }, 1000).unref();

  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    void readyMessage(issuer, actual).then((message) => console.log(message));
  });
}

main().catch((error: unknown) => {
  if (error instanceof DataFilesInvalidError || error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  // The exit hooks of dynamodb-local stop the Java process.
  process.exit(1);
});
