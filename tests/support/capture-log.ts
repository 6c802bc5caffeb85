import { logger } from '../../src/app/logger.js';

/** Runs `fn` with stdout and stderr captured and the logger at INFO; returns what was written. */
export async function captureLog(fn: () => Promise<void>): Promise<string> {
  const logged: string[] = [];
  const capture = (chunk: unknown) => {
    logged.push(String(chunk));
    return true;
  };
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  logger.setLogLevel('INFO');
  try {
    await fn();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    logger.setLogLevel('WARN');
  }
  return logged.join('');
}
