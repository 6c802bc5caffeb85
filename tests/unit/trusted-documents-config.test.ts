import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/app/env.js';
import { DEFAULT_AD_HOC_ROLES, trustedDocumentsFromEnv } from '../../src/app/trusted-documents.js';

describe('trustedDocumentsFromEnv', () => {
  it('is on in production and off elsewhere unless LOKET_TRUSTED_DOCUMENTS says', () => {
    expect(trustedDocumentsFromEnv({}, true).enabled).toBe(true);
    expect(trustedDocumentsFromEnv({}, false).enabled).toBe(false);
    expect(trustedDocumentsFromEnv({ LOKET_TRUSTED_DOCUMENTS: '1' }, false).enabled).toBe(true);
    expect(trustedDocumentsFromEnv({ LOKET_TRUSTED_DOCUMENTS: '0' }, true).enabled).toBe(false);
    expect(() => trustedDocumentsFromEnv({ LOKET_TRUSTED_DOCUMENTS: 'yes' }, true)).toThrow(ConfigError);
  });

  it('lets ADMIN and PARTNER send ad-hoc operations unless LOKET_AD_HOC_ROLES names others', () => {
    expect(trustedDocumentsFromEnv({}, true).adHocRoles).toEqual(DEFAULT_AD_HOC_ROLES);
    expect(DEFAULT_AD_HOC_ROLES).toEqual(['ADMIN', 'PARTNER']);
    expect(trustedDocumentsFromEnv({ LOKET_AD_HOC_ROLES: '' }, true).adHocRoles).toEqual([]);
    expect(trustedDocumentsFromEnv({ LOKET_AD_HOC_ROLES: 'ADMIN, OFFICER' }, true).adHocRoles).toEqual([
      'ADMIN',
      'OFFICER',
    ]);
    expect(() => trustedDocumentsFromEnv({ LOKET_AD_HOC_ROLES: 'ADMIN,ROOT' }, true)).toThrow(/ROOT/);
  });
});
