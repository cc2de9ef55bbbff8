import { z } from 'zod'
import { type VitalSign, vitalSignLimits } from '../domain/session/vital-sign-limits'
import { enteredInErrorSchema, instant, timestamp } from './common'

// Assessments: scored instrument responses, the safety alerts they raise, and baseline vital signs.

export const responseContextSchema = z.enum(['intake', 'pre', 'post', 'between', 'follow-up'])
const answerValue = z.union([z.number(), z.boolean(), z.null()])

export const instrumentResponseSchema = z.object({
  id: z.string(),
  instrumentId: z.string(),
  answers: z.record(z.string(), answerValue),
  total: z.number(),
  band: z.object({ id: z.string(), label: z.string() }).nullable(),
  subscales: z.record(z.string(), z.number()),
  flags: z.array(z.object({ id: z.string(), severity: z.string(), message: z.string() })),
  context: responseContextSchema,
  sessionId: z.string().nullable(),
  respondent: z.enum(['patient', 'clinician']),
  administeredAt: timestamp,
  recordedBy: z.string().nullable(),
  enteredInError: enteredInErrorSchema,
})

export const safetyAlertSchema = z.object({
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

export const vitalsSchema = z.object({
  id: z.string(),
  context: z.enum(['intake', 'pre', 'intra', 'post']),
  sessionId: z.string().nullable(),
  measuredAt: timestamp,
  systolicMmHg: z.number().nullable(),
  diastolicMmHg: z.number().nullable(),
  heartRateBpm: z.number().nullable(),
  spo2Percent: z.number().nullable(),
  respiratoryRate: z.number().nullable(),
  moaas: z.number().nullable(),
  recordedBy: z.string().nullable(),
  enteredInError: enteredInErrorSchema,
})

export const assessmentsSchema = z.object({
  responses: z.array(instrumentResponseSchema),
  alerts: z.array(safetyAlertSchema),
  vitals: z.array(vitalsSchema),
})

export const responseBody = z.object({
  instrumentId: z.string().min(1).max(40),
  answers: z.record(z.string(), answerValue),
  context: responseContextSchema.default('intake'),
  administeredAt: instant.optional(),
})

export const recordedResponseSchema = z.object({
  response: instrumentResponseSchema,
  alerts: z.array(safetyAlertSchema),
})

export const acknowledgeAlertBody = z.object({
  note: z.string().trim().min(3, 'say what was done (at least 3 characters)').max(2000),
})

/** A whole-number vital sign within its typo-guard limits (src/domain/session/vital-sign-limits.ts). */
export const vitalSignField = (sign: VitalSign) =>
  z.number().int().min(vitalSignLimits[sign].min).max(vitalSignLimits[sign].max)

export const baselineVitalsBody = z.object({
  context: z.enum(['intake', 'pre', 'intra', 'post']).default('intake'),
  measuredAt: instant.optional(),
  systolicMmHg: vitalSignField('systolicMmHg'),
  diastolicMmHg: vitalSignField('diastolicMmHg'),
  heartRateBpm: vitalSignField('heartRateBpm'),
  spo2Percent: vitalSignField('spo2Percent').nullish(),
  respiratoryRate: vitalSignField('respiratoryRatePerMin').nullish(),
})
