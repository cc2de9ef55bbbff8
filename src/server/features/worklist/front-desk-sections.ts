import { sql } from 'kysely'
import type { ClinicScope } from '../../clinic-scope'
import { sessionLine } from './clinical-sections'
import { clinicItem, type DayContext, formatClock, formatDay, patientItem, type WorklistItem } from './items'
import { routineStepItem } from './routine-steps'
import { namedPatientColumns, openSessionsBetween, patientsAtStage, withoutSession } from './store'

// Front desk: who to call, check in, book or complete, and no clinical facts (design.md §2, issue 13).

/** Registration gaps matter for sessions from today to a week ahead. */
const registrationWindowMs = 8 * 86_400_000

export async function loadReferrals(scope: ClinicScope): Promise<WorklistItem[]> {
  const rows = await scope.tx
    .selectFrom('referral')
    .select(['id', 'name', 'phone', 'email', 'preferred_contact', 'received_at', 'is_urgent'])
    .where('clinic_id', '=', scope.clinicId)
    .where('status', '=', 'new')
    .execute()
  return rows.map((r) =>
    clinicItem({
      id: `referral:${r.id}`,
      kind: 'referral',
      title: r.is_urgent ? 'Call back today' : 'New referral to contact',
      subject: r.name,
      detail: `Prefers ${r.preferred_contact === 'phone' ? `a call: ${r.phone ?? 'no number given'}` : `e-mail: ${r.email ?? 'no address given'}`}`,
      at: r.received_at,
      urgency: r.is_urgent ? 'urgent' : 'routine',
      link: 'intake',
    }),
  )
}

export async function loadArrivals(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const rows = await openSessionsBetween(scope, day.start, day.end)
  return rows
    .filter((s) => s.state === 'scheduled')
    .map((s) =>
      patientItem(s.patient_id, s, {
        id: `arrival:${s.id}`,
        kind: 'arrival',
        title: sessionLine(s, day.timeZone),
        detail: 'Check in on the Today board when the patient and escort arrive.',
        at: s.scheduled_at,
        urgency: s.scheduled_at.getTime() < scope.now.getTime() ? 'soon' : 'routine',
        link: 'today',
      }),
    )
}

export async function loadReadyToBook(scope: ClinicScope): Promise<WorklistItem[]> {
  const rows = await patientsAtStage(scope, 'ready-for-treatment', withoutSession)
  return rows.map((p) =>
    routineStepItem('first-booking', { recordId: p.id, patientId: p.id, at: p.updated_at }, p),
  )
}

export async function loadRegistrationGaps(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const rows = await scope.tx
    .selectFrom('patient as p')
    .select([...namedPatientColumns, 'p.id', 'p.phone', 'p.escort_name', 'p.escort_phone'])
    .select(
      sql<Date>`(SELECT min(s.scheduled_at) FROM treatment_session s WHERE s.patient_id = p.id
        AND s.state = 'scheduled' AND s.scheduled_at >= ${day.start}
        AND s.scheduled_at < ${new Date(day.start.getTime() + registrationWindowMs)})`.as('next_at'),
    )
    .where('p.clinic_id', '=', scope.clinicId)
    .where((eb) =>
      eb.or([eb('p.phone', 'is', null), eb('p.escort_name', 'is', null), eb('p.escort_phone', 'is', null)]),
    )
    .execute()
  return rows
    .filter((r) => r.next_at !== null)
    .map((r) => {
      const missing = [
        r.phone ? null : 'phone number',
        r.escort_name ? null : 'escort',
        r.escort_phone || !r.escort_name ? null : 'escort’s phone',
      ].filter(Boolean)
      const nextAt = new Date(r.next_at)
      return patientItem(r.id, r, {
        id: `registration:${r.id}`,
        kind: 'registration',
        title: `Missing: ${missing.join(', ')}`,
        detail: `Booked ${formatDay(nextAt, day.timeZone)} ${formatClock(nextAt, day.timeZone)}: the patient goes home with an escort.`,
        at: nextAt,
        urgency: nextAt.getTime() < day.end.getTime() ? 'urgent' : 'soon',
        link: `patients/${r.id}?tab=demographics`,
      })
    })
}
