import { keepPreviousData, type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch, type RequestOptions } from './client'

/** A GET of `path` cached under `queryKey`; leaving the screen cancels it. */
export function useApiRead<T>(queryKey: QueryKey, path: string, isEnabled = true) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => apiFetch<T>(path, { signal }),
    enabled: isEnabled,
  })
}

/**
 * A GET of `path` with a page or a filter as its query, cached under `queryKey` and the query; the
 * last answer stays on screen while the next page or filter loads.
 */
export function useApiSearch<T>(
  queryKey: QueryKey,
  path: string,
  query: RequestOptions['query'],
  options: Pick<
    UseQueryOptions<T>,
    'enabled' | 'staleTime' | 'refetchInterval' | 'refetchOnWindowFocus'
  > = {},
) {
  return useQuery({
    queryKey: [...queryKey, query],
    queryFn: ({ signal }) => apiFetch<T>(path, { query, signal }),
    placeholderData: keepPreviousData,
    ...options,
  })
}
