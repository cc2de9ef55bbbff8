/**
 * Vitals thresholds. Every number here is ⚠️ unverified in clinical-reference.md §2 (except the
 * esketamine 40-minute recheck, §3 ✅): a clinic setting with this default, never a hard rule.
 */
export interface VitalsSettings {
  /** §2 ⚠️: defer the start pending prescriber review above 140/90 (mirrors the esketamine label). */
  preDoseDeferAbove: { systolicMmHg: number; diastolicMmHg: number }
  /** §2 ⚠️: do not start above 180/110. */
  preDoseNoStartAbove: { systolicMmHg: number; diastolicMmHg: number }
  /** §2 ⚠️: pause/alert above 180/110 on two readings at least 5 min apart… */
  sustainedBpAbove: { systolicMmHg: number; diastolicMmHg: number; minSpanMin: number }
  /** …or above 200/120 once. */
  singleBpAbove: { systolicMmHg: number; diastolicMmHg: number }
  /** §2 ⚠️: HR > 120 sustained 5 min. */
  heartRateAbove: { bpm: number; minSpanMin: number }
  /** §2 ⚠️: SpO2 < 92 %. */
  spo2BelowPercent: number
  /** §2 ⚠️: MOAA/S ≤ 2. */
  moaasAtOrBelow: number
  /** §2 ⚠️: every 10–15 min during infusion (Yale recorded every 10). */
  infusionIntervalMin: number
  /** After the infusion ends; the reference gives no number, so the clinic sets it (⚠️). */
  postInfusionIntervalMin: number
  /** §3 ✅: recheck BP ~40 min after the esketamine dose. */
  esketamineRecheckMin: number
  /** §3 ✅ "as needed until stable": interval while the last reading is not stable (⚠️ number). */
  esketamineUnstableIntervalMin: number
  /**
   * §3 ✅ "pulse oximetry throughout" esketamine monitoring; the reference gives no interval, so
   * this is ⚠️ an unverified default (15 min, the IV monitoring interval of §2).
   */
  esketamineSpo2IntervalMin: number
}

export const defaultVitalsSettings: VitalsSettings = Object.freeze({
  preDoseDeferAbove: { systolicMmHg: 140, diastolicMmHg: 90 },
  preDoseNoStartAbove: { systolicMmHg: 180, diastolicMmHg: 110 },
  sustainedBpAbove: { systolicMmHg: 180, diastolicMmHg: 110, minSpanMin: 5 },
  singleBpAbove: { systolicMmHg: 200, diastolicMmHg: 120 },
  heartRateAbove: { bpm: 120, minSpanMin: 5 },
  spo2BelowPercent: 92,
  moaasAtOrBelow: 2,
  infusionIntervalMin: 10,
  postInfusionIntervalMin: 15,
  esketamineRecheckMin: 40,
  esketamineUnstableIntervalMin: 15,
  esketamineSpo2IntervalMin: 15,
})
