import type { Wire } from '../../contract/common'
import type { addedUserSchema, addUserBody, clinicUserSchema, updateUserBody } from '../../contract/users'
import type { Page, PageQuery } from './page'
import { useApiSearch } from './read'
import { useApiWrite } from './write'

export type ClinicUser = Wire<typeof clinicUserSchema>
/** `temporaryPassword` is shown once to the admin; null when the e-mail already had an account elsewhere. */
export type AddedUser = Wire<typeof addedUserSchema>

const usersPath = (clinicId: string) => `/clinics/${encodeURIComponent(clinicId)}/users`
const userPath = (clinicId: string, userId: string) => `${usersPath(clinicId)}/${encodeURIComponent(userId)}`
const usersKey = (clinicId: string) => ['clinics', clinicId, 'users'] as const

export function useClinicUsers(clinicId: string, params: PageQuery) {
  return useApiSearch<Page<ClinicUser>>(usersKey(clinicId), usersPath(clinicId), { ...params })
}

// A change to a user can change what the clinic's pages show (names, roles): the clinic's queries reload.
export function useAddUser(clinicId: string) {
  return useApiWrite<Wire<typeof addUserBody>, AddedUser>(
    (body) => ({ path: usersPath(clinicId), body }),
    ['clinics', clinicId],
  )
}

export type UserChange = { userId: string } & Wire<typeof updateUserBody>

export function useUpdateUser(clinicId: string) {
  return useApiWrite<UserChange, ClinicUser>(
    ({ userId, ...body }) => ({ path: userPath(clinicId, userId), method: 'PATCH', body }),
    ['clinics', clinicId],
    { isRefreshedOnError: true },
  )
}

export function useResetMfa(clinicId: string) {
  return useApiWrite<string, ClinicUser>(
    (userId) => ({ path: `${userPath(clinicId, userId)}/reset-mfa`, body: {} }),
    ['clinics', clinicId],
    { isRefreshedOnError: true },
  )
}
