/**
 * The structured logger (Powertools). Log only ids, codes and counts: never
 * a reporter's name, phone or NIK, a token, or a request's variables.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';

export const logger = new Logger({
  serviceName: 'loket',
  logLevel: (process.env.LOKET_LOG_LEVEL ?? 'INFO') as LogLevel,
});
