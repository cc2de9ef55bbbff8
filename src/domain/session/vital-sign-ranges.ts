/**
 * The values a person can type for each vital sign: wider than any alert threshold, narrow enough
 * to catch a slip of the finger (a systolic of 1200). The API schemas and the web forms both check
 * them, so a value the form accepts is never refused by the server.
 */
export const vitalSignRanges = {
  systolicMmHg: { min: 40, max: 300 },
  diastolicMmHg: { min: 20, max: 200 },
  heartRateBpm: { min: 20, max: 250 },
  spo2Percent: { min: 50, max: 100 },
  respiratoryRate: { min: 4, max: 60 },
  moaas: { min: 0, max: 5 },
} as const satisfies Record<string, { min: number; max: number }>

export type VitalSignField = keyof typeof vitalSignRanges
