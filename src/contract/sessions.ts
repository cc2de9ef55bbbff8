import { z } from 'zod'
import { vitalsMeasures } from '../domain/session'
import {
  safetyAlertSchema as alertSchema,
  instrumentResponseSchema as responseSchema,
  vitalsSchema as vitalSchema,
  vitalSignField,
} from './assessments'
import { instant, timestamp } from './common'
import {
  dischargeSchema,
  dissociationSchema,
  nextVitalsDueSchema,
  pkSchema,
  readyWithoutTimeRuleSchema,
  sessionAlertSchema,
  sideEffectSchema,
  timelineEntrySchema,
  transitionOptionSchema,
} from './sessions/view-monitoring'
import {
  viewDevicesSchema,
  viewDoseSchema,
  viewInfusionSchema,
  viewPatientSchema,
  viewPlanSchema,
  viewPreChecksSchema,
  viewSessionSchema,
} from './sessions/view-record'

// The treatment session's API contract: the chair-side view every chair-side write answers with, and
// the vital-signs body. Server routes and the web app both import from here; the parts live in
// ./sessions/ (the view's record and monitoring parts, booking and the board, the REMS form).

export * from './sessions/documents'
export * from './sessions/schedule'
export * from './sessions/view-monitoring'
export * from './sessions/view-record'

const at = instant.optional()

/** The whole chair-side record, computed from the stored record at `generatedAt` (server view.ts). */
export const viewSchema = z
  .object({
    /** The server's clock for this view: countdowns on a tablet with a drifting clock use it. */
    generatedAt: timestamp,
    session: viewSessionSchema,
    patient: viewPatientSchema,
    plan: viewPlanSchema,
    dose: viewDoseSchema,
    preChecks: viewPreChecksSchema,
    infusion: viewInfusionSchema.nullable(),
    devices: viewDevicesSchema.nullable(),
    alerts: z.array(sessionAlertSchema),
    /** The patient's open suicidal-ideation alerts (§4): any of them holds discharge sign-off. */
    safetyAlerts: z.array(alertSchema),
    nextVitalsDue: nextVitalsDueSchema.nullable(),
    discharge: dischargeSchema.nullable(),
    dissociation: dissociationSchema.nullable(),
    readyWithoutTimeRule: readyWithoutTimeRuleSchema.nullable(),
    transitions: z.array(transitionOptionSchema),
    pk: pkSchema.nullable(),
    vitals: z.array(vitalSchema),
    /** Per live reading id, the measures outside the clinic's alert limits. */
    abnormalVitals: z.record(z.string(), z.array(z.enum(vitalsMeasures))),
    responses: z.array(responseSchema),
    sideEffects: z.array(sideEffectSchema),
    timeline: z.array(timelineEntrySchema),
    replayed: z.boolean().optional(),
  })
  .describe('SessionView (view.ts); `replayed` is true when an Idempotency-Key resend changed nothing')

/** The view as the server builds it (Dates); the web app's is `Wire<typeof viewSchema>`. */

export const vitalsBody = z.object({
  context: z.enum(['pre', 'intra', 'post']).default('intra'),
  measuredAt: at,
  systolicMmHg: vitalSignField('systolicMmHg').nullish(),
  diastolicMmHg: vitalSignField('diastolicMmHg').nullish(),
  heartRateBpm: vitalSignField('heartRateBpm').nullish(),
  spo2Percent: vitalSignField('spo2Percent').nullish(),
  /** Breaths per minute; the wire keeps the name it has always had. */
  respiratoryRate: vitalSignField('respiratoryRatePerMin').nullish(),
  moaas: vitalSignField('moaas').nullish(),
})
