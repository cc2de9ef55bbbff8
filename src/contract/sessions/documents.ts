import { z } from 'zod'
import { concomitantClasses } from '../../domain/session'
import { isoDate, timestamp } from '../common'
import { patientSexes } from './view-record'

// The REMS Patient Monitoring Form's fields as filled from the chart (server documents.ts, §3).

const concomitantAnswerSchema = z.object({
  value: z.boolean().nullable(),
  origin: z.enum(['form', 'chart', 'not-recorded']),
  source: z.string(),
})

export const remsFormSchema = z.object({
  patientName: z.string(),
  dateOfBirth: isoDate,
  sex: z.enum(patientSexes),
  isFirstTreatment: z.boolean(),
  isEnrolled: z.boolean().nullable(),
  concomitantMedicines: z.object(
    Object.fromEntries(concomitantClasses.map((c) => [c, concomitantAnswerSchema])) as Record<
      (typeof concomitantClasses)[number],
      typeof concomitantAnswerSchema
    >,
  ),
  monitoringClinician: z.string().nullable(),
  setting: z.string(),
  date: timestamp.nullable(),
  /** The devices actually given, 28 mg each (§3). */
  doseMg: z.number(),
  plannedDoseMg: z.number().nullable(),
  devices: z.array(z.object({ number: z.number(), at: timestamp, lotNumber: z.string().nullable() })),
  lotNumbers: z.array(z.string()),
  minutesFirstDeviceToEndOfMonitoring: z.number().nullable(),
  readyWithoutTwoHourRuleAt: timestamp.nullable(),
  minutesToReadyWithoutTwoHourRule: z.number().nullable(),
  readyWithoutTwoHourRuleSource: z.string().nullable(),
  vitalsAcceptableBeforeDosing: z.boolean(),
  vitalsAcceptableAtEnd: z.boolean().nullable(),
  bpBeforeDose: z.string().nullable(),
  bpAt40Min: z.string().nullable(),
  bpBeforeEnd: z.string().nullable(),
  sedation: z.boolean(),
  dissociation: z.boolean(),
  respiratoryDepression: z.boolean(),
  adverseEvents: z.array(z.string()),
  dueAt: timestamp.nullable(),
  submittedAt: timestamp.nullable(),
})
