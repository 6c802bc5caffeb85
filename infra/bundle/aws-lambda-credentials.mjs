// Stands in for @aws-sdk/credential-provider-node in the Lambda bundle. On
// Lambda the execution role's credentials are always in the environment
// (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so the default
// chain's other sources (SSO, STS, web identity, instance metadata, files)
// never run there; leaving them out of the bundle shortens every cold start.
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init = {}) => fromEnv(init);
