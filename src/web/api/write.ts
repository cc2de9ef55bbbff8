import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from './client'

/** What one write sends: the path, the method (POST unless said) and the JSON body. */
export interface WriteRequest {
  path: string
  method?: 'POST' | 'PATCH' | 'PUT'
  body?: unknown
}

/**
 * A write whose reply is `TResult`; afterwards everything cached under `refreshes` is fetched again —
 * on success only, or also after a refusal (`isRefreshedOnError`) when the refusal may mean the screen
 * shows a stale row (someone else resolved it first).
 */
export function useApiWrite<TInput, TResult = unknown>(
  toRequest: (input: TInput) => WriteRequest,
  refreshes: QueryKey,
  options: { isRefreshedOnError?: boolean } = {},
) {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: refreshes })
  return useMutation({
    mutationFn: (input: TInput) => {
      const { path, method = 'POST', body } = toRequest(input)
      return apiFetch<TResult>(path, { method, body })
    },
    ...(options.isRefreshedOnError ? { onSettled: refresh } : { onSuccess: refresh }),
  })
}
