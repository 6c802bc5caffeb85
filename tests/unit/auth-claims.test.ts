import { describe, expect, it } from 'vitest';
import {
  CLAIM,
  checkIdentity,
  claimsOf,
  InvalidClaimsError,
  mallOfAgency,
  viewerFromClaims,
} from '../../src/app/auth/claims.js';
import { accessTokenClaims, handler } from '../../src/cognito-trigger/pre-token-generation.js';
import type { Viewer } from '../../src/domain/access/viewer.js';
import { parseTokenArgs, TokenUsageError } from '../../src/local/token-command.js';

const MALL = 'lampung-tengah';
const POLRES = `${MALL}:polres`;
const OTHER_MALL_AGENCY = 'kota-sorong:disdukcapil';

const OFFICER: Viewer = { role: 'OFFICER', mallId: MALL, agencyId: POLRES };
const ADMIN: Viewer = { role: 'ADMIN', mallId: MALL, agencyId: null };
const PARTNER: Viewer = { role: 'PARTNER', mallId: MALL, agencyId: POLRES };

describe('checkIdentity', () => {
  it.each([OFFICER, ADMIN, PARTNER])('accepts a $role of one mall and returns its exact Viewer', (viewer) => {
    expect(checkIdentity(viewer)).toEqual(viewer);
  });

  it('gives ADMIN a null agency when none is given', () => {
    expect(checkIdentity({ role: 'ADMIN', mallId: MALL })).toEqual(ADMIN);
  });

  it.each([
    ['an unknown role', { role: 'ROOT', mallId: MALL }, /role/],
    ['PUBLIC as a token role', { role: 'PUBLIC', mallId: MALL }, /role/],
    ['a lowercase role', { role: 'officer', mallId: MALL, agencyId: POLRES }, /role/],
    ['OFFICER without a mall', { role: 'OFFICER', agencyId: POLRES }, /needs a mall/],
    ['OFFICER without an agency', { role: 'OFFICER', mallId: MALL }, /needs an agency/],
    ['PARTNER without an agency', { role: 'PARTNER', mallId: MALL }, /needs an agency/],
    ['ADMIN with an agency', { role: 'ADMIN', mallId: MALL, agencyId: POLRES }, /not an agency/],
    ['ADMIN without a mall', { role: 'ADMIN' }, /needs a mall/],
    [
      'OFFICER of mall A with an agency of mall B',
      { role: 'OFFICER', mallId: MALL, agencyId: OTHER_MALL_AGENCY },
      /belong/,
    ],
    [
      'PARTNER of mall A with an agency of mall B',
      { role: 'PARTNER', mallId: MALL, agencyId: OTHER_MALL_AGENCY },
      /belong/,
    ],
    [
      'an agency id without its mall',
      { role: 'OFFICER', mallId: MALL, agencyId: 'polres' },
      /not a valid id/,
    ],
    [
      'an agency id that only starts like the mall',
      { role: 'OFFICER', mallId: 'lampung', agencyId: POLRES },
      /belong/,
    ],
    [
      'a service id as the agency',
      { role: 'OFFICER', mallId: MALL, agencyId: `${POLRES}:skck` },
      /not a valid id/,
    ],
    ['a mall id that is not a slug', { role: 'ADMIN', mallId: 'Lampung Tengah' }, /mall id/],
  ])('refuses %s', (_name, identity, message) => {
    expect(() => checkIdentity(identity)).toThrow(InvalidClaimsError);
    expect(() => checkIdentity(identity)).toThrow(message);
  });
});

