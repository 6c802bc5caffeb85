/**
 * Idempotency keys in DynamoDB: one item per scope and key, kept 24 hours
 * (TTL; expired items are also ignored on claim, since TTL deletes lazily).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  IdempotencyClaim,
  IdempotencyRepository,
  IdempotencyScope,
} from '../../domain/shared/idempotency.js';
import { PK, queueKeys, TTL } from './keys.js';

/** How long an idempotency key is remembered. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The transaction item that points a claimed key at the result it made. */
export function completeIdempotency(
  tableName: string,
  scope: IdempotencyScope,
  key: string,
  resultId: string,
): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: queueKeys.idempotency(scope, key),
      UpdateExpression: 'SET resultId = :id',
      ConditionExpression: 'attribute_exists(fingerprint) AND attribute_not_exists(resultId)',
      ExpressionAttributeValues: { ':id': resultId },
    },
  };
}

/** The DynamoDB adapter of `IdempotencyRepository`. */
export class DynamoIdempotencyStore implements IdempotencyRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One PutItem; on a lost race, the old item comes back with the failure (no extra read). */
  async claim(
    scope: IdempotencyScope,
    key: string,
    fingerprint: string,
    now: Date,
    staleAfterMs: number,
  ): Promise<IdempotencyClaim> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...queueKeys.idempotency(scope, key),
            type: 'IDEMPOTENCY',
            fingerprint,
            claimedAt: now.toISOString(),
            [TTL]: nowSeconds + IDEMPOTENCY_TTL_SECONDS,
          },
          // Free, expired (TTL deletes lazily), or claimed long ago by a request that never finished.
          ConditionExpression:
            'attribute_not_exists(#pk) OR #ttl < :now OR (attribute_not_exists(resultId) AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#pk': PK, '#ttl': TTL },
          ExpressionAttributeValues: {
            ':now': nowSeconds,
            ':stale': new Date(now.getTime() - staleAfterMs).toISOString(),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { claimed: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) || !error.Item) throw error;
      const old = unmarshall(error.Item);
      return {
        claimed: false,
        resultId: typeof old.resultId === 'string' ? old.resultId : null,
        fingerprint: String(old.fingerprint),
        claimedAt: String(old.claimedAt),
      };
    }
  }

  async release(scope: IdempotencyScope, key: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: queueKeys.idempotency(scope, key),
          ConditionExpression: 'attribute_not_exists(resultId)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
