/**
 * The local stand-in for the secret the AWS stack creates: a random 256-bit
 * key in LOKET_DATA_DIR/keys, made on first start and kept, readable by its
 * owner only. Kept with the data, so hashes and sealed values stay readable
 * across restarts.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The key file's path in a data folder, made if missing. */
export async function ensureSecretKeyFile(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'keys');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, 'loket-secret.key');
  try {
    // 'wx': never overwrites an existing key, even when two processes start at once.
    await writeFile(path, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return path;
}
