import type { ClinicScope } from '../../clinic-scope'
import { loadSessionView } from '../sessions/view'
import { countOf, type DayContext, formatClock, formatDay, patientItem, type WorklistItem } from './items'
import { routineStepItem } from './routine-steps'
import { namedPatientColumns, openSessionsBetween, patientsAtStage, withoutDecision } from './store'

// The prescriber's and the nurse's sections: safety, signatures, today's chairs, REMS forms.

const weekMs = 7 * 86_400_000

export async function loadSafetyAlerts(scope: ClinicScope): Promise<WorklistItem[]> {
  const rows = await scope.tx
    .selectFrom('safety_alert as a')
    .innerJoin('patient as p', 'p.id', 'a.patient_id')
    .leftJoin('instrument_response as r', 'r.id', 'a.instrument_response_id')
    .select([
      ...namedPatientColumns,
      'a.id',
      'a.patient_id',
      'a.severity',
      'a.message',
      'a.raised_at',
      'r.id as response_id',
      'r.recorded_by',
    ])
    .where('a.clinic_id', '=', scope.clinicId)
    .where('a.acknowledged_at', 'is', null)
    .execute()
  return rows.map((r) => {
    // A response nobody on staff recorded came from the patient portal.
    const isPortal = r.response_id !== null && r.recorded_by === null
    const followUp = r.severity === 'urgent' ? 'same-day follow-up' : 'review before discharge'
    return patientItem(r.patient_id, r, {
      id: `safety-alert:${r.id}`,
      kind: isPortal ? 'portal-safety-answer' : 'clinic-safety-answer',
      title: `${isPortal ? 'Portal answer' : 'Answer in clinic'}: ${followUp}`,
      detail: r.message,
      at: r.raised_at,
      urgency: r.severity === 'urgent' ? 'urgent' : 'soon',
      link: `patients/${r.patient_id}?tab=overview`,
    })
  })
}

export async function loadToSign(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const [awaiting, drafts, sessions] = await Promise.all([
    patientsAtStage(scope, 'awaiting-decision', withoutDecision),
    scope.tx
      .selectFrom('treatment_plan as t')
      .innerJoin('patient as p', 'p.id', 't.patient_id')
      .select([...namedPatientColumns, 't.id', 't.patient_id', 't.created_at'])
      .where('t.clinic_id', '=', scope.clinicId)
      .where('t.status', '=', 'draft')
      .execute(),
    openSessionsBetween(scope, new Date(day.start.getTime() - weekMs), day.end),
  ])
  const items: WorklistItem[] = awaiting.map((p) =>
    routineStepItem('eligibility-decision', { recordId: p.id, patientId: p.id, at: p.updated_at }, p),
  )
  for (const t of drafts)
    items.push(
      routineStepItem('plan-approval', { recordId: t.id, patientId: t.patient_id, at: t.created_at }, t),
    )
  for (const s of sessions) if (s.state !== 'scheduled') items.push(...(await sessionDecisions(scope, s)))
  return items
}

type OpenSession = Awaited<ReturnType<typeof openSessionsBetween>>[number]

/** What a prescriber must decide in a session under way: discharge, a failed pre-check, cautions. */
async function sessionDecisions(scope: ClinicScope, s: OpenSession): Promise<WorklistItem[]> {
  const view = await loadSessionView(scope.tx, scope.clinicId, s.id, scope.now)
  const item = (id: string, fields: Omit<WorklistItem, 'id' | 'subject' | 'patientId' | 'link'>) =>
    patientItem(s.patient_id, s, { id: `${id}:${s.id}`, link: `sessions/${s.id}`, ...fields })
  const chair = s.chair_name ?? 'No chair'
  const items: WorklistItem[] = []
  if (s.state === 'ready-for-discharge')
    items.push(
      item('discharge', {
        kind: 'discharge',
        title: 'Discharge to sign',
        detail: `${chair} · session ${s.session_number}: the nurse marked the patient ready.`,
        at: s.updated_at,
        urgency: 'urgent',
      }),
    )
  if (!['checked-in', 'pre-checks'].includes(s.state)) return items
  if (view.preChecks.status === 'failed')
    items.push(
      item('pre-check-override', {
        kind: 'pre-check-override',
        title: 'Pre-checks failed: override or cancel',
        detail: `${chair} · a failed pre-check needs a prescriber’s decision before dosing.`,
        at: s.updated_at,
        urgency: 'urgent',
      }),
    )
  const cautions = view.preChecks.cautions
  if (cautions.items.length > 0 && !cautions.acknowledged)
    items.push(
      item('cautions', {
        kind: 'caution-acknowledgement',
        title: 'Pre-dose cautions to acknowledge',
        detail: `${countOf(cautions.items.length, 'caution')} from the intake screen, before this dose.`,
        at: s.scheduled_at,
        urgency: 'soon',
      }),
    )
  return items
}

/** "09:30 · Chair 2": a booked session as a line of today's list. */
export function sessionLine(s: OpenSession, timeZone: string): string {
  return `${formatClock(s.scheduled_at, timeZone)} · ${s.chair_name ?? 'no chair yet'}`
}

const stateWords: Record<string, string> = {
  scheduled: 'booked',
  'checked-in': 'checked in',
  'pre-checks': 'pre-checks',
  dosing: 'dosing',
  monitoring: 'monitoring',
  'ready-for-discharge': 'ready for discharge',
}

export async function loadTodaysSessions(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const rows = await openSessionsBetween(scope, day.start, day.end)
  return rows.map((s) =>
    patientItem(s.patient_id, s, {
      id: `session:${s.id}`,
      kind: 'session',
      title: `${sessionLine(s, day.timeZone)} · ${s.route === 'iv' ? 'IV ketamine' : 'esketamine'}`,
      detail: `Session ${s.session_number}, ${stateWords[s.state] ?? s.state}`,
      at: s.scheduled_at,
      urgency: ['dosing', 'monitoring', 'ready-for-discharge'].includes(s.state) ? 'soon' : 'routine',
      link: `sessions/${s.id}`,
    }),
  )
}

export async function loadRemsFormsOwed(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const rows = await scope.tx
    .selectFrom('treatment_session as s')
    .innerJoin('patient as p', 'p.id', 's.patient_id')
    .select([...namedPatientColumns, 's.id', 's.patient_id', 's.discharged_at', 's.session_number'])
    .where('s.clinic_id', '=', scope.clinicId)
    .where('s.route', '=', 'intranasal')
    .where('s.state', '=', 'discharged')
    .where('s.rems_submitted_at', 'is', null)
    .execute()
  // The form is due within 7 days of the session (clinical-reference §3, the board's rule).
  return rows.map((r) => {
    const dueAt = new Date(r.discharged_at!.getTime() + weekMs)
    const hoursLeft = (dueAt.getTime() - scope.now.getTime()) / 3_600_000
    return patientItem(r.patient_id, r, {
      id: `rems-form:${r.id}`,
      kind: 'rems-form',
      title: 'REMS Patient Monitoring Form to submit',
      detail: `Session ${r.session_number}; ${hoursLeft < 0 ? 'overdue, was due' : 'due'} by ${formatDay(dueAt, day.timeZone)}.`,
      at: dueAt,
      urgency: hoursLeft < 48 ? 'urgent' : 'soon',
      link: `sessions/${r.id}`,
    })
  })
}
