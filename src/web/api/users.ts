import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Wire } from '../../contract/common'
import type { addedUserSchema, addUserBody, clinicUserSchema, updateUserBody } from '../../contract/users'
import { apiFetch } from './client'
import type { Page } from './page'
import { useApiSearch } from './read'

export type ClinicUser = Wire<typeof clinicUserSchema>
/** `temporaryPassword` is shown once to the admin; null when the e-mail already had an account elsewhere. */
export type AddedUser = Wire<typeof addedUserSchema>

export interface UserListParams {
  page: number
  pageSize: number
  q: string
}

const usersPath = (clinicId: string) => `/clinics/${encodeURIComponent(clinicId)}/users`
const usersKey = (clinicId: string) => ['clinics', clinicId, 'users'] as const

export function useClinicUsers(clinicId: string, params: UserListParams) {
  return useApiSearch<Page<ClinicUser>>(usersKey(clinicId), usersPath(clinicId), { ...params })
}

function useInvalidateUsers(clinicId: string) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: ['clinics', clinicId] })
}

export function useAddUser(clinicId: string) {
  const invalidate = useInvalidateUsers(clinicId)
  return useMutation({
    mutationFn: (input: Wire<typeof addUserBody>) =>
      apiFetch<AddedUser>(usersPath(clinicId), { method: 'POST', body: input }),
    onSuccess: invalidate,
  })
}

export type UserChange = { userId: string } & Wire<typeof updateUserBody>

export function useUpdateUser(clinicId: string) {
  const invalidate = useInvalidateUsers(clinicId)
  return useMutation({
    mutationFn: ({ userId, ...change }: UserChange) =>
      apiFetch<ClinicUser>(`${usersPath(clinicId)}/${encodeURIComponent(userId)}`, {
        method: 'PATCH',
        body: change,
      }),
    onSettled: invalidate,
  })
}

export function useResetMfa(clinicId: string) {
  const invalidate = useInvalidateUsers(clinicId)
  return useMutation({
    mutationFn: (userId: string) =>
      apiFetch<ClinicUser>(`${usersPath(clinicId)}/${encodeURIComponent(userId)}/reset-mfa`, {
        method: 'POST',
        body: {},
      }),
    onSettled: invalidate,
  })
}
