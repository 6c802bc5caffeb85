/**
 * The one-off migration of complaints stored before the complaint desk (docs/data-model.md, 'Migrating
 * complaints'): each legacy item (`COMPLAINT#<unkeyed hash of the code>`, code and reporter in clear)
 * becomes a current complaint under the keyed hash of its code, with a random id, its id pointer and
 * its sealed reporter item, and the legacy item is deleted, all in one transaction per complaint.
 *
 * Idempotent: what it migrated is gone from the legacy shape, so a second run finds nothing to do.
 * It finds legacy items through the listings (every complaint is in its mall's GSI1 partition), so it
 * needs no Scan; the malls come from the mall directory.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type LegacyComplaint, upgradeLegacyComplaint } from '../../domain/complaints/legacy-complaint.js';
import type { RandomSource } from '../../domain/shared/random.js';
import type { Secrets } from '../../domain/shared/secrets.js';
import { catalogKeys, complaintKeys, GSI1, PK, SK } from '../shared/keys.js';
import { queryPartition } from '../shared/query-partition.js';
import { complaintItem, idPointerItem, reporterItem } from './complaint-store.js';

/** What a run did. */
export interface ComplaintKeyMigrationReport {
  /** Complaint items read from the malls' listings. */
  examined: number;
  /** Legacy items re-keyed in this run. */
  migrated: number;
  /** Items already in the current shape (migrated before, or made since). */
  alreadyCurrent: number;
  /** Legacy items without a valid tracking code: left as they are, by id (nothing can find them by code). */
  withoutCode: string[];
  /** Legacy items that changed while this run read them: left for the next run. */
  changedMeanwhile: string[];
}

const LEGACY_FIELDS = [
  'id',
  'trackingCode',
  'mallId',
  'category',
  'agencyId',
  'serviceId',
  'ticketId',
  'subject',
  'description',
  'status',
  'anonymous',
  'confidential',
  'reporter',
  'submittedAt',
  'stageStartedAt',
  'dueAt',
  'assignedAgencyId',
  'timeline',
  'rating',
  'version',
] as const satisfies readonly (keyof LegacyComplaint)[];

/** The complaint's own fields of a legacy item, without its keys. */
function legacyOf(item: Record<string, unknown>): LegacyComplaint {
  return Object.fromEntries(LEGACY_FIELDS.map((f) => [f, item[f] ?? null])) as unknown as LegacyComplaint;
}

/**
 * Migrates every legacy complaint of every mall in the directory.
 * @param secrets the instance's hasher and sealer: the same key the API runs with.
 */
export async function migrateComplaintKeys(
  client: DynamoDBDocumentClient,
  tableName: string,
  secrets: Secrets,
  random: RandomSource,
): Promise<ComplaintKeyMigrationReport> {
  const report: ComplaintKeyMigrationReport = {
    examined: 0,
    migrated: 0,
    alreadyCurrent: 0,
    withoutCode: [],
    changedMeanwhile: [],
  };
  const malls = await queryPartition(client, {
    tableName,
    index: { name: GSI1.name, pk: GSI1.pk },
    partitionKeyName: PK,
    value: catalogKeys.mallDirectoryPartition,
  });
  for (const mall of malls) {
    const mallId = String(mall[GSI1.sk]);
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: GSI1.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': GSI1.pk },
          ExpressionAttributeValues: { ':pk': complaintKeys.byMall(mallId) },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        report.examined++;
        if (typeof item.codeKey === 'string') {
          report.alreadyCurrent++;
          continue;
        }
        const legacy = legacyOf(item);
        const upgraded = upgradeLegacyComplaint(legacy, secrets, random);
        if (!upgraded) {
          report.withoutCode.push(legacy.id);
          continue;
        }
        try {
          await client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: complaintItem(upgraded),
                    ConditionExpression: 'attribute_not_exists(#pk)',
                    ExpressionAttributeNames: { '#pk': PK },
                  },
                },
                { Put: { TableName: tableName, Item: idPointerItem(upgraded) } },
                ...(upgraded.reporter?.sealed
                  ? [
                      {
                        Put: { TableName: tableName, Item: reporterItem(upgraded, upgraded.reporter.sealed) },
                      },
                    ]
                  : []),
                {
                  // Only if nobody moved it since it was read: the move would otherwise be lost.
                  Delete: {
                    TableName: tableName,
                    Key: { [PK]: item[PK], [SK]: item[SK] },
                    ConditionExpression: '#version = :version AND attribute_not_exists(codeKey)',
                    ExpressionAttributeNames: { '#version': 'version' },
                    ExpressionAttributeValues: { ':version': legacy.version },
                  },
                },
              ],
            }),
          );
          report.migrated++;
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          report.changedMeanwhile.push(legacy.id);
        }
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return report;
}
