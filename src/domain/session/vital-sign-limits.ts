// What a vital-signs entry may hold: outside these a value is a typo (a missed digit, the wrong
// field), not a reading to chart. They are typo guards, not clinical thresholds: the alert limits
// are the clinic's settings (vitals-settings.ts, clinical-reference §2). The API, the chair-side
// vitals pad, the acknowledgement's recheck and the intake form all read them from here.

export interface VitalSignLimit {
  min: number
  max: number
  unit: string
}

export const vitalSignLimits = {
  systolicMmHg: { min: 40, max: 300, unit: 'mmHg' },
  diastolicMmHg: { min: 20, max: 200, unit: 'mmHg' },
  heartRateBpm: { min: 20, max: 250, unit: 'bpm' },
  spo2Percent: { min: 50, max: 100, unit: '%' },
  // Breaths per minute; the API field keeps its original name `respiratoryRate`.
  respiratoryRatePerMin: { min: 4, max: 60, unit: '/min' },
  // MOAA/S: 0 (no response to a painful stimulus) to 5 (responds readily to name).
  moaas: { min: 0, max: 5, unit: 'MOAA/S' },
} as const satisfies Record<string, VitalSignLimit>

export type VitalSign = keyof typeof vitalSignLimits
