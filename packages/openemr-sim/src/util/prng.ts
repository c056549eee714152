import { createHash, randomBytes } from 'node:crypto';

// Name-based ids keep every record's uuid stable no matter how the seed code is reordered.
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(`openemr-sim:${name}`).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function hashSeed(s: string): number {
  const h = createHash('sha256').update(s).digest();
  return h.readUInt32LE(0);
}

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(arr: readonly T[]): T;
  chance(p: number): boolean;
  float(min: number, max: number, digits: number): number;
}

// mulberry32: tiny, fast and reproducible across Node versions (unlike Math.random).
export function rng(seed: string): Rng {
  let a = hashSeed(seed);
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)] as (typeof arr)[number],
    chance: (p) => next() < p,
    float: (min, max, digits) => Number((min + next() * (max - min)).toFixed(digits)),
  };
}

export function randomToken(bytes: number): string {
  // Tokens and secrets are runtime values, not seed data, so real randomness is right here.
  return randomBytes(bytes).toString('base64url');
}
