import type { Patient } from '@medplum/fhirtypes'
import { sql } from 'kysely'
import { mrnSystem } from '../code-systems'
import { toPatient } from '../resources/patient'
import type { SearchRequest } from '../search-params'
import { commonConditions, textIn, uuidIn } from '../sql-filters'
import { clinicPage, type ResourceSource, readRow, type SourceScope } from './source'

/** Patients of the clinic (the `patient` table). */
export const patientSource: ResourceSource = {
  type: 'Patient',
  permission: 'patients:read',
  params: ['_id', '_lastUpdated', 'identifier'],
  includes: [],
  paramDocs: {
    identifier: 'The clinic’s MRN: `<mrn>` or `https://ketacare.org/fhir/sid/mrn/<clinic id>|<mrn>`.',
  },
  read: readRow('patient', toPatient),
  search: async (scope, request) => (await loadPatients(scope, request)).map(toPatient),
}

async function loadPatients(scope: SourceScope, request: SearchRequest) {
  const conditions = commonConditions(request, {
    id: sql.ref('patient.id'),
    lastUpdated: sql.ref('patient.updated_at'),
  })
  if (request.identifiers) {
    const system = mrnSystem(scope.clinicId)
    const mrns = request.identifiers
      .filter((t) => t.system === undefined || t.system === system)
      .map((t) => t.code)
    conditions.push(textIn(sql.ref('patient.mrn'), mrns))
  }
  return clinicPage(scope, 'patient', conditions, request.count)
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
