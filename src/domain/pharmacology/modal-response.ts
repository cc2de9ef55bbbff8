import type { PkParameters } from './models'

/**
 * The exact unit responses of a mammillary model as sums of exponentials (§5: "precompute the
 * eigenvalues of the rate matrix once per model and patient").
 *
 * Modes 0..n-1 are the disposition eigenvalues λᵢ; mode n is the effect-site rate ke0. A 1 mg bolus
 * into the central compartment gives
 *   plasma(t) = Σᵢ<n inputᵢ·e^(−λᵢt)            effect(t) = Σᵢ≤n inputᵢ·effectWeightᵢ·e^(−rateᵢt)
 * in ng/mL. Keeping one state per mode with `state ← state·e^(−rate·Δ) + dose·input` makes every
 * time step a few multiply-adds, and the effect site reuses the plasma modes (their effect
 * contribution is proportional: ke0/(ke0 − λᵢ)).
 */
export interface ModalResponse {
  /** Number of disposition modes (compartments): 1, 2 or 3. */
  compartmentCount: number
  /** Length compartmentCount + 1; the last entry is ke0. Per minute. */
  ratesPerMin: Float64Array
  /** ng/mL contributed to each mode's state by 1 mg given into the central compartment. */
  inputNgPerMlPerMg: Float64Array
  /** Weight of each mode's state in the effect-site concentration (1 for the ke0 mode). */
  effectWeight: Float64Array
}

/** Positive roots of λ³ − a2λ² + a1λ − a0 (all real for a mammillary model), via the trigonometric form. */
function cubicRoots(a2: number, a1: number, a0: number): number[] {
  const shift = a2 / 3
  const p = a1 - (a2 * a2) / 3
  const q = (-2 * a2 * a2 * a2) / 27 + (a1 * a2) / 3 - a0
  // Depressed cubic x³ + p·x + q = 0 with λ = x + a2/3; p < 0 whenever the roots are real and distinct.
  const m = 2 * Math.sqrt(-p / 3)
  const cosArg = Math.min(1, Math.max(-1, (3 * q) / (p * m)))
  const theta = Math.acos(cosArg) / 3
  const roots = [0, 1, 2].map((k) => shift + m * Math.cos(theta - (2 * Math.PI * k) / 3))
  // One Newton step per root removes the rounding of acos/cos (a few ulps matter for tiny k31).
  return roots.map((r) => {
    const f = ((r - a2) * r + a1) * r - a0
    const df = (3 * r - 2 * a2) * r + a1
    return df === 0 ? r : r - f / df
  })
}

function dispositionRates(k: PkParameters): number[] {
  const hasSecond = k.k12PerMin > 0 && k.k21PerMin > 0
  const hasThird = k.k13PerMin > 0 && k.k31PerMin > 0
  if (hasSecond && hasThird) {
    const a2 = k.k10PerMin + k.k12PerMin + k.k13PerMin + k.k21PerMin + k.k31PerMin
    const a1 =
      k.k10PerMin * k.k21PerMin +
      k.k10PerMin * k.k31PerMin +
      k.k12PerMin * k.k31PerMin +
      k.k13PerMin * k.k21PerMin +
      k.k21PerMin * k.k31PerMin
    const a0 = k.k10PerMin * k.k21PerMin * k.k31PerMin
    return cubicRoots(a2, a1, a0)
  }
  if (hasSecond || hasThird) {
    const kOut = hasSecond ? k.k12PerMin : k.k13PerMin
    const kBack = hasSecond ? k.k21PerMin : k.k31PerMin
    const sum = k.k10PerMin + kOut + kBack
    const product = k.k10PerMin * kBack
    // Citardauq form for the small root avoids cancellation when the product is tiny.
    const large = (sum + Math.sqrt(sum * sum - 4 * product)) / 2
    return [large, product / large]
  }
  return [k.k10PerMin]
}

export function computeModalResponse(k: PkParameters): ModalResponse {
  const lambdas = dispositionRates(k)
  const n = lambdas.length
  const backRates = [k.k21PerMin, k.k31PerMin].filter((_, i) =>
    i === 0 ? k.k12PerMin > 0 && k.k21PerMin > 0 : k.k13PerMin > 0 && k.k31PerMin > 0,
  )
  // Nudge ke0 off an eigenvalue (a measure-zero coincidence in a population draw): a relative
  // change of 1e-6 is clinically invisible and keeps ke0/(ke0 − λ) well conditioned.
  let ke0 = k.ke0PerMin
  while (lambdas.some((l) => Math.abs(ke0 - l) < 1e-6 * ke0)) ke0 *= 1 + 2e-6

  const rates = new Float64Array(n + 1)
  const input = new Float64Array(n + 1)
  const effectWeight = new Float64Array(n + 1)
  let effectModeInput = 0
  for (let i = 0; i < n; i++) {
    const li = lambdas[i]!
    // Residue of the central-amount transfer function Π(s + kback)/Π(s + λ) at s = −λᵢ.
    let numerator = 1
    for (const kb of backRates) numerator *= kb - li
    let denominator = 1
    for (let j = 0; j < n; j++) if (j !== i) denominator *= lambdas[j]! - li
    // mg/L per mg = µg/mL per mg; ×1000 for ng/mL.
    input[i] = ((numerator / denominator) * 1000) / k.v1L
    rates[i] = li
    effectWeight[i] = ke0 / (ke0 - li)
    effectModeInput -= input[i]! * effectWeight[i]!
  }
  rates[n] = ke0
  input[n] = effectModeInput
  effectWeight[n] = 1
  return { compartmentCount: n, ratesPerMin: rates, inputNgPerMlPerMg: input, effectWeight }
}
