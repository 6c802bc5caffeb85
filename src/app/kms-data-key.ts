/**
 * KMS for the data key of personal data (src/app/personal-data-key.ts): a new data key under the
 * stack's KMS key, and the unwrapping of the kept one. Called once per cold instance.
 */
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { DataKeyKms } from './personal-data-key.js';

/** The KMS adapter of `DataKeyKms`, for the KMS key `keyId` (an ARN or alias). */
export function kmsDataKeys(keyId: string, client: KMSClient = new KMSClient({})): DataKeyKms {
  return {
    async generateDataKey() {
      const out = await client.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
      if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plaintext: out.Plaintext, wrapped: out.CiphertextBlob };
    },
    async unwrap(wrapped) {
      const out = await client.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: wrapped }));
      if (!out.Plaintext) throw new Error('KMS returned no data key');
      return out.Plaintext;
    },
  };
}
