import type { ExtractResource, Meta, Reference, ResourceType } from '@medplum/fhirtypes'

// meta.versionId/lastUpdated come from the record: a mutable row's `version` and `updated_at`;
// an append-only row is version 1 until it is marked entered in error (version 2, at the marking).

export function versionedMeta(version: number, lastUpdated: Date): Meta {
  return { versionId: String(version), lastUpdated: lastUpdated.toISOString() }
}

export function appendOnlyMeta(row: { created_at: Date; entered_in_error_at: Date | null }): Meta {
  return row.entered_in_error_at
    ? versionedMeta(2, row.entered_in_error_at)
    : versionedMeta(1, row.created_at)
}

/** A literal reference `<type>/<id>`, typed as a reference to that type. */
export function ref<T extends ResourceType>(
  type: T,
  id: string,
  display?: string,
): Reference<ExtractResource<T>> {
  return display ? { reference: `${type}/${id}`, display } : { reference: `${type}/${id}` }
}
