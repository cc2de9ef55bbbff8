import { z } from 'zod'
import { doseLimits, doseWarningCodes, inputLimits } from '../domain/dosing'
import { optionalText, patientParams, signerProof, timestamp } from './common'

// Treatment plans: drafts from a protocol, the prescriber's signed approval, and the dose preview.

export const weightBasisSchema = z.enum(['actual', 'ideal', 'adjusted'])
const doseLimitSchema = z.enum(doseLimits)

const ivDosePreviewSchema = z
  .object({
    kind: z.literal('iv'),
    weightKg: z.number(),
    weighedAt: timestamp,
    doseMgPerKg: z.number(),
    basis: weightBasisSchema,
    dosingWeightKg: z.number(),
    basisWeightKg: z.number(),
    actualWeightKg: z.number(),
    idealWeightKg: z.number().optional(),
    adjustedWeightKg: z.number().optional(),
    isCappedAtActual: z.boolean(),
    doseMg: z.number(),
    doseMgPerKgOfActual: z.number(),
    infusionMin: z.number(),
    rateMgPerMin: z.number(),
    volumeMl: z.number().optional(),
    rateMlPerH: z.number().optional(),
    ceilingMgPerKg: z.number(),
    ceilingMg: z.number(),
    isAboveCeiling: z.boolean(),
    limitsExceeded: z.array(doseLimitSchema),
    warnings: z.array(
      z.object({
        code: z.enum(doseWarningCodes),
        severity: z.enum(['override', 'caution']),
        message: z.string(),
      }),
    ),
  })
  .describe('IvDose from src/domain/dosing at the latest recorded weight')

const unavailableDoseSchema = z.object({ kind: z.literal('unavailable'), reason: z.string() })

const esketamineDevicePreviewSchema = z
  .object({
    kind: z.literal('esketamine'),
    doseMg: z.number(),
    deviceMg: z.number(),
    deviceCount: z.number(),
    sprayCount: z.number(),
    deviceOffsetsMin: z.array(z.number()),
    minutesBetweenDevices: z.number(),
  })
  .describe('The 28 mg devices of the dose, used 5 minutes apart (§3)')

export const dosePreviewSchema = z
  .discriminatedUnion('kind', [ivDosePreviewSchema, unavailableDoseSchema, esketamineDevicePreviewSchema])
  .nullable()
  .describe('IV: the dose at the latest weight; esketamine: the devices; null without a weight (IV)')

export const planSchema = z.object({
  id: z.string(),
  route: z
    .enum(['iv-infusion', 'intranasal'])
    .describe('mg/kg, weight basis and titration limit apply to IV plans; doseMg to esketamine plans'),
  protocolId: z.string(),
  protocolName: z.string(),
  doseBasis: weightBasisSchema,
  doseMgPerKg: z.number().nullable(),
  doseMg: z.number().nullable(),
  maxDoseMgPerKg: z.number().nullable(),
  doseAboveActualWeight: z.boolean(),
  doseOverride: z
    .object({ limits: z.array(doseLimitSchema), reason: z.string() })
    .nullable()
    .describe('The §2 dose limits the approval signature overrides, with the reason'),
  ceilingMgPerKg: z
    .number()
    .nullable()
    .describe("The clinic's titration ceiling, mg/kg of actual weight (§2)"),
  limitsNeedingOverride: z
    .array(z.object({ limit: doseLimitSchema, field: z.string(), message: z.string() }))
    .describe('For a draft: the §2 dose limits its approval must override with a reason'),
  plannedSessions: z.number(),
  cadence: z.string(),
  note: z.string().nullable(),
  status: z.enum(['draft', 'approved', 'superseded', 'cancelled']),
  createdAt: timestamp,
  approvedBy: z.string().nullable(),
  approverName: z.string().nullable(),
  approvedAt: timestamp.nullable(),
  contentHash: z.string().nullable(),
  version: z.number(),
  dosePreview: dosePreviewSchema,
})

const mgPerKg = z
  .number()
  .gt(inputLimits.doseMgPerKg.min)
  .max(inputLimits.doseMgPerKg.max)
  .describe('mg/kg (more than 0, at most 3)')

export const createPlanBody = z.object({
  protocolId: z.string().min(1).max(60),
  doseBasis: weightBasisSchema.default('actual'),
  // Hard input limits from the domain (issue 12); the §2 ceiling is checked at approval.
  doseMgPerKg: mgPerKg.nullish(),
  doseMg: z.number().min(14).max(112).nullish(),
  maxDoseMgPerKg: mgPerKg.nullish(),
  doseAboveActualWeight: z.boolean().optional(),
  plannedSessions: z.number().int().min(1).max(100).optional(),
  cadence: z.string().min(1).max(60).optional(),
  note: optionalText(2000),
})

export const planParams = patientParams.extend({ planId: z.uuid() })

export const approvePlanBody = z.object({
  version: z.number().int().min(1),
  doseOverride: z
    .object({ reason: z.string().trim().min(5).max(2000) })
    .optional()
    .describe('Needed when the plan goes beyond a §2 dose limit; signed with the approval'),
  ...signerProof,
})
