import type { Consent } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { ConsentTable } from '../../../db'
import { actCode, actReason, consentScope, loinc } from '../code-systems'
import { ref, versionedMeta } from './meta'

/** A signed consent with the title and version of the text the patient signed. */
export type ConsentRow = Selectable<ConsentTable> & { text_title: string; text_version: number }

/** Where the signed consent's PDF is served (the consent feature's route; staff sign-in). */
export const consentPdfPath = (row: Pick<ConsentRow, 'clinic_id' | 'patient_id' | 'id'>) =>
  `/api/v1/clinics/${row.clinic_id}/patients/${row.patient_id}/consents/${row.id}/pdf`

/**
 * A signed treatment consent: active until withdrawn (then inactive, version 2 at the withdrawal),
 * the PDF as its source attachment, research use as a nested permit or deny provision.
 */
export function toConsent(row: ConsentRow): Consent {
  const withdrawn = row.withdrawn_at
  return {
    resourceType: 'Consent',
    id: row.id,
    meta: withdrawn ? versionedMeta(2, withdrawn) : versionedMeta(1, row.signed_at),
    status: withdrawn ? 'inactive' : 'active',
    scope: { coding: [{ system: consentScope, code: 'treatment', display: 'Treatment' }] },
    category: [{ coding: [{ system: loinc, code: '59284-0', display: 'Consent Document' }] }],
    patient: ref('Patient', row.patient_id),
    dateTime: row.signed_at.toISOString(),
    performer: [ref('Patient', row.patient_id, row.signer_name)],
    organization: [ref('Organization', row.clinic_id)],
    sourceAttachment: {
      contentType: 'application/pdf',
      url: consentPdfPath(row),
      title: `${row.text_title} (version ${row.text_version})`,
      creation: row.signed_at.toISOString(),
    },
    policyRule: {
      coding: [{ system: actCode, code: 'OPTIN', display: 'opt-in' }],
      text: `${row.text_title}, version ${row.text_version}`,
    },
    provision: {
      type: 'permit',
      period: {
        start: row.signed_at.toISOString(),
        ...(withdrawn ? { end: withdrawn.toISOString() } : {}),
      },
      provision: [
        {
          type: row.research_use ? 'permit' : 'deny',
          purpose: [{ system: actReason, code: 'HRESCH', display: 'healthcare research' }],
        },
      ],
    },
  }
}
