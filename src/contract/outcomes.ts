import { z } from 'zod'
import { instant, timestamp } from './common'

// The outcome dashboard: the clinic's cohort beside the literature (src/domain/outcomes), and the
// patients behind one of its counts.

export const outcomeRouteSchema = z.enum(['iv', 'intranasal'])
export const ageBandSchema = z.enum(['under-30', '30-49', '50-64', '65-plus'])
export const baselineSeveritySchema = z.enum(['moderate', 'moderately-severe', 'severe'])

/** The counts a user can open as a list of patients. */
export const outcomeFlags = [
  'response-24h',
  'response-1w',
  'response-course-end',
  'remission-24h',
  'remission-1w',
  'remission-course-end',
  'no-response-after-three',
  'relapsed',
  'bp-excursion',
] as const
export type OutcomeFlag = (typeof outcomeFlags)[number]

export const cohortQuery = z.object({
  route: outcomeRouteSchema.optional(),
  protocol: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a protocol id: 2–63 lowercase letters, digits and dashes')
    .optional()
    .describe('the protocol of the plan the first dose was given under, e.g. esketamine-trd'),
  from: instant.optional(),
  to: instant.optional(),
  ageBand: ageBandSchema.optional(),
  severity: baselineSeveritySchema.optional(),
})

export const dashboardQuery = cohortQuery.extend({
  clinics: z
    .enum(['this', 'all'])
    .default('this')
    .describe('all: every clinic where you may read reports, added up (each audited in its clinic)'),
})

export const flaggedPatientsQuery = cohortQuery.extend({ flag: z.enum(outcomeFlags) })

/** Proportion (src/domain/outcomes/proportion.ts): a Wilson 95 % interval, null when total is 0. */
const proportionSchema = z.object({
  successes: z.number(),
  total: z.number(),
  rate: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
})

/** SurvivalStep (src/domain/outcomes/kaplan-meier.ts): one Kaplan–Meier step. */
const survivalStepSchema = z.object({
  timeDays: z.number(),
  atRisk: z.number(),
  events: z.number(),
  censored: z.number(),
  survival: z.number(),
  standardError: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
})

/** Benchmark (src/domain/outcomes/benchmarks.ts): one published figure. */
const benchmarkSchema = z.object({
  id: z.string(),
  source: z.string(),
  treatment: z.enum(['iv-ketamine', 'esketamine', 'ect', 'placebo']),
  metric: z.enum([
    'response',
    'remission',
    'relapse',
    'median-days-to-relapse',
    'median-sessions-to-remission',
    'madrs-change',
    'early-response-sensitivity',
  ]),
  value: z.number(),
  unit: z.enum(['percent', 'days', 'sessions', 'points']),
  timepoint: z.enum(['2h', '24h', '72h', '1w', '4w', 'course-end', '12mo']).nullable(),
  instrument: z.string().optional(),
  note: z.string().optional(),
})

const responseAndRemission = z.object({ response: proportionSchema, remission: proportionSchema })

export const outcomeDashboardSchema = z.object({
  cohort: z.object({
    patients: z.number(),
    byRoute: z
      .object({ iv: z.number(), intranasal: z.number() })
      .describe('Patients by the treatment of their first dose: "all treatments" mixes the two'),
    sessions: z.number(),
    clinics: z
      .array(z.object({ id: z.string(), name: z.string(), patients: z.number() }))
      .describe('The clinics added up: one, or every clinic the user may read reports for'),
    filter: z.object({
      allClinics: z.boolean(),
      route: outcomeRouteSchema.nullable(),
      protocol: z.string().nullable(),
      ageBand: ageBandSchema.nullable(),
      severity: baselineSeveritySchema.nullable(),
      from: timestamp.nullable(),
      to: timestamp.nullable(),
    }),
  }),
  outcomes: z.object({
    '24h': responseAndRemission,
    '1w': responseAndRemission,
    'course-end': responseAndRemission,
  }),
  relapse: z
    .object({
      responders: z.number(),
      events: z.number(),
      medianDays: z.number().nullable(),
      medianLowerDays: z.number().nullable(),
      medianUpperDays: z.number().nullable(),
      steps: z.array(survivalStepSchema),
    })
    .nullable(),
  adverseEvents: z.array(
    z.object({
      term: z.string(),
      grade: z.number(),
      count: z.number(),
      per100Sessions: z.number().nullable(),
    }),
  ),
  bloodPressure: z.object({
    sessions: z.number(),
    excursions: proportionSchema,
    meanSystolicRiseMmHg: z.number().nullable(),
  }),
  noResponseAfterThree: proportionSchema,
  chairUtilisation: z.object({
    from: timestamp,
    to: timestamp,
    bookedHours: z.number(),
    capacityHours: z.number(),
    rate: z.number().nullable(),
  }),
  comparison: z
    .object({ treatment: z.enum(['iv-ketamine', 'esketamine']).nullable() })
    .describe('The treatment the published figures are for; null when the cohort mixes treatments'),
  benchmarks: z.array(benchmarkSchema),
})

export const flaggedPatientsSchema = z.object({
  flag: z.enum(outcomeFlags),
  patients: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      mrn: z.string(),
      route: outcomeRouteSchema.nullable(),
      firstDose: timestamp.nullable(),
    }),
  ),
})
