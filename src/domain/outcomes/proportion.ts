// A proportion with its 95 % Wilson score interval: honest for small cohorts and rates near 0 or
// 1, where the normal approximation gives impossible bounds.

export interface Proportion {
  successes: number
  total: number
  /** Null when there is no one to count. */
  rate: number | null
  lower: number | null
  upper: number | null
}

export function wilsonInterval(successes: number, total: number, z = 1.959964): Proportion {
  if (total === 0) return { successes, total, rate: null, lower: null, upper: null }
  const p = successes / total
  const z2 = z * z
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total)
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / (1 + z2 / total)
  return { successes, total, rate: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) }
}
