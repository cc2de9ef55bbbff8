import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from './client'
import type { Page } from './page'

export type Sex = 'female' | 'male' | 'other' | 'unknown'
export type PatientStage =
  | 'intake'
  | 'awaiting-decision'
  | 'declined'
  | 'deferred'
  | 'eligible'
  | 'ready-for-treatment'

/** A correction mark: the row stays, struck through, with who and why (design.md §1). */
export interface EnteredInError {
  at: string
  by: string | null
  reason: string
}

export interface PatientFields {
  mrn: string
  givenName: string
  familyName: string
  dateOfBirth: string
  sex: Sex
  phone: string | null
  email: string | null
  /** Postal address in parts, required at registration (the DEA administration log names it). */
  addressStreet: string | null
  addressCity: string | null
  /** USPS two-letter code. */
  addressState: string | null
  /** ZIP or ZIP+4. */
  addressPostalCode: string | null
  escortName: string | null
  escortPhone: string | null
  emergencyContactName: string | null
  emergencyContactPhone: string | null
  emergencyContactRelation: string | null
}

export interface Patient extends PatientFields {
  id: string
  /** The address on one line, as the ledger reports print it (free text for older records). */
  address: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export interface PatientListItem extends Patient {
  /** Stage and open alerts are null for roles that may not read the chart (front desk). */
  stage: PatientStage | null
  openAlerts: number | null
  /** Whether a treatment session can be booked: what the front desk needs. */
  isReadyForTreatment: boolean
}

/** One entry of the 409 a likely duplicate (same name and date of birth) answers with. */
export interface DuplicateCandidate {
  id: string
  mrn: string
  name: string
  dateOfBirth: string
}

export interface Measurement {
  id: string
  measuredAt: string
  weightKg: number
  heightCm: number | null
  recordedBy: string | null
  enteredInError: EnteredInError | null
}

export interface PatientListParams {
  page: number
  pageSize: number
  q: string
  dateOfBirth: string
}

export const clinicApiPath = (clinicId: string) => `/clinics/${encodeURIComponent(clinicId)}`
export const patientApiPath = (clinicId: string, patientId: string) =>
  `${clinicApiPath(clinicId)}/patients/${encodeURIComponent(patientId)}`
/** Every query about one patient starts with this key, so one invalidation refreshes the chart. */
export const patientKey = (clinicId: string, patientId: string) =>
  ['clinics', clinicId, 'patients', patientId] as const

export function usePatients(clinicId: string, params: PatientListParams) {
  return useQuery({
    queryKey: ['clinics', clinicId, 'patients', 'list', params],
    queryFn: ({ signal }) =>
      apiFetch<Page<PatientListItem>>(`${clinicApiPath(clinicId)}/patients`, {
        query: { ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
  })
}

export function useRegisterPatient(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: PatientFields & { confirmNotDuplicate?: boolean }) =>
      apiFetch<Patient>(`${clinicApiPath(clinicId)}/patients`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clinics', clinicId, 'patients'] }),
  })
}

export function usePatient(clinicId: string, patientId: string) {
  return useQuery({
    queryKey: [...patientKey(clinicId, patientId), 'demographics'],
    queryFn: ({ signal }) => apiFetch<Patient>(patientApiPath(clinicId, patientId), { signal }),
  })
}

export function useUpdatePatient(clinicId: string, patientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: Partial<PatientFields> & { version: number }) =>
      apiFetch<Patient>(patientApiPath(clinicId, patientId), { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clinics', clinicId, 'patients'] }),
  })
}

export function useMeasurements(clinicId: string, patientId: string, isEnabled = true) {
  return useQuery({
    queryKey: [...patientKey(clinicId, patientId), 'measurements'],
    queryFn: ({ signal }) =>
      apiFetch<Measurement[]>(`${patientApiPath(clinicId, patientId)}/measurements`, { signal }),
    enabled: isEnabled,
  })
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
  return usePatientWrite<{ weightKg: number; heightCm: number | null }, Measurement>(
    clinicId,
    patientId,
    (body) => ({ path: '/measurements', body }),
  )
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