describe('viewerFromClaims', () => {
  it('reads a person from cognito:groups, loket:mall and loket:agency', () => {
    expect(
      viewerFromClaims({ [CLAIM.groups]: ['OFFICER'], [CLAIM.mall]: MALL, [CLAIM.agency]: POLRES }),
    ).toEqual(OFFICER);
    expect(viewerFromClaims({ [CLAIM.groups]: ['ADMIN'], [CLAIM.mall]: MALL })).toEqual(ADMIN);
  });

  it('ignores groups that are not Loket roles, as Cognito adds for federated users', () => {
    expect(
      viewerFromClaims({ [CLAIM.groups]: ['ap-southeast-3_x_Google', 'ADMIN'], [CLAIM.mall]: MALL }),
    ).toEqual(ADMIN);
  });

  it('reads a local PARTNER token from its group, mall and agency', () => {
    expect(
      viewerFromClaims({ [CLAIM.groups]: ['PARTNER'], [CLAIM.mall]: MALL, [CLAIM.agency]: POLRES }),
    ).toEqual(PARTNER);
  });

  it.each([
    ['no claims at all', {}],
    ['only unknown groups', { [CLAIM.groups]: ['ROOT'], [CLAIM.mall]: MALL }],
    [
      'two staff groups',
      { [CLAIM.groups]: ['ADMIN', 'OFFICER'], [CLAIM.mall]: MALL, [CLAIM.agency]: POLRES },
    ],
    ['groups that are not a list', { [CLAIM.groups]: 'ADMIN', [CLAIM.mall]: MALL }],
    ['groups with a non-string', { [CLAIM.groups]: ['ADMIN', 1], [CLAIM.mall]: MALL }],
    ['an OFFICER without agency', { [CLAIM.groups]: ['OFFICER'], [CLAIM.mall]: MALL }],
    ['an ADMIN without mall', { [CLAIM.groups]: ['ADMIN'] }],
    ['an ADMIN with an agency', { [CLAIM.groups]: ['ADMIN'], [CLAIM.mall]: MALL, [CLAIM.agency]: POLRES }],
    ['a mall that is not a string', { [CLAIM.groups]: ['ADMIN'], [CLAIM.mall]: ['lampung-tengah'] }],
    ['an empty mall', { [CLAIM.groups]: ['ADMIN'], [CLAIM.mall]: '' }],
    [
      'an OFFICER of mall A with an agency of mall B',
      { [CLAIM.groups]: ['OFFICER'], [CLAIM.mall]: MALL, [CLAIM.agency]: OTHER_MALL_AGENCY },
    ],
    ['a partner scope without an agency scope', { scope: 'loket/partner.read' }],
    [
      'a partner with two agencies',
      { scope: `loket/partner.read loket/agency:${POLRES} loket/agency:${MALL}:kejari` },
    ],
    // Partners were once Cognito client-credentials clients; a scope grants nothing now.
    ['an old partner scope', { scope: `loket/partner.read loket/agency:${POLRES}` }],
    [
      'a PARTNER with a malformed agency',
      { [CLAIM.groups]: ['PARTNER'], [CLAIM.mall]: MALL, [CLAIM.agency]: 'polres' },
    ],
  ])('refuses %s', (_name, claims) => {
    expect(() => viewerFromClaims(claims)).toThrow(InvalidClaimsError);
  });
});

describe('claimsOf', () => {
  it.each([OFFICER, ADMIN, PARTNER])('writes the claims that read back as the same $role', (viewer) => {
    expect(viewerFromClaims(claimsOf(viewer))).toEqual(viewer);
  });

  it('writes exactly what Cognito and the trigger write', () => {
    expect(claimsOf(OFFICER)).toEqual({
      'cognito:groups': ['OFFICER'],
      'loket:mall': MALL,
      'loket:agency': POLRES,
    });
    expect(claimsOf(ADMIN)).toEqual({ 'cognito:groups': ['ADMIN'], 'loket:mall': MALL });
    expect(claimsOf(PARTNER)).toEqual({
      'cognito:groups': ['PARTNER'],
      'loket:mall': MALL,
      'loket:agency': POLRES,
    });
  });

  it('has nothing to write for PUBLIC', () => {
    expect(() => claimsOf({ role: 'PUBLIC', mallId: null, agencyId: null })).toThrow(InvalidClaimsError);
  });
});

describe('mallOfAgency', () => {
  it('is the part before the separator of a two-part id', () => {
    expect(mallOfAgency(POLRES)).toBe(MALL);
    expect(mallOfAgency('polres')).toBeNull();
    expect(mallOfAgency(`${POLRES}:skck`)).toBeNull();
    expect(mallOfAgency(':polres')).toBeNull();
  });
});

