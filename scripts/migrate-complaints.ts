/**
 * `npm run migrate:complaints`: the one-off migration of complaints stored before the complaint desk
 * (docs/data-model.md, 'Migrating complaints'). Idempotent: run it again and it finds nothing to do.
 *
 *   npm run migrate:complaints                 DynamoDB Local under LOKET_DATA_DIR (stop `npm start` first),
 *                                              or DYNAMODB_ENDPOINT when set; the key file `npm start` made
 *   npm run migrate:complaints -- --aws        the AWS table LOKET_TABLE, with the default AWS credentials
 *
 * The secret key must be the one the API runs with: LOKET_SECRET_KEY_FILE (hex). On AWS, export the
 * stack's secret to such a file first (docs/data-model.md says how).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSecretKey, secretsFromKey } from '../src/app/secrets.js';
import { migrateComplaintKeys } from '../src/dynamo/complaints/complaint-key-migration.js';
import { createDocumentClient } from '../src/dynamo/shared/client.js';
import { type DynamoLocal, startDynamoLocal } from '../src/local/dynamodb-local.js';
import { ensureSecretKeyFile } from '../src/local/secret-key-file.js';

const { values } = parseArgs({ options: { aws: { type: 'boolean' } } });
const table = process.env.LOKET_TABLE ?? 'loket';
const dataDir = resolve(process.env.LOKET_DATA_DIR ?? '.data');

let dynamo: DynamoLocal | null = null;
try {
  let keyFile = process.env.LOKET_SECRET_KEY_FILE;
  if (!keyFile && values.aws) throw new Error('Set LOKET_SECRET_KEY_FILE to the API’s secret key (hex).');
  keyFile ??= await ensureSecretKeyFile(dataDir);
  const secrets = secretsFromKey(await loadSecretKey({ kind: 'file', path: keyFile }));
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint && !values.aws) {
    dynamo = await startDynamoLocal({ dataDir: resolve(dataDir, 'dynamodb') });
    endpoint = dynamo.endpoint;
  }
  const report = await migrateComplaintKeys(createDocumentClient({ endpoint }), table, secrets, {
    bytes: (n) => new Uint8Array(randomBytes(n)),
  });
  console.log(
    [
      `Complaints in ${table}: ${report.examined} examined, ${report.migrated} migrated, ${report.alreadyCurrent} already current.`,
      ...(report.withoutCode.length
        ? [`Left as they are (no tracking code to key them by): ${report.withoutCode.join(', ')}`]
        : []),
      ...(report.changedMeanwhile.length
        ? [`Changed while migrating, run again: ${report.changedMeanwhile.join(', ')}`]
        : []),
    ].join('\n'),
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await dynamo?.stop();
}
