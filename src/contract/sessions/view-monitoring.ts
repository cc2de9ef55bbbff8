import { z } from 'zod'
import {
  alertAckActions,
  dischargeCriterionIds,
  guardNames,
  sessionEvents,
  sessionStates,
  vitalsAlertCodes,
  vitalsMeasures,
} from '../../domain/session'
import { enteredInErrorSchema, timestamp } from '../common'

// The chair-side view's monitoring parts: alerts on the readings, when the next vitals are due,
// discharge readiness, the esketamine checks, the state machine's options, the predicted PK curve
// and the charted side effects and events. Times the domain computes stay epoch milliseconds (`…Ms`).

/** One set of observations behind an alert; a measure not taken at that time is absent. */
export const alertReadingSchema = z.object({
  takenAtMs: z.number(),
  systolicMmHg: z.number().optional(),
  diastolicMmHg: z.number().optional(),
  heartRateBpm: z.number().optional(),
  spo2Percent: z.number().optional(),
  moaasScore: z.number().optional(),
})

/** A monitoring alert (server vitals-alerts.ts): the reading, the rule, what to do and by when. */
export const sessionAlertSchema = z.object({
  key: z.string(),
  code: z.enum(vitalsAlertCodes),
  measure: z.enum(vitalsMeasures),
  severity: z.enum(['warning', 'critical']),
  message: z.string(),
  rule: z.string(),
  recommendedAction: z.string(),
  atMs: z.number(),
  readings: z.array(alertReadingSchema),
  /** While unresolved, when the recheck it asks for is due. */
  recheckByMs: z.number().nullable(),
  resolvedAtMs: z.number().nullable(),
  acknowledged: z
    .object({
      by: z.string().nullable(),
      at: timestamp,
      actions: z.array(z.enum(alertAckActions)),
      note: z.string(),
      recheckVitalId: z.string().nullable(),
    })
    .nullable(),
  resolved: z
    .object({
      at: timestamp,
      how: z.enum(['reading', 'clinician']),
      by: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
})

export const nextVitalsDueSchema = z.object({
  dueAt: timestamp.nullable(),
  reason: z.string(),
  /** Esketamine (§3): a BP recheck, pulse oximetry, or both. */
  prompts: z.array(z.enum(['blood-pressure', 'spo2'])),
  /** Set when the time is an alert's recheck deadline (the timer then says "BP recheck"). */
  recheck: z.object({ measure: z.enum(vitalsMeasures), alertCode: z.enum(vitalsAlertCodes) }).nullable(),
})

export const dischargeCriterionSchema = z.object({
  id: z.enum(dischargeCriterionIds),
  isMet: z.boolean(),
  reason: z.string(),
  earliestMetAtMs: z.number().nullable(),
})

export const dischargeSchema = z.object({
  isReady: z.boolean(),
  criteria: z.array(dischargeCriterionSchema),
  earliestReadyAtMs: z.number().nullable(),
  readyWithoutObservationRuleAtMs: z.number().nullable(),
})

/** Esketamine: the nurse's latest dissociation check since the first device (§3). */
export const dissociationSchema = z.object({
  latest: z
    .object({
      isResolved: z.boolean(),
      at: timestamp,
      by: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  checks: z.number(),
})

/** Esketamine REMS form: the "ready without the 2-hour rule" moment as recorded in the session. */
export const readyWithoutTimeRuleSchema = z.object({
  at: timestamp,
  source: z.enum(['charting', 'nurse']),
  recordedBy: z.string().nullable(),
  note: z.string().nullable(),
  minutesFromFirstDevice: z.number().nullable(),
  firstMetByChartingAt: timestamp.nullable(),
})

export const transitionOptionSchema = z.object({
  event: z.enum(sessionEvents),
  to: z.enum(sessionStates),
  isAllowed: z.boolean(),
  blockedBy: z.array(z.object({ guard: z.enum(guardNames), reason: z.string() })),
})

/** Predicted plasma and effect-site concentration from the pump record (a model, not a measurement). */
export const pkSchema = z.object({
  model: z.string(),
  startedAt: timestamp,
  nowMin: z.number(),
  tMin: z.array(z.number()),
  plasmaNgPerMl: z.array(z.number()),
  effectNgPerMl: z.array(z.number()),
  effectBands: z
    .array(z.object({ id: z.string(), label: z.string(), fromNgPerMl: z.number(), toNgPerMl: z.number() }))
    .readonly(),
  note: z.string(),
})

export const sideEffectSchema = z.object({
  id: z.string(),
  term: z.string(),
  grade: z.number(),
  onsetAt: timestamp,
  actionTaken: z.string().nullable(),
  resolvedAt: timestamp.nullable(),
  isSerious: z.boolean(),
  enteredInError: enteredInErrorSchema,
})

/** A charted session event; its payload is what that kind of event stores. */
export const timelineEntrySchema = z.object({
  id: z.string(),
  kind: z.string(),
  at: timestamp,
  payload: z.record(z.string(), z.unknown()), // contract: allow-unknown (each event kind stores its own JSON; typing them per kind is left for later)
  recordedBy: z.string().nullable(),
  recordedById: z.string().nullable(),
  enteredInError: enteredInErrorSchema,
})
