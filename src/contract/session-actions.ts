import { z } from 'zod'
import { inputLimits } from '../domain/dosing'
import { alertAckActions, sessionEvents, sideEffectTerms } from '../domain/session'
import { vitalsSchema } from './assessments'
import { instant, optionalText, signerProof, timestamp } from './common'
import { viewSchema, vitalsBody } from './sessions'

// Request bodies of the chair-side writes (src/server/features/sessions/actions/) and the lean reply
// of recording a vital sign. Every other chair-side write answers with the whole view (`viewSchema`).

const at = instant.optional()

const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app')
  .optional()

/** A colleague at this tablet who signs with their own password or code. */
const colleagueSigner = z.object({
  userId: z.uuid(),
  password: z.string().min(1).max(200).optional(),
  totpCode,
})

export const transitionBody = z.object({
  /** Transitions the nurse or front desk sends; discharge has its own signed route. */
  event: z.enum(sessionEvents).exclude(['discharge']),
  version: z.number().int().min(1),
  reason: optionalText(1000),
})

export const preChecksBody = z.object({
  identityConfirmed: z.boolean(),
  fastingConfirmed: z.boolean(),
  escortConfirmed: z.boolean(),
  escortName: optionalText(200),
  pregnancyStatus: z.enum(['not-applicable', 'negative', 'positive', 'declined']),
  urinarySymptoms: z.boolean(),
  notes: optionalText(2000),
})

export const preCheckOverrideBody = z.object({ reason: z.string().trim().min(5).max(2000), ...signerProof })

/** Writes that carry nothing but the signed-in user (supervision, the cautions acknowledgement). */
export const emptyBody = z.object({}).optional()

export const doseBody = z.object({
  // Hard input limits from the domain (issue 12).
  weightKg: z.number().min(inputLimits.weightKg.min).max(inputLimits.weightKg.max),
  vialMgPerMl: z.number().min(inputLimits.vialMgPerMl.min).max(inputLimits.vialMgPerMl.max).nullish(),
  doseBasis: z.enum(['actual', 'ideal', 'adjusted']).optional(),
  heightCm: z.number().min(inputLimits.heightCm.min).max(inputLimits.heightCm.max).nullish(),
  override: z
    .object({ reason: z.string().trim().min(5).max(2000), signer: colleagueSigner })
    .optional()
    .describe(
      "A prescriber's signed override with a reason, needed when the dose goes beyond the §2 limits (ceiling per kg of actual weight, dosing weight above actual) and the plan's override does not cover it",
    ),
})

export const doseCheckBody = z.object({ ...signerProof, checker: colleagueSigner.optional() })

export const doseDrawBody = z.object({ lotId: z.uuid() })

export const infusionBody = z.object({ action: z.enum(['start', 'pause', 'resume', 'stop']), at })

export const deviceBody = z.object({ at, lotId: z.uuid().nullish() })

export const scoreBody = z.object({
  instrumentId: z.string().min(1).max(40),
  answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
  context: z.enum(['pre', 'post']).default('post'),
  administeredAt: at,
})

export const sideEffectBody = z.object({
  term: z.enum(sideEffectTerms),
  grade: z.number().int().min(1).max(5),
  onsetAt: at,
  actionTaken: optionalText(1000),
  isSerious: z.boolean().optional(),
})

export const sideEffectResolveBody = z.object({ sideEffectId: z.uuid(), resolvedAt: at })

export const alertAckBody = z.object({
  key: z.string().min(1).max(200),
  actions: z.array(z.enum(alertAckActions)).min(1).max(alertAckActions.length),
  note: optionalText(2000),
  recheck: z
    .object({
      measuredAt: at,
      systolicMmHg: vitalsBody.shape.systolicMmHg,
      diastolicMmHg: vitalsBody.shape.diastolicMmHg,
      heartRateBpm: vitalsBody.shape.heartRateBpm,
      spo2Percent: vitalsBody.shape.spo2Percent,
    })
    .nullish(),
})

export const alertResolveBody = z.object({
  key: z.string().min(1).max(200),
  note: z.string().trim().min(3).max(2000),
})

export const escortBody = z.object({ isPresent: z.boolean(), name: optionalText(200) })

export const dissociationCheckBody = z.object({ isResolved: z.boolean(), at, note: optionalText(1000) })

export const readyMomentBody = z.object({ at: z.coerce.date(), note: optionalText(1000) })

export const dischargeBody = z.object({ version: z.number().int().min(1), ...signerProof })

export const enteredInErrorBody = z.object({
  kind: z.enum(['vitals', 'responses', 'events', 'side-effects']),
  entryId: z.uuid(),
  reason: z.string().trim().min(3).max(1000),
})

export const remsSubmittedBody = z.object({
  isEnrolled: z.boolean(),
  concomitant: z.object({
    benzodiazepines: z.boolean(),
    nonBenzodiazepineHypnotics: z.boolean(),
    psychostimulants: z.boolean(),
    maois: z.boolean(),
    opioids: z.boolean(),
  }),
})

const openAlert = z.object({
  key: z.string(),
  code: z.string(),
  severity: z.string(),
  message: z.string(),
  rule: z.string(),
  recommendedAction: z.string(),
  atMs: z.number(),
  recheckByMs: z.number().nullable(),
  isAcknowledged: z.boolean(),
})

/**
 * The hot path's reply: the new reading and the parts of the view it changes, from the same
 * computations as the view (alerts, the next vitals due, the reading's out-of-limit measures), at
 * `generatedAt`. The web app lays it over the cached view; the live view reconciles the rest.
 */
export const vitalsReply = viewSchema
  .pick({ alerts: true, nextVitalsDue: true, abnormalVitals: true })
  .extend({
    generatedAt: timestamp,
    replayed: z.boolean(),
    vital: vitalsSchema.nullable(),
    /** The alerts that need a clinician: neither acknowledged nor resolved. */
    openAlerts: z.array(openAlert),
  })
