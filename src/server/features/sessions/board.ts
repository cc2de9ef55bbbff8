import { hasPermission } from '../../../domain/access/permissions'
import { clinicDateOf, clinicDayBounds } from '../../../domain/time'
import { clinicService } from '../../clinic-scope'
import { readClinic } from '../../clinic-settings'
import type { Tx } from '../../context'
import * as store from './store'
import { loadSessionView, remsDueDays, type SessionView } from './view'

// The day's board (GET …/board and its live stream): every chair and its sessions with the facts a
// charge nurse scans, read from each session's view so the board and the chair agree.

type BoardSession = Awaited<ReturnType<typeof store.listSessionsBetween>>[number]

/** A clinic's day (the date asked for, else today on the clinic's calendar) and its sessions. */
export async function sessionsOfClinicDay(tx: Tx, clinicId: string, now: Date, date?: string) {
  const clinic = await readClinic(tx, clinicId, ['time_zone', 'name'])
  const today = clinicDateOf(now, clinic.time_zone)
  const day = date ?? today
  const { start, end } = clinicDayBounds(day, clinic.time_zone)
  // Today's board keeps a session that began before midnight until the patient leaves the chair.
  const sessions = await store.listSessionsBetween(
    tx,
    clinicId,
    start.getTime(),
    end.getTime(),
    day === today,
  )
  return { clinic, day, sessions }
}

/** When the dose started and when the next vital signs are due: the timers every board shows. */
export function doseTimersOf(view: SessionView | null) {
  return {
    doseStartedAt: view?.infusion?.runs[0]
      ? new Date(view.infusion.runs[0].startMs)
      : (view?.devices?.given[0]?.at ?? null),
    nextVitalsDueAt: view?.nextVitalsDue?.dueAt ?? null,
  }
}

/** One card; `view` is null for a session not under way or for a role without clinical access. */
function toBoardCard(s: BoardSession, view: SessionView | null) {
  return {
    id: s.id,
    chairId: s.chair_id,
    chairName: s.chair_name,
    patient: { id: s.patient_id, name: `${s.given_name} ${s.family_name}`, mrn: s.mrn },
    scheduledAt: s.scheduled_at,
    plannedDurationMin: s.planned_duration_min,
    state: s.state,
    route: s.route,
    sessionNumber: s.session_number,
    supervisingPrescriber: s.prescriber_name,
    nurse: s.nurse_name,
    ...doseTimersOf(view),
    openAlerts: view
      ? view.alerts
          .filter((a) => !a.acknowledged && !a.resolved)
          .map((a) => ({ code: a.code, severity: a.severity, message: a.message }))
      : [],
    preChecks: view?.preChecks.status ?? null,
    dischargeReadyAt: view?.discharge?.earliestReadyAtMs ? new Date(view.discharge.earliestReadyAtMs) : null,
    remsDueAt: view?.session.remsDueAt ?? null,
    remsSubmittedAt: s.rems_submitted_at,
    version: s.version,
  }
}

export const getBoard = clinicService(
  { permission: 'patients:read', action: 'board.read', entity: 'treatment_session' },
  async (scope, date?: string | undefined, options: { isRefresh?: boolean } = {}) => {
    const clinicId = scope.clinicId
    const { clinic, day, sessions } = await sessionsOfClinicDay(scope.tx, clinicId, scope.now, date)
    const chairs = await scope.tx
      .selectFrom('chair')
      .select(['id', 'name', 'is_active'])
      .where('clinic_id', '=', clinicId)
      .orderBy('name')
      .execute()
    const canSeeClinical = hasPermission(scope.membership.role, 'clinical:read')
    const cards = []
    for (const s of sessions) {
      const view =
        canSeeClinical && s.state !== 'scheduled' && s.state !== 'cancelled'
          ? await loadSessionView(scope.tx, clinicId, s.id, scope.now)
          : null
      cards.push(toBoardCard(s, view))
    }
    // REMS forms still owed from earlier days (due within 7 days of an esketamine session).
    const remsOwed = await scope.tx
      .selectFrom('treatment_session as s')
      .innerJoin('patient as p', 'p.id', 's.patient_id')
      .select(['s.id', 's.discharged_at', 'p.given_name', 'p.family_name', 'p.mrn'])
      .where('s.clinic_id', '=', clinicId)
      .where('s.route', '=', 'intranasal')
      .where('s.state', '=', 'discharged')
      .where('s.rems_submitted_at', 'is', null)
      .orderBy('s.discharged_at')
      .execute()
    // A live refresh of an open board is not a new read (the opening was audited).
    if (!options.isRefresh)
      await scope.audit({
        action: 'board.read',
        entity: 'treatment_session',
        detail: { date: day, sessions: sessions.length },
      })
    return {
      date: day,
      timeZone: clinic.time_zone,
      generatedAt: scope.now,
      chairs: chairs.map((c) => ({ id: c.id, name: c.name, isActive: c.is_active })),
      sessions: cards,
      remsOwed: remsOwed.map((r) => ({
        sessionId: r.id,
        patient: `${r.given_name} ${r.family_name}`,
        mrn: r.mrn,
        dueAt: new Date(r.discharged_at!.getTime() + remsDueDays * 86_400_000),
      })),
    }
  },
)
