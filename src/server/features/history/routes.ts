import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  enteredInErrorSchema,
  errorReasonBody,
  isoDate,
  optionalText,
  patientParams,
} from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as history from './service'

const drugClass = z.enum(['ssri', 'snri', 'tca', 'maoi', 'atypical', 'other'])
const adherence = z.enum(['good', 'partial', 'poor'])
const outcome = z.enum(['response', 'partial', 'non-response', 'intolerance'])
const severity = z.enum(['subsyndromal', 'mild', 'moderate', 'severe', 'severe-psychotic'])

const trialSchema = z.object({
  id: z.string(),
  drug: z.string(),
  drugClass,
  maxDailyDoseMg: z.number().nullable(),
  doseAdequate: z.boolean(),
  weeks: z.number(),
  adherence,
  outcome,
  augmentation: z.boolean(),
  isCurrentEpisode: z.boolean(),
  startedOn: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.date(),
  enteredInError: enteredInErrorSchema,
})

// The domain results are shown as computed; their full shape is documented in src/domain/eligibility.
const historySchema = z.object({
  trials: z.array(trialSchema),
  screening: z.object({
    contraindicationAnswers: z.record(z.string(), z.boolean().nullable()),
    episodeDurationMonths: z.number().nullable(),
    severity: severity.nullable(),
    ect: z.object({ used: z.boolean(), bilateral: z.boolean(), failed: z.boolean() }),
    updatedAt: z.date().nullable(),
    version: z.number(),
  }),
  trd: z
    .unknown()
    .describe('TrdAssessment from src/domain/eligibility, or null while the episode is not described'),
  trdMissing: z.array(z.string()),
  trdSettings: z.object({ minAdequateWeeks: z.number(), minFailedTrials: z.number() }),
  contraindications: z
    .unknown()
    .describe('ContraindicationScreen from src/domain/eligibility, or null until every question is answered'),
  unansweredContraindications: z.array(z.string()),
})

export function historyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/v1/clinics/:clinicId/patients/:patientId'
    app.get(
      `${base}/history`,
      {
        schema: {
          tags: ['history'],
          summary:
            'Antidepressant trials, screening answers, and the live TRD, Thase–Rush, Maudsley and contraindication results',
          params: patientParams,
          response: { 200: historySchema },
        },
      },
      async (request) =>
        history.getHistory(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )

    app.post(
      `${base}/trials`,
      {
        schema: {
          tags: ['history'],
          summary: 'Add an antidepressant trial; returns the updated history',
          params: patientParams,
          body: z.object({
            drug: z.string().trim().min(1).max(100),
            drugClass,
            maxDailyDoseMg: z.number().positive().max(10_000).nullish(),
            doseAdequate: z.boolean(),
            weeks: z.number().min(0).max(520),
            adherence,
            outcome,
            augmentation: z.boolean().default(false),
            isCurrentEpisode: z.boolean().default(true),
            startedOn: isoDate.nullish(),
            note: optionalText(1000),
          }),
          response: { 201: historySchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await history.addTrial(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.params.patientId,
              request.body,
            ),
          ),
    )

    app.post(
      `${base}/trials/:entryId/entered-in-error`,
      {
        schema: {
          tags: ['history'],
          summary: 'Mark a trial entered in error; returns the updated history',
          params: patientParams.extend({ entryId: z.uuid() }),
          body: errorReasonBody,
          response: { 200: historySchema },
        },
      },
      async (request) =>
        history.markTrialInError(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.params.entryId,
          request.body.reason,
        ),
    )

    app.put(
      `${base}/screening`,
      {
        schema: {
          tags: ['history'],
          summary:
            'Save the contraindication screen and the current episode (send the version you loaded; 0 for a first save)',
          params: patientParams,
          body: z.object({
            contraindicationAnswers: z.record(z.string(), z.boolean().nullable()),
            episodeDurationMonths: z.number().int().min(0).max(1200).nullable(),
            severity: severity.nullable(),
            ect: z.object({ used: z.boolean(), bilateral: z.boolean(), failed: z.boolean() }),
            version: z.number().int().min(0).optional(),
          }),
          response: { 200: historySchema },
        },
      },
      async (request) =>
        history.saveScreening(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.body,
        ),
    )
  }
}
