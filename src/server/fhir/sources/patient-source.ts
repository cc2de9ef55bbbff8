import type { Patient } from '@medplum/fhirtypes'
import { sql } from 'kysely'
import { mrnSystem } from '../code-systems'
import { toPatient } from '../resources/patient'
import type { SearchRequest } from '../search-params'
import { commonConditions, keysetPage, textIn, uuidIn } from '../sql-filters'
import { clinicRow, type ResourceSource, type SourceScope } from './source'

/** Patients of the clinic (the `patient` table). */
export const patientSource: ResourceSource = {
  type: 'Patient',
  permission: 'patients:read',
  params: ['_id', '_lastUpdated', 'identifier'],
  includes: [],
  paramDocs: {
    identifier: 'The clinic’s MRN: `<mrn>` or `https://ketacare.org/fhir/sid/mrn/<clinic id>|<mrn>`.',
  },
  read: async (scope, id) => {
    const row = await clinicRow(scope, 'patient', id)
    return row && toPatient(row)
  },
  search: async (scope, request) => (await loadPatients(scope, request)).map(toPatient),
}

async function loadPatients({ tx, clinicId }: SourceScope, request: SearchRequest) {
  const conditions = commonConditions(request, {
    id: sql.ref('patient.id'),
    lastUpdated: sql.ref('patient.updated_at'),
  })
  if (request.identifiers) {
    const system = mrnSystem(clinicId)
    const mrns = request.identifiers
      .filter((t) => t.system === undefined || t.system === system)
      .map((t) => t.code)
    conditions.push(textIn(sql.ref('patient.mrn'), mrns))
  }
  const query = tx.selectFrom('patient').selectAll().where('clinic_id', '=', clinicId)
  return keysetPage(query, conditions, request.count + 1)
}

/** The clinic's patients with these ids (`_include` of the resources about them). */
export async function patientsByIds(
  { tx, clinicId }: SourceScope,
  ids: readonly string[],
): Promise<Patient[]> {
  const rows = await tx
    .selectFrom('patient')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where(uuidIn(sql.ref('id'), ids))
    .orderBy('id')
    .execute()
  return rows.map(toPatient)
}