describe('the pre-token-generation trigger', () => {
  it('copies custom:mallId and custom:agencyId into loket:mall and loket:agency', () => {
    expect(
      accessTokenClaims({ email: 'a@example.id', 'custom:mallId': MALL, 'custom:agencyId': POLRES }),
    ).toEqual({ 'loket:mall': MALL, 'loket:agency': POLRES });
    expect(accessTokenClaims({ 'custom:mallId': MALL })).toEqual({ 'loket:mall': MALL });
    expect(accessTokenClaims({})).toEqual({});
  });

  it('answers Cognito with the claims for the access token only', async () => {
    const event = {
      version: '2',
      triggerSource: 'TokenGeneration_Authentication',
      region: 'ap-southeast-3',
      userPoolId: 'ap-southeast-3_Test',
      userName: 'officer',
      callerContext: { awsSdkVersion: 'x', clientId: 'console' },
      request: {
        userAttributes: { 'custom:mallId': MALL, 'custom:agencyId': POLRES },
        groupConfiguration: { groupsToOverride: ['OFFICER'] },
      },
      response: { claimsAndScopeOverrideDetails: {} },
    } as unknown as Parameters<typeof handler>[0];
    const result = await handler(event, {} as Parameters<typeof handler>[1], () => undefined);
    expect(result?.response).toEqual({
      claimsAndScopeOverrideDetails: {
        accessTokenGeneration: { claimsToAddOrOverride: { 'loket:mall': MALL, 'loket:agency': POLRES } },
      },
    });
    // What the API then reads, with the group Cognito puts in the token itself.
    expect(
      viewerFromClaims({
        'cognito:groups': ['OFFICER'],
        ...result?.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
      }),
    ).toEqual(OFFICER);
  });
});

describe('parseTokenArgs (npm run token)', () => {
  it('reads an OFFICER, an ADMIN and a PARTNER request with the default lifetime', () => {
    expect(parseTokenArgs(['--role', 'OFFICER', '--mall', MALL, '--agency', POLRES])).toEqual({
      identity: { role: 'OFFICER', mallId: MALL, agencyId: POLRES },
      expiresInSeconds: 43_200,
    });
    expect(parseTokenArgs(['--role', 'ADMIN', '--mall', MALL]).identity).toEqual({
      role: 'ADMIN',
      mallId: MALL,
      agencyId: null,
    });
    expect(parseTokenArgs(['--role=partner', `--mall=${MALL}`, `--agency=${POLRES}`]).identity.role).toBe(
      'PARTNER',
    );
  });

  it('takes --expires-in in seconds', () => {
    expect(parseTokenArgs(['--role', 'ADMIN', '--mall', MALL, '--expires-in', '60']).expiresInSeconds).toBe(
      60,
    );
  });

  it.each([
    ['no arguments', [], /--role/],
    ['an unknown role', ['--role', 'ROOT', '--mall', MALL], /--role/],
    ['no mall', ['--role', 'ADMIN'], /--mall/],
    ['an OFFICER without agency', ['--role', 'OFFICER', '--mall', MALL], /--agency/],
    ['a PARTNER without agency', ['--role', 'PARTNER', '--mall', MALL], /--agency/],
    ['an ADMIN with an agency', ['--role', 'ADMIN', '--mall', MALL, '--agency', POLRES], /drop --agency/],
    [
      'an agency of another mall',
      ['--role', 'OFFICER', '--mall', MALL, '--agency', OTHER_MALL_AGENCY],
      /belong/,
    ],
    [
      'an agency slug alone',
      ['--role', 'OFFICER', '--mall', MALL, '--agency', 'polres'],
      /lampung-tengah:polres/,
    ],
    ['a zero lifetime', ['--role', 'ADMIN', '--mall', MALL, '--expires-in', '0'], /--expires-in/],
    ['a fractional lifetime', ['--role', 'ADMIN', '--mall', MALL, '--expires-in', '1.5'], /--expires-in/],
    ['a lifetime of words', ['--role', 'ADMIN', '--mall', MALL, '--expires-in', '1h'], /--expires-in/],
    ['an unknown option', ['--role', 'ADMIN', '--mall', MALL, '--admin'], /--admin/],
    ['a positional argument', ['ADMIN'], /ADMIN/],
  ])('refuses %s', (_name, args, message) => {
    expect(() => parseTokenArgs(args)).toThrow(TokenUsageError);
    expect(() => parseTokenArgs(args)).toThrow(message);
  });
});
