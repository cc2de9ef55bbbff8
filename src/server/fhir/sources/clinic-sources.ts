import type { Resource, ResourceType } from '@medplum/fhirtypes'
import {
  toChairLocation,
  toClinicLocation,
  toClinicOrganization,
  toNetworkOrganization,
} from '../resources/organization'
import type { SearchRequest } from '../search-params'
import { referenceSource, type SourceScope } from './source'

// A clinic's reference data is a handful of resources (its network, itself, its chairs), so these
// types load them whole and page in memory; _id is their one search parameter.

async function loadClinic({ tx, clinicId }: SourceScope) {
  return tx
    .selectFrom('clinic')
    .select(['id', 'organization_id', 'name', 'phone', 'time_zone', 'version', 'created_at'])
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow()
}

/** The small set's page: `_id` applied, id order, after the cursor, one more than the count. */
function pageInMemory(resources: Resource[], request: SearchRequest): Resource[] {
  return resources
    .filter((r) => !request.ids || request.ids.includes(r.id!))
    .filter((r) => request.cursor === undefined || r.id! > request.cursor)
    .sort((a, b) => (a.id! < b.id! ? -1 : 1))
    .slice(0, request.count + 1)
}

async function organizations(scope: SourceScope): Promise<Resource[]> {
  const clinic = await loadClinic(scope)
  const network = await scope.tx
    .selectFrom('organization')
    .selectAll()
    .where('id', '=', clinic.organization_id)
    .executeTakeFirstOrThrow()
  return [toNetworkOrganization(network), toClinicOrganization(clinic)]
}

async function locations(scope: SourceScope): Promise<Resource[]> {
  const clinic = await loadClinic(scope)
  const chairs = await scope.tx
    .selectFrom('chair')
    .selectAll()
    .where('clinic_id', '=', scope.clinicId)
    .execute()
  return [toClinicLocation(clinic), ...chairs.map(toChairLocation)]
}

/** A source over a small set loaded whole by `load`. */
export function inMemorySource(type: ResourceType, load: (scope: SourceScope) => Promise<Resource[]>) {
  return referenceSource(
    type,
    async (scope, id) => (await load(scope)).find((r) => r.id === id),
    async (scope, request) => pageInMemory(await load(scope), request),
  )
}

/** The clinic and the network it belongs to. */
export const organizationSource = inMemorySource('Organization', organizations)

/** The clinic's building and its treatment chairs. */
export const locationSource = inMemorySource('Location', locations)
