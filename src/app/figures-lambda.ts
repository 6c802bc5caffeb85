/**
 * The AWS Lambda entry point of the figures' stream consumer (event source: the table's stream).
 * Built once per instance, at module scope (INIT).
 */
import { systemClock } from '../domain/time/clock.js';
import { requireEnv } from './env.js';
import { createFiguresConsumer } from './figures-consumer.js';

export const handler = createFiguresConsumer({
  tableName: requireEnv('LOKET_TABLE', process.env),
  dynamoEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
  clock: systemClock,
});
