import type { Encounter, EncounterParticipant } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { TreatmentSessionTable } from '../../../db'
import type { SessionState } from '../../../domain/session'
import { actCode, participationType, sessionNumberSystem } from '../code-systems'
import { ref, versionedMeta } from './meta'

export type SessionRow = Pick<
  Selectable<TreatmentSessionTable>,
  | 'id'
  | 'clinic_id'
  | 'patient_id'
  | 'plan_id'
  | 'chair_id'
  | 'session_number'
  | 'scheduled_at'
  | 'planned_duration_min'
  | 'state'
  | 'route'
  | 'supervising_prescriber_id'
  | 'primary_nurse_id'
  | 'discharged_at'
  | 'updated_at'
  | 'version'
>

/** When the session began and ended, from its timeline (the first check-in, the terminal state). */
export interface SessionTimes {
  checkedInAt: Date | null
  endedAt: Date | null
}

type EncounterStatus = NonNullable<Encounter['status']>

// R4 has no "aborted": a session stopped after dosing began did take place, so it is finished;
// `cancelled` is before any drug was given, as R4's "ended before it has begun".
export const encounterStatusOf: Record<SessionState, EncounterStatus> = {
  scheduled: 'planned',
  'checked-in': 'arrived',
  'pre-checks': 'triaged',
  dosing: 'in-progress',
  monitoring: 'in-progress',
  'ready-for-discharge': 'in-progress',
  discharged: 'finished',
  cancelled: 'cancelled',
  aborted: 'finished',
}

const routeText = { iv: 'IV ketamine infusion', intranasal: 'Intranasal esketamine session' } as const

/** A treatment session as an ambulatory Encounter at its chair, with the nurse and supervising prescriber. */
export function toEncounter(row: SessionRow, times: SessionTimes): Encounter {
  const participant: EncounterParticipant[] = []
  if (row.supervising_prescriber_id)
    participant.push(participantOf('ATND', 'attender', row.supervising_prescriber_id))
  if (row.primary_nurse_id) participant.push(participantOf('PPRF', 'primary performer', row.primary_nurse_id))
  return {
    resourceType: 'Encounter',
    id: row.id,
    meta: versionedMeta(row.version, row.updated_at),
    identifier: [{ system: sessionNumberSystem, value: String(row.session_number) }],
    status: encounterStatusOf[row.state],
    class: { system: actCode, code: 'AMB', display: 'ambulatory' },
    type: [{ text: routeText[row.route] }],
    subject: ref('Patient', row.patient_id),
    ...(participant.length > 0 ? { participant } : {}),
    period: periodOf(row, times),
    location: [{ location: row.chair_id ? ref('Location', row.chair_id) : ref('Location', row.clinic_id) }],
    serviceProvider: ref('Organization', row.clinic_id),
  }
}

function participantOf(code: string, display: string, userId: string): EncounterParticipant {
  return {
    type: [{ coding: [{ system: participationType, code, display }] }],
    individual: ref('Practitioner', userId),
  }
}

/** A planned session's period is its booking; a session under way runs from check-in to its end. */
function periodOf(row: SessionRow, times: SessionTimes): Encounter['period'] {
  if (!times.checkedInAt) {
    const end = new Date(row.scheduled_at.getTime() + row.planned_duration_min * 60_000)
    return { start: row.scheduled_at.toISOString(), end: end.toISOString() }
  }
  const end = row.discharged_at ?? times.endedAt
  return { start: times.checkedInAt.toISOString(), ...(end ? { end: end.toISOString() } : {}) }
}
