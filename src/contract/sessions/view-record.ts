import { z } from 'zod'
import { doseLimits, weightBases } from '../../domain/dosing'
import { infusionActions, infusionStatuses, preCheckStatuses, sessionStates } from '../../domain/session'
import { isoDate, timestamp } from '../common'

// The chair-side view's record parts: who and what the session is, the plan, the dose as set and
// checked, the pre-checks and what was given (pump record or devices). Built in
// src/server/features/sessions/view.ts.

export const sessionRoutes = ['iv', 'intranasal'] as const
export const patientSexes = ['female', 'male', 'other', 'unknown'] as const

const person = z.object({ id: z.string(), name: z.string().nullable() })

export const viewSessionSchema = z.object({
  id: z.string(),
  state: z.enum(sessionStates),
  route: z.enum(sessionRoutes),
  sessionNumber: z.number(),
  plannedSessions: z.number(),
  scheduledAt: timestamp,
  plannedDurationMin: z.number(),
  chair: z.object({ id: z.string(), name: z.string() }).nullable(),
  spacingOverrideReason: z.string().nullable(),
  supervisingPrescriber: person.nullable(),
  primaryNurse: person.nullable(),
  escortName: z.string().nullable(),
  isEscortPresent: z.boolean(),
  endReason: z.string().nullable(),
  dischargedAt: timestamp.nullable(),
  dischargeSignerName: z.string().nullable(),
  dischargeContentHash: z.string().nullable(),
  /** Esketamine: the REMS monitoring form is due 7 days after discharge (§3). */
  remsDueAt: timestamp.nullable(),
  remsSubmittedAt: timestamp.nullable(),
  version: z.number(),
})

export const viewPatientSchema = z.object({
  id: z.string(),
  name: z.string(),
  mrn: z.string(),
  dateOfBirth: isoDate,
  age: z.number(),
  sex: z.enum(patientSexes),
})

export const viewPlanSchema = z.object({
  id: z.string(),
  protocolId: z.string(),
  protocolName: z.string(),
  doseMgPerKg: z.number().nullable(),
  doseMg: z.number().nullable(),
  doseBasis: z.enum(weightBases),
  maxDoseMgPerKg: z.number().nullable(),
  doseAboveActualWeight: z.boolean(),
  /** The prescriber's §2 override signed at plan approval. */
  doseOverride: z.object({ limits: z.array(z.enum(doseLimits)), reason: z.string() }).nullable(),
  cadence: z.string(),
})

/**
 * A `dose-drawn` event's payload as stored: the ledger entry of the dispense. The server holds it
 * as stored JSON; the wire says what it carries (and keeps anything a later version adds).
 */
const drawnLotWire = z.looseObject({
  lotId: z.string(),
  quantityMg: z.number(),
  concentrationMgPerMl: z.number().nullish(),
  ledgerEntryId: z.string().optional(),
  lotBalanceAfterMg: z.string().optional(),
})
// The server side of the codec is the stored JSON as read; the wire side (drawnLotWire) is typed.
const storedLot = z.record(z.string(), z.unknown()) // contract: allow-unknown (stored JSON, never sent as such)
const drawnLotSchema = z.codec(drawnLotWire, storedLot, {
  decode: (wire) => wire,
  // The wire side is validated after encoding: a payload without its lot and quantity is refused.
  encode: (stored) => stored as z.input<typeof drawnLotWire>,
})

const doseLimitList = z.array(z.enum(doseLimits))

/** §2 check of the IV dose as set (server `dose-limits-view.ts`); null for esketamine or before a dose. */
export const doseLimitsSchema = z.object({
  dosingWeightKg: z.number(),
  basisWeightKg: z.number(),
  isCappedAtActual: z.boolean(),
  doseMgPerKgOfActual: z.number(),
  ceilingMgPerKg: z.number(),
  ceilingMg: z.number(),
  isAboveCeiling: z.boolean(),
  limitsExceeded: doseLimitList,
  coveredByPlanOverride: doseLimitList,
  overrideEventId: z.string().nullable(),
  override: z
    .object({
      reason: z.string(),
      limits: doseLimitList,
      signerName: z.string(),
      at: timestamp,
      contentHash: z.string(),
    })
    .nullable(),
})

export const viewDoseSchema = z.object({
  weightKg: z.number().nullable(),
  doseBasis: z.enum(weightBases).nullable(),
  plannedDoseMg: z.number().nullable(),
  vialMgPerMl: z.number().nullable(),
  infusionMin: z.number().nullable(),
  rateMgPerMin: z.number().nullable(),
  rateMlPerHour: z.number().nullable(),
  volumeMl: z.number().nullable(),
  checkedBy: z.string().nullable(),
  checkedAt: timestamp.nullable(),
  doseGivenMg: z.number(),
  drawnFromLots: z.array(drawnLotSchema),
  limits: doseLimitsSchema.nullable(),
})

export const preCheckItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['pass', 'fail', 'pending']),
  detail: z.string(),
})

export const viewPreChecksSchema = z.object({
  status: z.enum(preCheckStatuses),
  items: z.array(preCheckItemSchema),
  /** §3 pre-dose cautions from the intake screen and the prescriber's acknowledgement. */
  cautions: z.object({
    items: z.array(z.object({ id: z.string(), question: z.string(), explanation: z.string() })),
    unanswered: z.array(z.string()),
    acknowledged: z
      .object({ by: z.string().nullable(), at: timestamp, cautions: z.array(z.string()) })
      .nullable(),
  }),
  override: z.object({ by: z.string().nullable(), at: timestamp, reason: z.string() }).nullable(),
})

/** The pump record (IV): runs and totals in epoch milliseconds, and the buttons allowed next. */
export const viewInfusionSchema = z.object({
  status: z.enum(infusionStatuses),
  runs: z.array(z.object({ startMs: z.number(), endMs: z.number() })),
  runningMin: z.number(),
  doseGivenMg: z.number(),
  remainingMg: z.number(),
  expectedEndMs: z.number().nullable(),
  endedAtMs: z.number().nullable(),
  nextActions: z.array(z.enum(infusionActions)).readonly(),
})

/** Esketamine devices (§3): the plan for the dose, the ones given and when the next may be. */
export const viewDevicesSchema = z.object({
  plan: z.object({
    doseMg: z.number(),
    deviceCount: z.number(),
    sprayCount: z.number(),
    deviceOffsetsMin: z.array(z.number()),
  }),
  given: z.array(z.object({ number: z.number(), at: timestamp, lotId: z.string().nullable() })),
  nextAllowedAt: timestamp.nullable(),
  isComplete: z.boolean(),
})
