import { useMutation, useQuery } from '@tanstack/react-query'
import { apiFetch, markSignedIn, rememberCsrfToken } from './client'

export type AuthState = 'signed-in' | 'mfa-required' | 'mfa-enrolment-required'

export interface Membership {
  clinicId: string
  clinicName: string
  organizationName: string
  role: string
  permissions: string[]
}

export interface Me {
  state: AuthState
  csrfToken: string
  user: { id: string; email: string; displayName: string; mfaEnrolled: boolean }
  memberships: Membership[]
  idleTimeoutMin: number
  sessionExpiresAt: string
}

interface AuthStep {
  state: AuthState
  csrfToken: string
}

export interface MfaEnrolment {
  secret: string
  otpauthUrl: string
  qrDataUrl: string
}

export const meQueryKey = ['auth', 'me'] as const

export async function fetchMe(): Promise<Me> {
  const me = await apiFetch<Me>('/auth/me')
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
    mutationFn: async (credentials: { email: string; password: string }) =>
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
