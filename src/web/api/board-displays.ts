import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { createdDisplaySchema, displayBoardSchema, displaySchema } from '../../contract/board-display'
import type { Wire } from '../../contract/common'
import { apiFetch } from './client'

// Read-only Today board displays (issue 14): the administrator's list, and the display's own feed,
// which uses its device token rather than a staff sign-in.

export type BoardDisplay = Wire<typeof displaySchema>
/** Its token is shown once: only its hash is kept. */
export type CreatedBoardDisplay = Wire<typeof createdDisplaySchema>
export type DisplayBoard = Wire<typeof displayBoardSchema>

const path = (clinicId: string) => `/clinics/${encodeURIComponent(clinicId)}/board-displays`
const key = (clinicId: string) => ['clinics', clinicId, 'board-displays'] as const

export function useBoardDisplays(clinicId: string) {
  return useQuery({ queryKey: key(clinicId), queryFn: () => apiFetch<BoardDisplay[]>(path(clinicId)) })
}

export function useCreateBoardDisplay(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (name: string) =>
      apiFetch<CreatedBoardDisplay>(path(clinicId), { method: 'POST', body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(clinicId) }),
  })
}

export function useRevokeBoardDisplay(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<void>(`${path(clinicId)}/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(clinicId) }),
  })
}

/** The address a display opens; the token rides in the fragment, which never reaches a server log. */
export function displayUrl(token: string): string {
  return `${window.location.origin}/display/board#token=${token}`
}

export class DisplayRefused extends Error {}

/** The display's feed. Plain fetch: a display has no staff sign-in to lose or lock. */
export async function fetchDisplayBoard(token: string): Promise<DisplayBoard> {
  const response = await fetch('/api/v1/board-display', {
    headers: { accept: 'application/json', authorization: `Bearer ${token}` },
    credentials: 'omit',
  })
  if (response.status === 403) throw new DisplayRefused()
  if (!response.ok) throw new Error(`The server answered ${response.status}.`)
  return (await response.json()) as DisplayBoard
}
