/**
 * The wrapped data key of personal data in the table: one item, written once by the first instance that
 * needs it and read by every cold instance after (see src/app/personal-data-key.ts).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DATA_KEY_ITEM, PK } from './keys.js';

/** The DynamoDB adapter of the app's `WrappedDataKeyStore`. */
export class DynamoDataKeyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One consistent GetItem. */
  async get(): Promise<Uint8Array | null> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: DATA_KEY_ITEM, ConsistentRead: true }),
    );
    const wrapped = result.Item?.wrapped;
    return typeof wrapped === 'string' ? new Uint8Array(Buffer.from(wrapped, 'base64')) : null;
  }

  /** One conditional PutItem; on a lost race the kept key comes back with the failure. */
  async putIfAbsent(wrapped: Uint8Array): Promise<Uint8Array> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...DATA_KEY_ITEM, type: 'DATA_KEY', wrapped: Buffer.from(wrapped).toString('base64') },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return wrapped;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) || !error.Item) throw error;
      return new Uint8Array(Buffer.from(String(unmarshall(error.Item).wrapped), 'base64'));
    }
  }
}
