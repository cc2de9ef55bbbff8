import { z } from 'zod'
import { instrumentResponseSchema, safetyAlertSchema, vitalsSchema } from './assessments'
import { signerProof, timestamp } from './common'
import { historySchema } from './history'

// Eligibility: the prescriber's review screen and the signed decisions.

export const eligibilityOutcomeSchema = z.enum(['approve', 'decline', 'defer'])

export const decisionSchema = z.object({
  id: z.string(),
  decision: eligibilityOutcomeSchema,
  reason: z.string(),
  overrideReason: z.string().nullable(),
  meaning: z.string(),
  contentHash: z.string(),
  signedBy: z.string(),
  signerName: z.string(),
  signedAt: timestamp,
  acknowledgedCautions: z.array(z.string()),
})

export const bodyMeasuresSchema = z.object({
  weightKg: z.number().nullable(),
  heightCm: z.number().nullable(),
  bmi: z.number().nullable(),
})

export const eligibilityReviewSchema = z.object({
  patient: z.object({
    id: z.string(),
    mrn: z.string(),
    name: z.string(),
    dateOfBirth: z.string(),
    sex: z.string(),
  }),
  history: historySchema,
  latestScores: z.record(z.string(), instrumentResponseSchema).describe('The latest response per instrument'),
  openAlerts: z.array(safetyAlertSchema),
  latestVitals: vitalsSchema.nullable(),
  body: bodyMeasuresSchema,
  decisions: z.array(decisionSchema),
})

export const decisionBody = z.object({
  decision: eligibilityOutcomeSchema,
  reason: z.string().trim().min(3, 'give the reason (at least 3 characters)').max(4000),
  overrideReason: z.string().trim().max(4000).nullish(),
  cautionsAcknowledged: z
    .boolean()
    .optional()
    .describe('Approval: the prescriber acknowledges the §3 pre-dose cautions on the screen'),
  ...signerProof,
})
