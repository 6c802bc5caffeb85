/**
 * Stands in for src/app/logger.ts in the bench's "without the observability" bundle: Powertools' logger
 * with its own formatter, as before the request's ids were added to every line. Never shipped.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'loket' });
