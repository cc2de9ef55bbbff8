import type { Bundle, BundleLink, Resource } from '@medplum/fhirtypes'
import type { SearchResult } from './service'

type Query = Record<string, string | string[] | undefined>

/** A query as URL parameters, repeated parameters kept, `_cursor` replaced by `cursor`. */
function queryString(query: Query, cursor?: string): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (key === '_cursor' || value === undefined) continue
    for (const v of [value].flat()) params.append(key, v)
  }
  if (cursor !== undefined) params.set('_cursor', cursor)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * A search's searchset Bundle: `self` is the page asked for, `next` resumes after its last match
 * (keyset: no offset, so a page costs the same however deep it is). No `total`: counting a whole
 * clinic's matches on every page is what keyset paging avoids.
 */
export function searchBundle(baseUrl: string, type: string, query: Query, result: SearchResult): Bundle {
  const link: BundleLink[] = [
    { relation: 'self', url: `${baseUrl}/${type}${queryString(query, query._cursor as string | undefined)}` },
  ]
  const last = result.matches.at(-1)
  if (result.hasMore && last)
    link.push({ relation: 'next', url: `${baseUrl}/${type}${queryString(query, last.id!)}` })
  const entry = (resource: Resource, mode: 'match' | 'include') => ({
    fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`,
    resource,
    search: { mode },
  })
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    link,
    entry: [
      ...result.matches.map((r) => entry(r, 'match')),
      ...result.included.map((r) => entry(r, 'include')),
    ],
  }
}
