import { z } from 'zod'
import { type VitalSign, vitalSignLimits } from '../domain/session'
import { enteredInErrorSchema, timestamp } from './common'

// Charted observations of a patient as every reply carries them: instrument responses, safety
// alerts and vital signs (the assessments routes, the chart, the chair-side session view).

export const responseSchema = z.object({
  id: z.string(),
  instrumentId: z.string(),
  answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
  total: z.number(),
  band: z.object({ id: z.string(), label: z.string() }).nullable(),
  subscales: z.record(z.string(), z.number()),
  flags: z.array(z.object({ id: z.string(), severity: z.string(), message: z.string() })),
  context: z.enum(['intake', 'pre', 'post', 'between', 'follow-up']),
  sessionId: z.string().nullable(),
  respondent: z.enum(['patient', 'clinician']),
  administeredAt: timestamp,
  recordedBy: z.string().nullable(),
  enteredInError: enteredInErrorSchema,
})

export const alertSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** Clinical-reference §4: warning (review before discharge) or urgent (same-day follow-up). */
  severity: z.enum(['warning', 'urgent']),
  message: z.string(),
  instrumentResponseId: z.string().nullable(),
  raisedAt: timestamp,
  acknowledgedAt: timestamp.nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgementNote: z.string().nullable(),
})

export const vitalSchema = z.object({
  id: z.string(),
  context: z.enum(['intake', 'pre', 'intra', 'post']),
  sessionId: z.string().nullable(),
  measuredAt: timestamp,
  systolicMmHg: z.number().nullable(),
  diastolicMmHg: z.number().nullable(),
  heartRateBpm: z.number().nullable(),
  spo2Percent: z.number().nullable(),
  /** Breaths per minute (the wire name predates units in names). */
  respiratoryRate: z.number().nullable(),
  moaas: z.number().nullable(),
  recordedBy: z.string().nullable(),
  enteredInError: enteredInErrorSchema,
})

/** A whole-number vital sign within its typo-guard limits (src/domain/session/vital-sign-limits.ts). */
export const vitalSignField = (sign: VitalSign) =>
  z.number().int().min(vitalSignLimits[sign].min).max(vitalSignLimits[sign].max)
