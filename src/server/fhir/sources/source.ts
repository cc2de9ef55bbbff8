import type { Resource, ResourceType } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { Database } from '../../../db'
import type { Permission } from '../../../domain/access/permissions'
import type { Tx } from '../../context'
import type { SearchParamName, SearchRequest } from '../search-params'
import { allOf, type Condition, isUuid, keysetPage } from '../sql-filters'

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
  /**
   * Where a parameter's R4 definition is not the shared one (`clinical-patient` …): the
   * SearchParameter's name (`AdverseEvent-date`), or null where R4 defines none for the type.
   */
  paramDefinitions?: Partial<Record<SearchParamName, string | null>>
  read: (scope: SourceScope, id: string) => Promise<Resource | undefined>
  search: (scope: SourceScope, request: SearchRequest) => Promise<Resource[]>
}

/** A source of reference data every member may read (clinic:read), searched by `_id` alone. */
export function referenceSource(
  type: ResourceType,
  read: ResourceSource['read'],
  search: ResourceSource['search'],
): ResourceSource {
  return { type, permission: 'clinic:read', params: ['_id'], includes: [], read, search }
}

/** The clinic's tables a resource is read from by its row id. */
type RowTable =
  | 'patient'
  | 'instrument_response'
  | 'vital_sign'
  | 'body_measurement'
  | 'treatment_plan'
  | 'side_effect'
  | 'treatment_session'
  | 'consent'
  | 'eligibility_decision'
  | 'cs_lot'

/** One row of the clinic by id; an id that is not a UUID is no row (a 404, not a database error). */
export async function clinicRow<T extends RowTable>(
  { tx, clinicId }: SourceScope,
  table: T,
  id: string,
): Promise<Selectable<Database[T]> | undefined> {
  if (!isUuid(id)) return undefined
  const row = await tx
    .selectFrom(table as RowTable)
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row as Selectable<Database[T]> | undefined
}

/** A read by row id: the clinic's row of `table` (none for an id that is not a UUID) as `toResource` makes it. */
export function readRow<T extends RowTable>(
  table: T,
  toResource: (row: Selectable<Database[T]>) => Resource,
) {
  return async (scope: SourceScope, id: string): Promise<Resource | undefined> => {
    const row = await clinicRow(scope, table, id)
    return row && toResource(row)
  }
}

/** A search's rows of the clinic: those matching `where`, in id order, at most `limit`. */
export async function clinicRows<T extends RowTable>(
  { tx, clinicId }: SourceScope,
  table: T,
  where: Condition,
  limit: number,
): Promise<Selectable<Database[T]>[]> {
  const query = tx
    .selectFrom(table as RowTable)
    .selectAll()
    .where('clinic_id', '=', clinicId)
  return (await keysetPage(query, [where], limit)) as Selectable<Database[T]>[]
}

/** A page of the clinic's rows of a table matching the conditions: `count + 1` in id order. */
export function clinicPage<T extends RowTable>(
  scope: SourceScope,
  table: T,
  conditions: readonly Condition[],
  count: number,
): Promise<Selectable<Database[T]>[]> {
  return clinicRows(scope, table, allOf(conditions), count + 1)
}
