/** Reading the environment: one error type and one helper, shared by every module that reads env. */

/** Thrown at start-up when the environment is missing or malformed. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads a variable that must be set. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigError(`Environment variable ${name} is required`);
  return value;
}
