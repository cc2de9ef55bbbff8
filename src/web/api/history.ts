import type { Wire } from '../../contract/common'
import type { ectSchema, historySchema, screeningBody, trialBody } from '../../contract/history'
import { usePatientRead, usePatientWrite } from './patients'

export type Ect = Wire<typeof ectSchema>

/**
 * GET …/history: trials, screening answers and the server's live domain results; `trd` is null
 * while the episode is not described, `contraindications` until every question is answered.
 */
export type History = Wire<typeof historySchema>

export type TrialInput = Wire<typeof trialBody>

export type ScreeningInput = Wire<typeof screeningBody>

export function useHistory(clinicId: string, patientId: string) {
  return usePatientRead<History>(clinicId, patientId, 'history')
}

export function useAddTrial(clinicId: string, patientId: string) {
  return usePatientWrite<TrialInput, History>(clinicId, patientId, (body) => ({ path: '/trials', body }))
}

export function useSaveScreening(clinicId: string, patientId: string) {
  return usePatientWrite<ScreeningInput, History>(clinicId, patientId, (body) => ({
    path: '/screening',
    method: 'PUT',
    body,
  }))
}
