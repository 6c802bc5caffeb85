/**
 * The AWS Lambda entry point. Clients and the server are built once per
 * instance, at module scope (INIT), not per request.
 */

import { createServices } from './composition.js';
import { configFromEnv } from './config.js';
import { createLambdaHandler } from './handler.js';

const config = configFromEnv();
const services = createServices(config);

// Not awaited: the connection opens while the rest of INIT (Apollo Server's
// start) runs, and the first request finds it open.
void services.warmUp();

export const handler = createLambdaHandler(services, config);
