/**
 * Surveys on the table: one item per ticket (`SURVEY#<ticketId>`), written once by a conditional
 * put, so a second survey of the same ticket is refused whatever the concurrency.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SurveyRepository } from '../../domain/figures/figures-repository.js';
import type { Survey } from '../../domain/figures/survey.js';
import { ConflictError } from '../../domain/shared/errors.js';
import { figuresKeys, PK } from '../shared/keys.js';

/** The stored item of a survey. */
export function surveyItem(survey: Survey): Record<string, unknown> {
  return { ...figuresKeys.survey(survey.ticketId), type: 'SURVEY', ...survey };
}

/** Surveys on DynamoDB. */
export class DynamoSurveyStore implements SurveyRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createSurvey(survey: Survey): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: surveyItem(survey),
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError('This ticket has already been rated.', { cause: error });
      }
      throw error;
    }
  }
}
