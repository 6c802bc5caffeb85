/**
 * `npm run load`: validates every data file, then writes the catalogs.
 *
 *   npm run load -- --check            validate only, write nothing
 *   npm run load                       into DynamoDB Local under LOKET_DATA_DIR (stop `npm start` first),
 *                                      or into DYNAMODB_ENDPOINT when set
 *   npm run load -- --aws              into the AWS table LOKET_TABLE, with the default AWS credentials
 *   npm run load -- --api <url> --token <ADMIN token>
 *                                      through a deployed API's administration mutations: no AWS credentials
 *
 * Options: --data <dir> (default `data`). Exit code 1 when a file is invalid; nothing is written then.
 * Either way the load goes through the administration path: the same rules, writer and audit entries.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataFilesInvalidError, readCatalogs } from '../src/catalog-data/data-files.js';
import { describeReports, loadCatalogs } from '../src/catalog-data/load-catalogs.js';
import { describeApiReports, httpSender, loadThroughApi } from '../src/catalog-data/load-through-api.js';
import { DomainError } from '../src/domain/shared/errors.js';
import { DynamoCatalogStore } from '../src/dynamo/catalog/catalog-store.js';
import { createDocumentClient } from '../src/dynamo/shared/client.js';
import { ensureTable } from '../src/dynamo/shared/create-table.js';
import { type DynamoLocal, startDynamoLocal } from '../src/local/dynamodb-local.js';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean' },
    aws: { type: 'boolean' },
    api: { type: 'string' },
    token: { type: 'string' },
    data: { type: 'string', default: 'data' },
  },
});
const dataDir = resolve(values.data ?? 'data');
const table = process.env.LOKET_TABLE ?? 'loket';

/** The command was called wrongly; the message says how to call it. */
class UsageError extends Error {}

/** One line (or the file issues) for what went wrong: never a stack trace for a problem the user can fix. */
function explain(error: unknown): string {
  if (error instanceof DataFilesInvalidError || error instanceof UsageError || error instanceof DomainError) {
    return error.message;
  }
  const name = (error as Error | undefined)?.name ?? '';
  if (
    name === 'CredentialsProviderError' ||
    /credential/i.test((error as Error | undefined)?.message ?? '')
  ) {
    return 'No AWS credentials: load through the deployed API instead, `npm run load -- --api <ApiUrl> --token <ADMIN token>`, or set AWS credentials (e.g. AWS_PROFILE) for --aws.';
  }
  if (/region is missing/i.test((error as Error | undefined)?.message ?? '')) {
    return 'No AWS region: set AWS_REGION (e.g. ap-southeast-3) for --aws, or load through the API with --api <ApiUrl> --token <ADMIN token>.';
  }
  if (values.api !== undefined) return `The API refused the load: ${(error as Error).message}`;
  return String((error as Error | undefined)?.stack ?? error);
}

let dynamo: DynamoLocal | null = null;
try {
  if (values.check) {
    const catalogs = await readCatalogs(dataDir);
    for (const c of catalogs) {
      console.log(
        `  ${c.mall.id}: ${c.agencies.length} agencies, ${c.services.length} services, ${c.counters.length} counters`,
      );
    }
    console.log('All data files are valid.');
  } else if (values.api !== undefined) {
    if (!values.token) throw new UsageError('--api needs --token <an ADMIN token of the mall(s)>.');
    const send = httpSender(values.api, values.token);
    const reports = [];
    for (const catalog of await readCatalogs(dataDir)) reports.push(await loadThroughApi(catalog, send));
    console.log(`Loaded through ${values.api}:\n${describeApiReports(reports)}`);
  } else {
    let endpoint = process.env.DYNAMODB_ENDPOINT;
    if (!endpoint && !values.aws) {
      dynamo = await startDynamoLocal({
        dataDir: resolve(process.env.LOKET_DATA_DIR ?? '.data', 'dynamodb'),
      });
      endpoint = dynamo.endpoint;
    }
    const client = createDocumentClient({ endpoint });
    if (!values.aws) await ensureTable(client, table);
    const reports = await loadCatalogs(dataDir, new DynamoCatalogStore(client, table));
    console.log(`Loaded into ${table}:\n${describeReports(reports)}`);
  }
} catch (error) {
  console.error(explain(error));
  process.exitCode = 1;
} finally {
  await dynamo?.stop();
}
