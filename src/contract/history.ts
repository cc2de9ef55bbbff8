import { z } from 'zod'
import { enteredInErrorSchema, isoDate, optionalText, timestamp } from './common'

// History: antidepressant trials, the screening answers and the live domain results computed from
// them (src/domain/eligibility: TRD, Thase–Rush, Maudsley, contraindications).

export const drugClassSchema = z.enum(['ssri', 'snri', 'tca', 'maoi', 'atypical', 'other'])
export const adherenceSchema = z.enum(['good', 'partial', 'poor'])
export const trialOutcomeSchema = z.enum(['response', 'partial', 'non-response', 'intolerance'])
export const episodeSeveritySchema = z.enum([
  'subsyndromal',
  'mild',
  'moderate',
  'severe',
  'severe-psychotic',
])
export const ectSchema = z.object({ used: z.boolean(), bilateral: z.boolean(), failed: z.boolean() })

export const screeningSchema = z.object({
  contraindicationAnswers: z.record(z.string(), z.boolean().nullable()),
  episodeDurationMonths: z.number().nullable(),
  severity: episodeSeveritySchema.nullable(),
  ect: ectSchema,
  updatedAt: timestamp.nullable(),
  version: z.number(),
})

/** AntidepressantTrial (src/domain/eligibility/trial-adequacy.ts): a trial as the TRD rules read it. */
const domainTrialSchema = z.object({
  drug: z.string(),
  drugClass: drugClassSchema,
  doseAdequate: z.boolean(),
  weeks: z.number(),
  adherence: adherenceSchema,
  outcome: trialOutcomeSchema,
  augmentation: z.boolean(),
  isCurrentEpisode: z.boolean(),
})

/** A trial as the chart records it: the domain's fields, with the dose, dates and a correction mark. */
export const trialSchema = domainTrialSchema.extend({
  id: z.string(),
  maxDailyDoseMg: z.number().nullable(),
  startedOn: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: timestamp,
  enteredInError: enteredInErrorSchema,
})

const maudsleyPartsSchema = z.object({
  durationPoints: z.number(),
  severityPoints: z.number(),
  failedAntidepressantPoints: z.number(),
  augmentationPoints: z.number(),
  ectPoints: z.number(),
})

/** TrdAssessment (src/domain/eligibility/trd.ts). */
export const trdAssessmentSchema = z.object({
  trialReviews: z.array(
    z.object({
      trial: domainTrialSchema,
      isAdequate: z.boolean(),
      isFailedAdequate: z.boolean(),
      reasons: z.array(z.string()),
    }),
  ),
  adequateTrials: z.array(domainTrialSchema),
  failedAdequateTrials: z.array(domainTrialSchema),
  isTrd: z.boolean(),
  reasons: z.array(z.string()),
  thaseRush: z.object({
    stage: z.literal([0, 1, 2, 3, 4, 5]),
    label: z.string(),
    reasons: z.array(z.string()),
  }),
  maudsley: z.discriminatedUnion('isApplicable', [
    z.object({
      isApplicable: z.literal(true),
      total: z.number(),
      parts: maudsleyPartsSchema,
      band: z.enum(['mild', 'moderate', 'severe']),
      reasons: z.array(z.string()),
    }),
    z.object({
      isApplicable: z.literal(false),
      total: z.null(),
      parts: z.null(),
      band: z.null(),
      reasons: z.array(z.string()),
    }),
  ]),
})

const contraindicationFindingSchema = z.object({
  id: z.string(),
  severity: z.enum(['absolute', 'relative', 'caution']),
  isUnverified: z.boolean(),
  explanation: z.string(),
})

/** ContraindicationScreen (src/domain/eligibility/contraindications.ts). */
export const contraindicationScreenSchema = z.object({
  findings: z.array(contraindicationFindingSchema),
  hasAbsolute: z.boolean(),
  hasRelative: z.boolean(),
  cautions: z.array(contraindicationFindingSchema),
})

export const historySchema = z.object({
  trials: z.array(trialSchema),
  screening: screeningSchema,
  trd: trdAssessmentSchema
    .nullable()
    .describe('Null while the episode (duration, severity) is not described'),
  trdMissing: z.array(z.string()),
  trdSettings: z.object({ minAdequateWeeks: z.number(), minFailedTrials: z.number() }),
  contraindications: contraindicationScreenSchema
    .nullable()
    .describe('Null until every contraindication question is answered'),
  unansweredContraindications: z.array(z.string()),
})

export const trialBody = z.object({
  drug: z.string().trim().min(1).max(100),
  drugClass: drugClassSchema,
  maxDailyDoseMg: z.number().positive().max(10_000).nullish(),
  doseAdequate: z.boolean(),
  weeks: z.number().min(0).max(520),
  adherence: adherenceSchema,
  outcome: trialOutcomeSchema,
  augmentation: z.boolean().default(false),
  isCurrentEpisode: z.boolean().default(true),
  startedOn: isoDate.nullish(),
  note: optionalText(1000),
})

export const screeningBody = z.object({
  contraindicationAnswers: z.record(z.string(), z.boolean().nullable()),
  episodeDurationMonths: z.number().int().min(0).max(1200).nullable(),
  severity: episodeSeveritySchema.nullable(),
  ect: ectSchema,
  version: z.number().int().min(0).optional(),
})
