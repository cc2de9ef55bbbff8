import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { doseLimits, inputLimits } from '../../../domain/dosing'
import type { AppContext } from '../../context'
import { sessionOf } from '../../plugins/auth'
import { optionalText, patientParams } from '../../schemas'
import { signerProof } from '../eligibility/routes'
import * as plans from './service'

const planSchema = z.object({
  id: z.string(),
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
  dosePreview: z.unknown().describe('IvDose from src/domain/dosing at the latest weight, for IV protocols'),
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
        plans.listPlans(ctx, sessionOf(request).principal, request.params.clinicId, request.params.patientId),
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
              sessionOf(request).principal,
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
          sessionOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.params.planId,
          request.body,
        ),
    )
  }
}
