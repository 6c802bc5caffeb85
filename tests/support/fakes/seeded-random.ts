import type { RandomSource } from '../../../src/domain/shared/random.js';

/**
 * A deterministic RandomSource (mulberry32): the same seed gives the same
 * bytes, so tracking codes and contended picks repeat from run to run.
 */
export class SeededRandom implements RandomSource {
  private state: number;
  /** Bytes handed out so far. */
  drawn = 0;

  constructor(seed = 0x10c3e7) {
    this.state = seed >>> 0;
  }

  /** The next 32-bit word. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      const word = this.next();
      for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = (word >>> (24 - 8 * j)) & 0xff;
    }
    this.drawn += length;
    return out;
  }
}

/** A source that hands out the given bytes, in order, then zeros: for an exact draw. */
export class FixedRandom implements RandomSource {
  private offset = 0;
  constructor(private readonly values: readonly number[]) {}

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.values[this.offset++] ?? 0;
    return out;
  }
}
