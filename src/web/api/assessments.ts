import type * as contract from '../../contract/assessments'
import type { Wire } from '../../contract/common'
import type { AnswerValue } from '../../domain/instruments'
import { usePatientRead, usePatientWrite } from './patients'

export type InstrumentResponse = Wire<typeof contract.instrumentResponseSchema>
/** Clinical-reference §4: warning (review before discharge) or urgent (same-day follow-up). */
export type SafetyAlert = Wire<typeof contract.safetyAlertSchema>
export type Vitals = Wire<typeof contract.vitalsSchema>
export type Assessments = Wire<typeof contract.assessmentsSchema>
/** Baseline vitals as the intake form sends them (the context is always intake). */
export type VitalsInput = Omit<Wire<typeof contract.baselineVitalsBody>, 'context' | 'measuredAt'>

export function useAssessments(clinicId: string, patientId: string, isEnabled = true) {
  return usePatientRead<Assessments>(clinicId, patientId, 'assessments', isEnabled)
}

export function useRecordResponse(clinicId: string, patientId: string) {
  return usePatientWrite<
    { instrumentId: string; answers: Record<string, AnswerValue> },
    Wire<typeof contract.recordedResponseSchema>
  >(clinicId, patientId, (input) => ({ path: '/responses', body: { ...input, context: 'intake' } }))
}

export function useRecordVitals(clinicId: string, patientId: string) {
  return usePatientWrite<VitalsInput, Vitals>(clinicId, patientId, (input) => ({
    path: '/vitals',
    body: { ...input, context: 'intake' },
  }))
}

export function useAcknowledgeAlert(clinicId: string, patientId: string) {
  return usePatientWrite<{ alertId: string; note: string }, SafetyAlert>(
    clinicId,
    patientId,
    ({ alertId, note }) => ({ path: `/alerts/${encodeURIComponent(alertId)}/acknowledge`, body: { note } }),
  )
}
