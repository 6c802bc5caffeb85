/**
 * One log line per GraphQL request: operation, duration and error codes.
 * Never the query text, the variables or any answer: those carry personal
 * data (names, phone numbers, NIKs) and tokens.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { logger } from './logger.js';

export function requestLogPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, response }) {
          // The errors as sent, after formatError gave each its code.
          const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          logger.info('GraphQL request', {
            operationName: operationName ?? null,
            operationType: operation?.operation ?? null,
            status: response.http.status ?? 200,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            errorCodes: sent.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')),
          });
        },
      };
    },
  };
}
