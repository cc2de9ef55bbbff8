import { z } from 'zod'
import { instant } from './common'

// The treatment session's API contract: the chair-side view every chair-side write answers with, and
// the vital-signs body. Server routes and the web app both import from here.

const at = instant.optional()

// The whole chair-side record; its parts are documented in src/server/features/sessions/view.ts.
export const viewSchema = z
  .object({
    generatedAt: z.date(),
    session: z.unknown(),
    patient: z.unknown(),
    plan: z.unknown(),
    dose: z.unknown(),
    preChecks: z.unknown(),
    infusion: z.unknown(),
    devices: z.unknown(),
    alerts: z.unknown(),
    safetyAlerts: z.unknown(),
    nextVitalsDue: z.unknown(),
    discharge: z.unknown(),
    dissociation: z.unknown(),
    readyWithoutTimeRule: z.unknown(),
    transitions: z.unknown(),
    pk: z.unknown(),
    vitals: z.unknown(),
    abnormalVitals: z.unknown(),
    responses: z.unknown(),
    sideEffects: z.unknown(),
    timeline: z.unknown(),
    replayed: z.boolean().optional(),
  })
  .describe('SessionView (view.ts); `replayed` is true when an Idempotency-Key resend changed nothing')

export const vitalsBody = z.object({
  context: z.enum(['pre', 'intra', 'post']).default('intra'),
  measuredAt: at,
  systolicMmHg: z.number().int().min(40).max(300).nullish(),
  diastolicMmHg: z.number().int().min(20).max(200).nullish(),
  heartRateBpm: z.number().int().min(20).max(250).nullish(),
  spo2Percent: z.number().int().min(50).max(100).nullish(),
  respiratoryRate: z.number().int().min(4).max(60).nullish(),
  moaas: z.number().int().min(0).max(5).nullish(),
})
