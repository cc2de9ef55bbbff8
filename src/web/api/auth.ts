import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type * as contract from '../../contract/auth'
import type { Wire } from '../../contract/common'
import { ApiError, apiFetch, markSignedIn, rememberCsrfToken, reportSessionEnd } from './client'

export type AuthState = (typeof contract.signInStates)[number]
export type Membership = Wire<typeof contract.membershipSchema>
export type Me = Wire<typeof contract.meSchema>
type AuthStep = Wire<typeof contract.issuedSchema>
export type MfaEnrolment = Wire<typeof contract.mfaEnrolmentSchema>

export const meQueryKey = ['auth', 'me'] as const

/**
 * Who am I. The probe answers 200 `signed-out` when nobody is signed in, so the sign-in page
 * loads without a failed request in the console; the rest of the app still sees a 401 error.
 */
export async function fetchMe(): Promise<Me> {
  const me = await apiFetch<Wire<typeof contract.sessionProbeSchema>>('/auth/session')
  if (me.state === 'signed-out') {
    reportSessionEnd(me.reason)
    throw new ApiError(401, { code: me.reason, detail: 'Please sign in.' }, null)
  }
  rememberCsrfToken(me.csrfToken)
  if (me.state === 'signed-in') markSignedIn()
  return me
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, retry: false, staleTime: 60_000 })
}

function acceptStep(step: AuthStep): AuthStep {
  rememberCsrfToken(step.csrfToken)
  if (step.state === 'signed-in') markSignedIn()
  return step
}

export function useLogin() {
  return useMutation({
    mutationFn: async (credentials: z.input<typeof contract.loginBody>) =>
      acceptStep(await apiFetch<AuthStep>('/auth/login', { method: 'POST', body: credentials })),
  })
}

export function useVerifyMfa() {
  return useMutation({
    mutationFn: async (code: string) =>
      acceptStep(await apiFetch<AuthStep>('/auth/mfa/verify', { method: 'POST', body: { code } })),
  })
}

export function useStartMfaEnrolment() {
  return useMutation({
    mutationFn: () => apiFetch<MfaEnrolment>('/auth/mfa/enrol', { method: 'POST', body: {} }),
  })
}

export function useConfirmMfaEnrolment() {
  return useMutation({
    mutationFn: async (code: string) =>
      acceptStep(await apiFetch<AuthStep>('/auth/mfa/enrol/confirm', { method: 'POST', body: { code } })),
  })
}

export function logout(): Promise<void> {
  return apiFetch<void>('/auth/logout', { method: 'POST', body: {} })
}

/** Locks this sign-in on the server too: until unlocked it answers 401 `session-locked`. */
export function lockSession(): Promise<void> {
  return apiFetch<void>('/auth/lock', { method: 'POST', body: {} })
}

export function useUnlock() {
  return useMutation({
    mutationFn: async (proof: { pin: string } | { password: string }) => {
      const reply = await apiFetch<Wire<typeof contract.unlockedSchema>>('/auth/unlock', {
        method: 'POST',
        body: proof,
      })
      rememberCsrfToken(reply.csrfToken)
      return reply
    },
  })
}

export function useSetUnlockPin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: z.input<typeof contract.unlockPinBody>) =>
      apiFetch<void>('/auth/unlock-pin', { method: 'PUT', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  })
}

export function useRemoveUnlockPin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiFetch<void>('/auth/unlock-pin', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  })
}
