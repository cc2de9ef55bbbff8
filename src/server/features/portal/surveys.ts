import { getInstrument } from '../../../domain/instruments'
import type { Tx } from '../../context'
import { uuidv7 } from '../../ids'

// What a patient is asked to fill in between visits (issue 7): PHQ-9 and GAD-7 every week while a
// plan is approved, and QIDS-SR16 the day after each session. Assignments are made when they are
// due, once each (a dedupe key per week or per session).

export const weeklyInstruments = ['phq9', 'gad7'] as const
export const afterSessionInstrument = 'qids-sr16'
const weekMs = 7 * 86_400_000

export async function ensureSurveyAssignments(
  tx: Tx,
  clinicId: string,
  patientId: string,
  now: Date,
): Promise<void> {
  const plan = await tx
    .selectFrom('treatment_plan')
    .select(['approved_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'approved')
    .executeTakeFirst()
  if (!plan?.approved_at) return
  const wanted: {
    instrumentId: string
    reason: 'weekly' | 'after-session'
    sessionId: string | null
    dueAt: Date
    key: string
  }[] = []
  // Weeks counted from the plan's approval, so each week has one set.
  const week = Math.floor((now.getTime() - plan.approved_at.getTime()) / weekMs)
  const weekStart = new Date(plan.approved_at.getTime() + week * weekMs)
  for (const instrumentId of weeklyInstruments)
    wanted.push({
      instrumentId,
      reason: 'weekly',
      sessionId: null,
      dueAt: weekStart,
      key: `weekly:${instrumentId}:${week}`,
    })
  const sessions = await tx
    .selectFrom('treatment_session')
    .select(['id', 'discharged_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('state', '=', 'discharged')
    .where('discharged_at', '>=', new Date(now.getTime() - 14 * 86_400_000))
    .execute()
  for (const s of sessions) {
    const dueAt = new Date(s.discharged_at!.getTime() + 86_400_000)
    if (dueAt <= now)
      wanted.push({
        instrumentId: afterSessionInstrument,
        reason: 'after-session',
        sessionId: s.id,
        dueAt,
        key: `after-session:${s.id}`,
      })
  }
  for (const w of wanted) {
    getInstrument(w.instrumentId)
    await tx
      .insertInto('survey_assignment')
      .values({
        id: uuidv7(now.getTime()),
        clinic_id: clinicId,
        patient_id: patientId,
        instrument_id: w.instrumentId,
        reason: w.reason,
        session_id: w.sessionId,
        dedupe_key: w.key,
        due_at: w.dueAt,
        status: 'due',
        answers: '{}',
        response_id: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['clinic_id', 'dedupe_key']).doNothing())
      .execute()
  }
}
