/** Random bytes; injected so the domain does no I/O and tests can seed it. */
export interface RandomSource {
  bytes(length: number): Uint8Array;
}

/** A uniform number in [0, 1) drawn from the source (32 bits). */
export function randomFraction(random: RandomSource): number {
  const [a = 0, b = 0, c = 0, d = 0] = random.bytes(4);
  return (((a << 24) >>> 0) + (b << 16) + (c << 8) + d) / 2 ** 32;
}
