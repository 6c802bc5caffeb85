/**
 * The Cognito pre-token-generation trigger (event version V2_0) of the user pool: copies a person's mall
 * and agency from their user attributes into their access token, where the API reads them (`claims.ts`).
 *
 * Access tokens carry no custom attributes by themselves; V2_0 events can add claims to them (the pool
 * must be on the Essentials or Plus feature plan). Client-credentials tokens (PARTNER) do not invoke a
 * V2_0 trigger: their agency is in their scope. The API checks the claims; this function only copies.
 */
import type { PreTokenGenerationV2TriggerHandler } from 'aws-lambda';
import { CLAIM, USER_ATTRIBUTE } from '../app/auth/claims.js';

/**
 * The claims to add to the access token of a user with `userAttributes`: `loket:mall` from
 * `custom:mallId` and `loket:agency` from `custom:agencyId`, each only when the attribute is set.
 */
export function accessTokenClaims(
  userAttributes: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const claims: Record<string, string> = {};
  const mallId = userAttributes[`custom:${USER_ATTRIBUTE.mall}`];
  const agencyId = userAttributes[`custom:${USER_ATTRIBUTE.agency}`];
  if (mallId) claims[CLAIM.mall] = mallId;
  if (agencyId) claims[CLAIM.agency] = agencyId;
  return claims;
}

/** The Lambda handler Cognito invokes before it issues tokens to a person. */
export const handler: PreTokenGenerationV2TriggerHandler = async (event) => {
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: { claimsToAddOrOverride: accessTokenClaims(event.request.userAttributes) },
    },
  };
  return event;
};
