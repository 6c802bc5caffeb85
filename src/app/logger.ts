/**
 * The structured logger (Powertools). Log only ids, codes and counts: never
 * a reporter's name, phone or NIK, a token, or a request's variables.
 *
 * Every line written while a request is served carries its ids (see
 * `request-scope.ts`): `requestId` (API Gateway's, the access log's and the
 * masked errors' correlation id), `function_request_id` (Lambda's) and
 * `cold_start`. They come from the request's scope rather than from
 * `appendKeys` on this shared instance, so concurrent requests of the local
 * server never swap them.
 *
 * The level follows the standard variables: `AWS_LAMBDA_LOG_LEVEL` (set by
 * Lambda's advanced logging controls) wins, then `POWERTOOLS_LOG_LEVEL`;
 * `INFO` without either.
 */
import { LogFormatter, Logger, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { currentRequest } from './request-scope.js';

/** Powertools' standard keys, plus the ids of the request being served. */
class RequestLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const request = currentRequest();
    const context = attributes.lambdaContext;
    return new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: attributes.message,
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        ...(request
          ? {
              requestId: request.requestId,
              function_request_id: request.lambdaRequestId,
              cold_start: request.coldStart,
            }
          : {}),
        function_name: context?.functionName ?? process.env.AWS_LAMBDA_FUNCTION_NAME,
        xray_trace_id: attributes.xRayTraceId,
      },
    }).addAttributes(additional);
  }
}

export const logger = new Logger({ serviceName: 'loket', logFormatter: new RequestLogFormatter() });
