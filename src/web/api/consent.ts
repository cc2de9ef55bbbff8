import { useQuery } from '@tanstack/react-query'
import type { Wire } from '../../contract/common'
import type { consentSchema, consentTextSchema, signConsentBody } from '../../contract/consent'
import { apiFetch } from './client'
import { clinicApiPath, patientApiPath, usePatientRead, usePatientWrite } from './patients'

export type ConsentText = Wire<typeof consentTextSchema>
export type Consent = Wire<typeof consentSchema>
/** The signature: a PNG data URL from the signature pad, or the typed name. */
export type ConsentInput = Wire<typeof signConsentBody>

export function useCurrentConsentText(clinicId: string) {
  return useQuery({
    queryKey: ['clinics', clinicId, 'consent-texts', 'current'],
    queryFn: ({ signal }) =>
      apiFetch<ConsentText>(`${clinicApiPath(clinicId)}/consent-texts/current`, { signal }),
  })
}

export function useConsents(clinicId: string, patientId: string) {
  return usePatientRead<Consent[]>(clinicId, patientId, 'consents')
}

export function useSignConsent(clinicId: string, patientId: string) {
  return usePatientWrite<ConsentInput, Consent>(clinicId, patientId, (body) => ({ path: '/consents', body }))
}

export function useWithdrawConsent(clinicId: string, patientId: string) {
  return usePatientWrite<{ consentId: string; reason: string }, Consent>(
    clinicId,
    patientId,
    ({ consentId, reason }) => ({
      path: `/consents/${encodeURIComponent(consentId)}/withdraw`,
      body: { reason },
    }),
  )
}

/** The printable PDF is a plain GET the browser opens in a new tab (the session cookie goes along). */
export function consentPdfUrl(clinicId: string, patientId: string, consentId: string): string {
  return `/api/v1${patientApiPath(clinicId, patientId)}/consents/${encodeURIComponent(consentId)}/pdf`
}
