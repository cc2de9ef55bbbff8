import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { optionalText, patientParams } from '../../../contract/common'
import { doseLimits, inputLimits } from '../../../domain/dosing'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { signerProof } from '../eligibility/routes'
import * as plans from './service'

const dosePreviewSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('iv'),
        weightKg: z.number(),
        weighedAt: z.date(),
        doseMgPerKg: z.number(),
        basis: z.enum(['actual', 'ideal', 'adjusted']),
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
        limitsExceeded: z.array(z.enum(doseLimits)),
        warnings: z.array(
          z.object({
            code: z.string(),
            severity: z.enum(['override', 'caution']),
            message: z.string(),
          }),
        ),
      })
      .describe('IvDose from src/domain/dosing at the latest recorded weight'),
    z.object({ kind: z.literal('unavailable'), reason: z.string() }),
    z
      .object({
        kind: z.literal('esketamine'),
        doseMg: z.number(),
        deviceMg: z.number(),
        deviceCount: z.number(),
        sprayCount: z.number(),
        deviceOffsetsMin: z.array(z.number()),
        minutesBetweenDevices: z.number(),
      })
      .describe('The 28 mg devices of the dose, used 5 minutes apart (§3)'),
  ])
  .nullable()
  .describe('IV: the dose at the latest weight; esketamine: the devices; null without a weight (IV)')

const planSchema = z.object({
  id: z.string(),
  route: z
    .enum(['iv-infusion', 'intranasal'])
    .describe('mg/kg, weight basis and titration limit apply to IV plans; doseMg to esketamine plans'),
  protocolId: z.string(),
  protocolName: z.string(),
  doseBasis: z.enum(['actual', 'ideal', 'adjusted']),
  doseMgPerKg: z.number().nullable(),
  doseMg: z.number().nullable(),
  maxDoseMgPerKg: z.number().nullable(),
  doseAboveActualWeight: z.boolean(),
  doseOverride: z
    .object({ limits: z.array(z.enum(doseLimits)), reason: z.string() })
    .nullable()
    .describe('The §2 dose limits the approval signature overrides, with the reason'),
  ceilingMgPerKg: z
    .number()
    .nullable()
    .describe("The clinic's titration ceiling, mg/kg of actual weight (§2)"),
  limitsNeedingOverride: z
    .array(z.object({ limit: z.enum(doseLimits), field: z.string(), message: z.string() }))
    .describe('For a draft: the §2 dose limits its approval must override with a reason'),
  plannedSessions: z.number(),
  cadence: z.string(),
  note: z.string().nullable(),
  status: z.enum(['draft', 'approved', 'superseded', 'cancelled']),
  createdAt: z.date(),
  approvedBy: z.string().nullable(),
  approverName: z.string().nullable(),
  approvedAt: z.date().nullable(),
  contentHash: z.string().nullable(),
  version: z.number(),
  dosePreview: dosePreviewSchema,
})

const mgPerKg = z
  .number()
  .gt(inputLimits.doseMgPerKg.min)
  .max(inputLimits.doseMgPerKg.max)
  .describe('mg/kg (more than 0, at most 3)')

export function planRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/v1/clinics/:clinicId/patients/:patientId/plans'
    app.get(
      base,
      {
        schema: {
          tags: ['plans'],
          summary: "A patient's treatment plans, newest first",
          params: patientParams,
          response: { 200: z.array(planSchema) },
        },
      },
      async (request) =>
        plans.listPlans(ctx, signInOf(request).principal, request.params.clinicId, request.params.patientId),
    )

    app.post(
      base,
      {
        schema: {
          tags: ['plans'],
          summary:
            'Draft a treatment plan from a protocol (prescriber); protocol defaults fill what is left out',
          params: patientParams,
          body: z.object({
            protocolId: z.string().min(1).max(60),
            doseBasis: z.enum(['actual', 'ideal', 'adjusted']).default('actual'),
            // Hard input limits from the domain (issue 12); the §2 ceiling is checked at approval.
            doseMgPerKg: mgPerKg.nullish(),
            doseMg: z.number().min(14).max(112).nullish(),
            maxDoseMgPerKg: mgPerKg.nullish(),
            doseAboveActualWeight: z.boolean().optional(),
            plannedSessions: z.number().int().min(1).max(100).optional(),
            cadence: z.string().min(1).max(60).optional(),
            note: optionalText(2000),
          }),
          response: { 201: z.array(planSchema) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await plans.createPlan(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.params.patientId,
              request.body,
            ),
          ),
    )

    app.post(
      `${base}/:planId/approve`,
      {
        schema: {
          tags: ['plans'],
          summary:
            'Approve a draft plan with a signature (needs an approved eligibility decision and a current consent)',
          params: patientParams.extend({ planId: z.uuid() }),
          body: z.object({
            version: z.number().int().min(1),
            doseOverride: z
              .object({ reason: z.string().trim().min(5).max(2000) })
              .optional()
              .describe('Needed when the plan goes beyond a §2 dose limit; signed with the approval'),
            ...signerProof,
          }),
          response: { 200: z.array(planSchema) },
        },
      },
      async (request) =>
        plans.approvePlan(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.params.planId,
          request.body,
        ),
    )
  }
}
