import { type DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { IndexName } from './table-definition.js';

/** Which partition to read: of the table (`pk`), or of an index. */
export interface PartitionRef {
  tableName: string;
  /** Omitted: the table itself. */
  index?: { name: IndexName; pk: string };
  partitionKeyName: string;
  value: string;
  /** Strongly consistent reads (the table only), for a read that a conditional write builds on. @default false */
  consistent?: boolean;
}

/**
 * Every item of one partition, in sort-key order: one Query request per MB
 * of items (DynamoDB's page size), so usually one.
 */
export async function queryPartition(
  client: DynamoDBDocumentClient,
  ref: PartitionRef,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const pages = paginateQuery(
    { client },
    {
      TableName: ref.tableName,
      ...(ref.index ? { IndexName: ref.index.name } : {}),
      ...(ref.consistent ? { ConsistentRead: true } : {}),
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': ref.index?.pk ?? ref.partitionKeyName },
      ExpressionAttributeValues: { ':pk': ref.value },
    },
  );
  for await (const page of pages) items.push(...(page.Items ?? []));
  return items;
}
