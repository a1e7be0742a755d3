/**
 * A small, fast, seeded pseudo-random generator (mulberry32, public domain,
 * Tommy Ettinger) and the two draws the engine needs from it. Written here so
 * the same seed gives the same numbers in Node, in the worker and in tests.
 */

/** A generator of uniform numbers in [0, 1); each call advances its state. */
export type Random = () => number;

/** mulberry32: 32 bits of state, period 2^32; `seed` is taken modulo 2^32. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller, cosine branch). */
export function normal(random: Random): number {
  const u = 1 - random(); // (0, 1]: log stays finite
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Fisher–Yates: shuffles `order` in place, every permutation equally likely. */
export function shuffle(order: Int32Array, random: Random): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const held = order[i];
    order[i] = order[j];
    order[j] = held;
  }
}
