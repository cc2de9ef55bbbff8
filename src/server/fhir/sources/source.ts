import type { Resource, ResourceType } from '@medplum/fhirtypes'
import type { Permission } from '../../../domain/access/permissions'
import type { Tx } from '../../context'
import type { SearchParamName, SearchRequest } from '../search-params'

/** What a search or read runs against: the clinic's row-level-secured transaction. */
export interface SourceScope {
  tx: Tx
  clinicId: string
  /** The clinic's IANA zone: a date without a time is a clinic day. */
  timeZone: string
}

/**
 * One FHIR resource type over KetaCare's tables: the permission reading it needs, the search
 * parameters it supports (the CapabilityStatement lists exactly these), a read by id and a search.
 * `search` returns up to `count + 1` resources in id order after the cursor, so the caller knows
 * whether there is a next page without counting.
 */
export interface ResourceSource {
  type: ResourceType
  permission: Permission
  params: readonly SearchParamName[]
  /** `_include` values it resolves (e.g. `Observation:patient`). */
  includes: readonly string[]
  /** Search parameter documentation for the CapabilityStatement. */
  paramDocs?: Partial<Record<SearchParamName, string>>
  read: (scope: SourceScope, id: string) => Promise<Resource | undefined>
  search: (scope: SourceScope, request: SearchRequest) => Promise<Resource[]>
}
