import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { Wire } from '../../contract/common'
import type { remsEntriesSchema, remsEntryBody } from '../../contract/rems'
import { apiFetch } from './client'
import { clinicApiPath, patientApiPath, patientKey, usePatientRead } from './patients'
import { useApiRead } from './read'

// Esketamine REMS records (src/server/features/rems): the clinic's setting certification and each
// patient's enrolment. Entries are appended; `current` is the one in force.

export type RemsEntries = Wire<typeof remsEntriesSchema>
export type RemsEntryInput = z.input<typeof remsEntryBody>

const certificationKey = (clinicId: string) => ['clinics', clinicId, 'rems-certification'] as const
const certificationPath = (clinicId: string) => `${clinicApiPath(clinicId)}/rems/certification`
const enrolmentPath = (clinicId: string, patientId: string) =>
  `${patientApiPath(clinicId, patientId)}/rems-enrolment`

export function useRemsCertification(clinicId: string) {
  return useApiRead<RemsEntries>(certificationKey(clinicId), certificationPath(clinicId))
}

export function useRecordRemsCertification(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: RemsEntryInput) =>
      apiFetch<RemsEntries>(certificationPath(clinicId), { method: 'POST', body: input }),
    // Every chart's REMS checklist item depends on the certification.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clinics', clinicId] }),
  })
}

export function useRemsEnrolment(clinicId: string, patientId: string) {
  return usePatientRead<RemsEntries>(clinicId, patientId, 'rems-enrolment')
}

export function useRecordRemsEnrolment(clinicId: string, patientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: RemsEntryInput) =>
      apiFetch<RemsEntries>(enrolmentPath(clinicId, patientId), { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: patientKey(clinicId, patientId) }),
  })
}
