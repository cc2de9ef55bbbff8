import { useQuery } from '@tanstack/react-query'
import type { AnswerValue } from '../../domain/instruments'
import { apiFetch } from './client'
import { type EnteredInError, patientApiPath, patientKey, usePatientWrite } from './patients'

export interface InstrumentResponse {
  id: string
  instrumentId: string
  answers: Record<string, AnswerValue>
  total: number
  band: { id: string; label: string } | null
  subscales: Record<string, number>
  flags: { id: string; severity: string; message: string }[]
  context: string
  sessionId: string | null
  respondent: 'patient' | 'clinician'
  administeredAt: string
  recordedBy: string | null
  enteredInError: EnteredInError | null
}

export interface SafetyAlert {
  id: string
  kind: string
  /** Clinical-reference §4: warning (review before discharge) or urgent (same-day follow-up). */
  severity: 'warning' | 'urgent'
  message: string
  instrumentResponseId: string | null
  raisedAt: string
  acknowledgedAt: string | null
  acknowledgedBy: string | null
  acknowledgementNote: string | null
}

export interface Vitals {
  id: string
  context: string
  sessionId: string | null
  measuredAt: string
  systolicMmHg: number | null
  diastolicMmHg: number | null
  heartRateBpm: number | null
  spo2Percent: number | null
  respiratoryRate: number | null
  moaas: number | null
  recordedBy: string | null
  enteredInError: EnteredInError | null
}

export interface Assessments {
  responses: InstrumentResponse[]
  alerts: SafetyAlert[]
  vitals: Vitals[]
}

export interface VitalsInput {
  systolicMmHg: number
  diastolicMmHg: number
  heartRateBpm: number
  spo2Percent: number | null
  respiratoryRate: number | null
}

export function useAssessments(clinicId: string, patientId: string, isEnabled = true) {
  return useQuery({
    queryKey: [...patientKey(clinicId, patientId), 'assessments'],
    queryFn: ({ signal }) =>
      apiFetch<Assessments>(`${patientApiPath(clinicId, patientId)}/assessments`, { signal }),
    enabled: isEnabled,
  })
}

export function useRecordResponse(clinicId: string, patientId: string) {
  return usePatientWrite<
    { instrumentId: string; answers: Record<string, AnswerValue> },
    { response: InstrumentResponse; alerts: SafetyAlert[] }
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
