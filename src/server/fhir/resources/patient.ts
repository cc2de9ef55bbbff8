import type { Address, ContactPoint, Patient, PatientContact } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { PatientTable } from '../../../db'
import { identifierType, mrnSystem } from '../code-systems'
import { ref, versionedMeta } from './meta'

export type PatientRow = Selectable<PatientTable>

/** A stored patient as a US Core-shaped Patient: MRN identifier, official name, gender, birth date. */
export function toPatient(row: PatientRow): Patient {
  const telecom: ContactPoint[] = []
  if (row.phone) telecom.push({ system: 'phone', value: row.phone, use: 'home' })
  if (row.email) telecom.push({ system: 'email', value: row.email })
  const address = addressOf(row)
  const contact = contactOf(row)
  return {
    resourceType: 'Patient',
    id: row.id,
    meta: versionedMeta(row.version, row.updated_at),
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: identifierType, code: 'MR', display: 'Medical record number' }] },
        system: mrnSystem(row.clinic_id),
        value: row.mrn,
      },
    ],
    active: true,
    name: [{ use: 'official', family: row.family_name, given: [row.given_name] }],
    gender: row.sex,
    birthDate: row.date_of_birth,
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(address ? { address: [address] } : {}),
    ...(contact ? { contact: [contact] } : {}),
    managingOrganization: ref('Organization', row.clinic_id),
  }
}

function addressOf(row: PatientRow): Address | undefined {
  if (row.address_street && row.address_city && row.address_state && row.address_postal_code)
    return {
      use: 'home',
      line: [row.address_street],
      city: row.address_city,
      state: row.address_state,
      postalCode: row.address_postal_code,
      country: 'US',
    }
  // Patients registered before the address had parts (migration 021) keep one free-text line.
  return row.address ? { use: 'home', text: row.address } : undefined
}

function contactOf(row: PatientRow): PatientContact | undefined {
  if (!row.emergency_contact_name) return undefined
  return {
    relationship: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v2-0131',
            code: 'C',
            display: 'Emergency Contact',
          },
        ],
        ...(row.emergency_contact_relation ? { text: row.emergency_contact_relation } : {}),
      },
    ],
    name: { text: row.emergency_contact_name },
    ...(row.emergency_contact_phone
      ? { telecom: [{ system: 'phone', value: row.emergency_contact_phone }] }
      : {}),
  }
}
