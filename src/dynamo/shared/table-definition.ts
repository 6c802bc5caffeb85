/**
 * The shape of Loket's single DynamoDB table, as data.
 *
 * The CDK data stack, the local `createTable` and the tests all read this one
 * definition, so the table deployed on AWS and the one on DynamoDB Local can
 * never drift apart. Key *values* are built only in `keys.ts`.
 */
export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes lazily, so readers still filter expired items. */
  timeToLiveAttribute: 'expiresAt',
  /**
   * The change stream: every write with the item before and after it. The figures' consumer reads it
   * (a Lambda event source on AWS, the local server's poller on DynamoDB Local).
   */
  stream: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

/** Name of a global secondary index of the table. */
export type IndexName = (typeof TABLE_DEFINITION.globalSecondaryIndexes)[number]['indexName'];
