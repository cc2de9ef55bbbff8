import { type QueryKey, useQuery } from '@tanstack/react-query'
import { apiFetch } from './client'

/** A GET of `path` cached under `queryKey`; leaving the screen cancels it. */
export function useApiRead<T>(queryKey: QueryKey, path: string, isEnabled = true) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => apiFetch<T>(path, { signal }),
    enabled: isEnabled,
  })
}
