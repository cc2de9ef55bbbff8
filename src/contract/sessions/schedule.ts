import { z } from 'zod'
import { preCheckStatuses, sessionStates, vitalsAlertCodes } from '../../domain/session'
import { instant, isoDate, optionalText, timestamp } from '../common'
import { sessionRoutes } from './view-record'

// Chairs, booking and the day's board (src/server/features/sessions/schedule.ts and board.ts).

export const chairSchema = z.object({ id: z.string(), name: z.string(), isActive: z.boolean() })

export const addChairBody = z.object({ name: z.string().trim().min(1).max(60) })

export const bookBody = z.object({
  patientId: z.uuid(),
  chairId: z.uuid(),
  scheduledAt: instant,
  plannedDurationMin: z.number().int().min(15).max(480).optional(),
  spacingOverrideReason: optionalText(1000),
})

export const boardQuery = z.object({ date: isoDate.optional() })

/** One session on the board: what a charge nurse scans (clinical facts only for clinical roles). */
export const boardCardSchema = z.object({
  id: z.string(),
  chairId: z.string().nullable(),
  chairName: z.string().nullable(),
  patient: z.object({ id: z.string(), name: z.string(), mrn: z.string() }),
  scheduledAt: timestamp,
  plannedDurationMin: z.number(),
  state: z.enum(sessionStates),
  route: z.enum(sessionRoutes),
  sessionNumber: z.number(),
  supervisingPrescriber: z.string().nullable(),
  nurse: z.string().nullable(),
  doseStartedAt: timestamp.nullable(),
  nextVitalsDueAt: timestamp.nullable(),
  openAlerts: z.array(
    z.object({
      code: z.enum(vitalsAlertCodes),
      severity: z.enum(['warning', 'critical']),
      message: z.string(),
    }),
  ),
  preChecks: z.enum(preCheckStatuses).nullable(),
  dischargeReadyAt: timestamp.nullable(),
  remsDueAt: timestamp.nullable(),
  remsSubmittedAt: timestamp.nullable(),
  version: z.number(),
})

export const boardSchema = z.object({
  date: isoDate,
  timeZone: z.string(),
  generatedAt: timestamp,
  chairs: z.array(chairSchema),
  sessions: z.array(boardCardSchema),
  /** REMS forms still owed from earlier days (due within 7 days of an esketamine session). */
  remsOwed: z.array(
    z.object({ sessionId: z.string(), patient: z.string(), mrn: z.string(), dueAt: timestamp }),
  ),
})

export const patientSessionSchema = z.object({
  id: z.string(),
  sessionNumber: z.number(),
  scheduledAt: timestamp,
  plannedDurationMin: z.number(),
  state: z.enum(sessionStates),
  route: z.enum(sessionRoutes),
  chairName: z.string().nullable(),
  dischargedAt: timestamp.nullable(),
})

const datedNote = z.object({ date: isoDate, note: z.string() })

export const suggestedDatesSchema = z.object({
  planId: z.string().nullable(),
  route: z.enum(['iv-infusion', 'intranasal']).nullable(),
  remaining: z.number(),
  dates: z.array(datedNote),
  /** Esketamine: when the protocol's benefit review falls due (§3). */
  benefitReview: datedNote.nullable(),
})
