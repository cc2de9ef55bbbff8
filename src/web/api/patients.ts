import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { enteredInErrorSchema, Wire } from '../../contract/common'
import type * as contract from '../../contract/patients'
import { apiFetch } from './client'
import type { Page, PageQuery } from './page'
import { useApiRead, useApiSearch } from './read'
import { useApiWrite } from './write'

export type Sex = Wire<typeof contract.sexSchema>
export type PatientStage = Wire<typeof contract.patientStageSchema>

/** A correction mark: the row stays, struck through, with who and why (design.md §1). */
export type EnteredInError = NonNullable<Wire<typeof enteredInErrorSchema>>

/**
 * The demographics a form sends, every field present: the edit body's fields (an empty optional
 * field is null; the server requires the address parts at registration).
 */
export type PatientFields = Required<
  Omit<Wire<typeof contract.updatePatientBody>, 'version' | 'confirmNotDuplicate'>
>

export type Patient = Wire<typeof contract.patientSchema>

/** Stage and open alerts are null for roles that may not read the chart (front desk). */
export type PatientListItem = Wire<typeof contract.patientWithStageSchema>

/** One entry of the 409 a likely duplicate (same name and date of birth) answers with. */
export interface DuplicateCandidate {
  id: string
  mrn: string
  name: string
  dateOfBirth: string
}

export type Measurement = Wire<typeof contract.measurementSchema>

export type PatientListParams = PageQuery & { dateOfBirth: string }

export const clinicApiPath = (clinicId: string) => `/clinics/${encodeURIComponent(clinicId)}`
export const patientApiPath = (clinicId: string, patientId: string) =>
  `${clinicApiPath(clinicId)}/patients/${encodeURIComponent(patientId)}`
/** Every query about one patient starts with this key, so one invalidation refreshes the chart. */
export const patientKey = (clinicId: string, patientId: string) =>
  ['clinics', clinicId, 'patients', patientId] as const

export function usePatients(clinicId: string, params: PatientListParams) {
  return useApiSearch<Page<PatientListItem>>(
    ['clinics', clinicId, 'patients', 'list'],
    `${clinicApiPath(clinicId)}/patients`,
    { ...params },
  )
}

export function useRegisterPatient(clinicId: string) {
  return useApiWrite<PatientFields & { confirmNotDuplicate?: boolean }, Patient>(
    (body) => ({ path: `${clinicApiPath(clinicId)}/patients`, body }),
    ['clinics', clinicId, 'patients'],
  )
}

export function usePatient(clinicId: string, patientId: string) {
  return useApiRead<Patient>(
    [...patientKey(clinicId, patientId), 'demographics'],
    patientApiPath(clinicId, patientId),
  )
}

export function useUpdatePatient(clinicId: string, patientId: string) {
  return useApiWrite<Partial<PatientFields> & { version: number }, Patient>(
    (body) => ({ path: patientApiPath(clinicId, patientId), method: 'PATCH', body }),
    ['clinics', clinicId, 'patients'],
  )
}

export function useMeasurements(clinicId: string, patientId: string, isEnabled = true) {
  return usePatientRead<Measurement[]>(clinicId, patientId, 'measurements', isEnabled)
}

/** Invalidates everything cached about one patient (chart, history, scores, plans …) and the list. */
export function useInvalidatePatient(clinicId: string, patientId: string) {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: patientKey(clinicId, patientId) }),
      queryClient.invalidateQueries({ queryKey: ['clinics', clinicId, 'patients', 'list'] }),
    ])
}

/** A POST to a path under the patient that changes the chart; everything about the patient reloads. */
/**
 * One part of a patient's record: GET `…/patients/:id/<part>`, cached under the patient's key and
 * the part's segments, so every patient write (`usePatientWrite`) refreshes it.
 */
export function usePatientRead<T>(clinicId: string, patientId: string, part: string, isEnabled = true) {
  return useApiRead<T>(
    [...patientKey(clinicId, patientId), ...part.split('/')],
    `${patientApiPath(clinicId, patientId)}/${part}`,
    isEnabled,
  )
}

export function usePatientWrite<TInput, TResult = unknown>(
  clinicId: string,
  patientId: string,
  toRequest: (input: TInput) => { path: string; method?: 'POST' | 'PUT'; body: unknown },
) {
  const invalidate = useInvalidatePatient(clinicId, patientId)
  return useMutation({
    mutationFn: (input: TInput) => {
      const { path, method = 'POST', body } = toRequest(input)
      return apiFetch<TResult>(`${patientApiPath(clinicId, patientId)}${path}`, { method, body })
    },
    onSuccess: invalidate,
  })
}

export function useAddMeasurement(clinicId: string, patientId: string) {
  return usePatientWrite<Wire<typeof contract.measurementBody>, Measurement>(clinicId, patientId, (body) => ({
    path: '/measurements',
    body,
  }))
}

/** Marks one entry entered in error; `collection` is the path segment (measurements, trials …). */
export function useMarkInError(clinicId: string, patientId: string) {
  return usePatientWrite<{ collection: string; entryId: string; reason: string }>(
    clinicId,
    patientId,
    ({ collection, entryId, reason }) => ({
      path: `/${collection}/${encodeURIComponent(entryId)}/entered-in-error`,
      body: { reason },
    }),
  )
}
