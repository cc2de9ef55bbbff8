import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams, instant, optionalText } from '../../../contract/common'
import { viewSchema, vitalsBody, vitalsReply } from '../../../contract/sessions'
import { inputLimits } from '../../../domain/dosing'
import { alertAckActions, sideEffectTerms } from '../../../domain/session'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { signerProof } from '../eligibility/routes'
import * as actions from './actions'
import * as schedule from './schedule'

const sessionParams = clinicParams.extend({ sessionId: z.uuid() })
const at = instant.optional()
const headerKey = (headers: Record<string, unknown>) => {
  const value = headers['idempotency-key']
  return typeof value === 'string' ? value : undefined
}

export function sessionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/v1/clinics/:clinicId/sessions/:sessionId'
    const write = { 200: viewSchema }
    const tags = ['sessions']

    app.get(
      base,
      {
        schema: {
          tags,
          summary: 'The chair-side record with its computed checks, alerts, readiness and predicted levels',
          params: sessionParams,
          response: { 200: viewSchema },
        },
      },
      async (request) =>
        schedule.getSession(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.sessionId,
        ),
    )

    const post = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      handler: (
        p: { clinicId: string; sessionId: string },
        b: z.infer<B>,
        principal: ReturnType<typeof signInOf>['principal'],
        key: string | undefined,
      ) => Promise<z.infer<typeof viewSchema>>,
    ) =>
      app.post(
        `${base}${path}`,
        {
          schema: {
            tags,
            summary: `${summary} (send an Idempotency-Key header to make resends safe)`,
            params: sessionParams,
            body,
            response: write,
          },
        },
        async (request) =>
          handler(
            request.params,
            request.body as z.infer<B>,
            signInOf(request).principal,
            headerKey(request.headers),
          ),
      )

    post(
      '/transition',
      'Move the session through its states (check-in, start-pre-checks, start-dosing, finish-dosing, mark-ready, resume-monitoring, cancel, abort)',
      z.object({
        event: z.enum([
          'check-in',
          'start-pre-checks',
          'start-dosing',
          'finish-dosing',
          'mark-ready',
          'resume-monitoring',
          'cancel',
          'abort',
        ]),
        version: z.number().int().min(1),
        reason: optionalText(1000),
      }),
      (p, b, who, key) => actions.transitionSession(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/pre-checks',
      'Record the pre-check questions',
      z.object({
        identityConfirmed: z.boolean(),
        fastingConfirmed: z.boolean(),
        escortConfirmed: z.boolean(),
        escortName: optionalText(200),
        pregnancyStatus: z.enum(['not-applicable', 'negative', 'positive', 'declined']),
        urinarySymptoms: z.boolean(),
        notes: optionalText(2000),
      }),
      (p, b, who, key) => actions.submitPreChecks(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/pre-checks/override',
      'Prescriber override of failing pre-checks, with reason and signature',
      z.object({ reason: z.string().trim().min(5).max(2000), ...signerProof }),
      (p, b, who, key) => actions.overridePreChecks(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/supervision',
      'A prescriber records that they are supervising this session',
      z.object({}).optional(),
      (p, _b, who, key) => actions.declareSupervision(ctx, who, p.clinicId, p.sessionId, key),
    )
    post(
      '/cautions-ack',
      'A prescriber acknowledges the pre-dose cautions from the intake screen (clinical-reference §3)',
      z.object({}).optional(),
      (p, _b, who, key) => actions.acknowledgeCautions(ctx, who, p.clinicId, p.sessionId, key),
    )
    post(
      '/dose',
      "Today's weight → dose, rate and volume (refused beyond the §2 dose limits without a prescriber's signed override)",
      z.object({
        // Hard input limits from the domain (issue 12).
        weightKg: z.number().min(inputLimits.weightKg.min).max(inputLimits.weightKg.max),
        vialMgPerMl: z.number().min(inputLimits.vialMgPerMl.min).max(inputLimits.vialMgPerMl.max).nullish(),
        doseBasis: z.enum(['actual', 'ideal', 'adjusted']).optional(),
        heightCm: z.number().min(inputLimits.heightCm.min).max(inputLimits.heightCm.max).nullish(),
        override: z
          .object({
            reason: z.string().trim().min(5).max(2000),
            signer: z.object({
              userId: z.uuid(),
              password: z.string().min(1).max(200).optional(),
              totpCode: z
                .string()
                .trim()
                .regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app')
                .optional(),
            }),
          })
          .optional()
          .describe(
            "A prescriber's signed override with a reason, needed when the dose goes beyond the §2 limits (ceiling per kg of actual weight, dosing weight above actual) and the plan's override does not cover it",
          ),
      }),
      (p, b, who, key) => actions.setDose(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/dose/check',
      'Second-person check of the dose: the signed-in user signs, or a colleague at this tablet signs as `checker` with their own password or code',
      z.object({
        ...signerProof,
        checker: z
          .object({
            userId: z.uuid(),
            password: z.string().min(1).max(200).optional(),
            totpCode: z
              .string()
              .trim()
              .regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app')
              .optional(),
          })
          .optional(),
      }),
      (p, b, who, key) => actions.checkDose(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/dose/draw',
      'Draw the checked dose from a controlled-substance lot: a dispense entry; the lot must have the concentration the dose was calculated with',
      z.object({ lotId: z.uuid() }),
      (p, b, who, key) => actions.drawDose(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/infusion',
      'Pump record: start, pause, resume, stop',
      z.object({ action: z.enum(['start', 'pause', 'resume', 'stop']), at }),
      (p, b, who, key) => actions.recordInfusion(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/devices',
      'An esketamine device used (5 minutes apart)',
      z.object({ at, lotId: z.uuid().nullish() }),
      (p, b, who, key) => actions.recordDevice(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    app.post(
      `${base}/vitals`,
      {
        schema: {
          tags,
          summary:
            'Vital signs (BP, HR, SpO2, RR, MOAA/S): acknowledged with the open alerts (send an Idempotency-Key header to make resends safe)',
          params: sessionParams,
          body: vitalsBody,
          response: { 200: vitalsReply },
        },
      },
      async (request) =>
        actions.recordSessionVitals(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.sessionId,
          request.body,
          headerKey(request.headers),
        ),
    )
    post(
      '/scores',
      'An instrument in this session (C-SSRS, PHQ-9, CADSS, MOAA/S, Aldrete, …)',
      z.object({
        instrumentId: z.string().min(1).max(40),
        answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
        context: z.enum(['pre', 'post']).default('post'),
        administeredAt: at,
      }),
      (p, b, who, key) => actions.recordSessionResponse(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/side-effects',
      'A side effect from the §7 vocabulary, graded 1–5',
      z.object({
        term: z.enum(sideEffectTerms),
        grade: z.number().int().min(1).max(5),
        onsetAt: at,
        actionTaken: optionalText(1000),
        isSerious: z.boolean().optional(),
      }),
      (p, b, who, key) => actions.recordSideEffect(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/side-effects/resolve',
      'Mark a side effect resolved',
      z.object({ sideEffectId: z.uuid(), resolvedAt: at }),
      (p, b, who, key) =>
        actions.resolveSideEffect(ctx, who, p.clinicId, p.sessionId, b.sideEffectId, b, key),
    )
    post(
      '/alerts/acknowledge',
      'Acknowledge a monitoring alert: what was done (from the list), a note, and the recheck it asks for',
      z.object({
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
      }),
      (p, b, who, key) => actions.acknowledgeSessionAlert(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/alerts/resolve',
      'Resolve a monitoring alert explicitly (a later reading back within the limit resolves it on its own)',
      z.object({ key: z.string().min(1).max(200), note: z.string().trim().min(3).max(2000) }),
      (p, b, who, key) => actions.resolveSessionAlert(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/escort',
      'Escort present (or not) for discharge',
      z.object({ isPresent: z.boolean(), name: optionalText(200) }),
      (p, b, who, key) => actions.setEscort(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/dissociation-check',
      'Esketamine (§3): the nurse records whether dissociation has resolved, at the time observed',
      z.object({ isResolved: z.boolean(), at, note: optionalText(1000) }),
      (p, b, who, key) => actions.recordDissociationCheck(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/ready-without-time-rule',
      'Esketamine REMS form (§3): the nurse enters or corrects when the patient would have been ready without the 2-hour rule',
      z.object({ at: z.coerce.date(), note: optionalText(1000) }),
      (p, b, who, key) => actions.recordReadyMoment(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/discharge',
      'Prescriber discharge sign-off (criteria re-checked; signature)',
      z.object({ version: z.number().int().min(1), ...signerProof }),
      (p, b, who, key) => actions.signDischarge(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/entered-in-error',
      'Mark a charted entry entered in error (nothing is deleted)',
      z.object({
        kind: z.enum(['vitals', 'responses', 'events', 'side-effects']),
        entryId: z.uuid(),
        reason: z.string().trim().min(3).max(1000),
      }),
      (p, b, who, key) => actions.markSessionEntryInError(ctx, who, p.clinicId, p.sessionId, b, key),
    )
    post(
      '/rems/submitted',
      'Record the REMS monitoring form as submitted, with the fields the chart does not hold',
      z.object({
        isEnrolled: z.boolean(),
        concomitant: z.object({
          benzodiazepines: z.boolean(),
          nonBenzodiazepineHypnotics: z.boolean(),
          psychostimulants: z.boolean(),
          maois: z.boolean(),
          opioids: z.boolean(),
        }),
      }),
      (p, b, who, key) => actions.markRemsSubmitted(ctx, who, p.clinicId, p.sessionId, b, key),
    )
  }
}
