/**
 * The AWS Lambda entry point. Clients and the server are built once per
 * instance, at module scope (INIT), not per request.
 */

import { createServices } from './composition.js';
import { configFromEnv } from './config.js';
import { createLambdaHandler } from './handler.js';

const config = configFromEnv();
const services = createServices(config);

export const handler = createLambdaHandler(services, config);

// Awaited, at the top level: INIT ends with the DynamoDB connection open and the
// SDK's first-request code run, and Apollo Server's start (begun above) overlaps
// it. A promise left running would not get far: Lambda freezes the instance once
// INIT returns, until the first invoke, so a provisioned or pre-initialized
// instance would still open its connection on the first request, and a cold one
// could open two. The warm-up is bounded and never throws.
await Promise.all([
  services.warmUp(),
  // The secret key too; a failure here is retried by the first request, which then reports it.
  services.secrets().catch(() => undefined),
]);
