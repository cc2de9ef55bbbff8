import type { Wire } from '../../contract/common'
import type { consentSchema, consentTextSchema, signConsentBody } from '../../contract/consent'
import { clinicApiPath, patientApiPath, usePatientRead, usePatientWrite } from './patients'
import { useApiRead } from './read'

export type ConsentText = Wire<typeof consentTextSchema>
export type Consent = Wire<typeof consentSchema>
/** The signature: a PNG data URL from the signature pad, or the typed name. */
export type ConsentInput = Wire<typeof signConsentBody>

export function useCurrentConsentText(clinicId: string) {
  return useApiRead<ConsentText>(
    ['clinics', clinicId, 'consent-texts', 'current'],
    `${clinicApiPath(clinicId)}/consent-texts/current`,
  )
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
