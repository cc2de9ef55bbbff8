import type { Resource } from '@medplum/fhirtypes'
import { isPermitted, readInClinic, runInClinic } from '../clinic-scope'
import { clinicTimeZone } from '../clinic-settings'
import type { AppContext } from '../context'
import { AppError } from '../errors'
import type { Principal } from '../principal'
import { sourceOf } from './registry'
import { parseSearch } from './search-params'
import { patientSource, patientsByIds } from './sources/patient-source'
import type { ResourceSource, SourceScope } from './sources/source'

// Reads and searches run like every other patient read: the permission the type needs, the clinic's
// row-level-secured transaction, and an audit event naming what was read (the ids returned).

export interface SearchResult {
  matches: Resource[]
  included: Resource[]
  hasMore: boolean
}

type Query = Record<string, string | string[] | undefined>

function requireSource(type: string): ResourceSource {
  const source = sourceOf(type)
  if (!source)
    throw new AppError('not-found', `The resource type "${type}" is not served here; see /fhir/R4/metadata.`)
  return source
}

async function sourceScope(tx: SourceScope['tx'], clinicId: string): Promise<SourceScope> {
  return { tx, clinicId, timeZone: await clinicTimeZone(tx, clinicId) }
}

/** `GET /fhir/R4/<type>/<id>`: 404 for an id that is not this clinic's. */
export async function readResource(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  type: string,
  id: string,
): Promise<Resource> {
  const source = requireSource(type)
  return readInClinic(
    ctx,
    principal,
    { clinicId, permission: source.permission, action: 'fhir.read', entity: type, entityId: id },
    async (scope) => {
      const resource = await source.read(await sourceScope(scope.tx, clinicId), id)
      if (!resource) throw new AppError('not-found', `${type}/${id} is not known here.`)
      return resource
    },
  )
}

/** `GET /fhir/R4/<type>?…`: one keyset page, `_include`d patients, audited with the ids returned. */
export async function searchResources(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  type: string,
  query: Query,
): Promise<SearchResult> {
  const source = requireSource(type)
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: source.permission, action: 'fhir.search', entity: type },
    async (scope) => {
      const sourceScopeOf = await sourceScope(scope.tx, clinicId)
      const request = parseSearch(query, source.params, source.includes, sourceScopeOf.timeZone)
      const found = await source.search(sourceScopeOf, request)
      const matches = found.slice(0, request.count)
      const patientIds = [...new Set(matches.flatMap(patientIdOf))]
      let included: Resource[] = []
      if (request.includes.length > 0 && patientIds.length > 0) {
        if (!isPermitted(scope.principal, scope.membership, patientSource.permission, 'Patient'))
          throw new AppError(
            'forbidden',
            scope.principal.client
              ? "This access token's scopes do not grant reading Patient (_include)."
              : `Your role (${scope.membership.role}) may not read Patient resources.`,
          )
        included = await patientsByIds(sourceScopeOf, patientIds)
      }
      await scope.audit({
        action: 'fhir.search',
        entity: type,
        detail: {
          query: JSON.stringify(query),
          count: matches.length,
          ids: matches.map((r) => r.id!),
          patientIds,
        },
      })
      return { matches, included, hasMore: found.length > request.count }
    },
  )
}

/** The patient a resource is about (itself for a Patient; a Consent's `patient`, else its `subject`). */
export function patientIdOf(resource: Resource): string[] {
  if (resource.resourceType === 'Patient') return [resource.id!]
  const about =
    'patient' in resource ? resource.patient : 'subject' in resource ? resource.subject : undefined
  const match = /^Patient\/(.+)$/.exec((about as { reference?: string } | undefined)?.reference ?? '')
  return match ? [match[1]!] : []
}
