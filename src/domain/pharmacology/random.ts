/**
 * Seeded pseudo-random numbers so a population run is reproducible from its seed (the domain
 * never touches Math.random). mulberry32: 32-bit state, fast, good enough for simulation noise.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Standard normal draws by Box–Muller, using both outputs of each pair. */
export function normalSampler(uniform: () => number): () => number {
  let spare = Number.NaN
  return () => {
    if (!Number.isNaN(spare)) {
      const z = spare
      spare = Number.NaN
      return z
    }
    // 1 − u keeps the logarithm finite (u can be 0, never 1).
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()))
    const angle = 2 * Math.PI * uniform()
    spare = radius * Math.sin(angle)
    return radius * Math.cos(angle)
  }
}
