import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { mfaEnrolmentSchema } from '../../contract/auth'
import type { Wire } from '../../contract/common'
import type * as contract from '../../contract/portal'
import { apiFetch, forgetSession, rememberCsrfToken } from './client'
import { useApiRead } from './read'

// The patient portal API (issue 7 item 3). The portal has its own session cookie (`kc_portal`);
// every write echoes the CSRF token of the latest accept/login/magic/me reply, as staff writes do.

export type PortalScope = (typeof contract.portalScopes)[number]
export type SurveyReason = (typeof contract.surveyReasons)[number]
export type SurveyAnswers = Wire<typeof contract.surveyAnswers>
export type PortalMe = Wire<typeof contract.portalMeSchema>
/** After the password: 'mfa-required' when the account has two-step sign-in on. */
export type PortalMfaStatus = Wire<typeof contract.portalMfaStatusSchema>
export type PortalMfaEnrolment = Wire<typeof mfaEnrolmentSchema>
export type PortalInvite = Wire<typeof contract.inviteSchema>
export type PortalSurvey = Wire<typeof contract.portalSurveySchema>
export type SurveyResult = Wire<typeof contract.surveyResultSchema>
export type ProgressSeries = Wire<typeof contract.progressSeriesSchema>
export type PortalProgress = Wire<typeof contract.portalProgressSchema>
export type PortalAppointment = Wire<typeof contract.portalAppointmentSchema>
export type PortalDocument = Wire<typeof contract.portalDocumentSchema>
/** Staff side: the patient's portal account as the chart shows it. */
export type PortalStatus = Wire<typeof contract.portalStatusSchema>
export type PortalInviteCreated = Wire<typeof contract.inviteCreatedSchema>

const portalKey = ['portal'] as const
export const portalMeKey = [...portalKey, 'me'] as const

export function usePortalMe() {
  return useQuery({
    queryKey: portalMeKey,
    queryFn: async ({ signal }) => {
      const me = await apiFetch<PortalMe>('/portal/me', { signal })
      rememberCsrfToken(me.csrfToken)
      return me
    },
    retry: false,
    staleTime: 60_000,
  })
}

/**
 * After a sign-in or sign-out: drop whatever an earlier session left in the cache. A reset (not a
 * removal) keeps mounted observers, such as the layout's `me`, attached and refetches them.
 */
function useResetPortalCache() {
  const queryClient = useQueryClient()
  return () => queryClient.resetQueries({ queryKey: portalKey })
}

/**
 * A POST that starts a portal session (accepting an invite, signing in, the second step, a magic
 * link): later writes echo the reply's CSRF token, and an earlier session's cache is dropped.
 */
function useSessionStart<I, T extends { csrfToken: string }>(
  toRequest: (input: I) => { path: string; body: unknown },
) {
  const onStarted = useResetPortalCache()
  return useMutation({
    mutationFn: async (input: I) => {
      const { path, body } = toRequest(input)
      const started = await apiFetch<T>(path, { method: 'POST', body })
      rememberCsrfToken(started.csrfToken)
      return started
    },
    onSuccess: onStarted,
  })
}

export function useInvite(token: string) {
  return useQuery({
    queryKey: [...portalKey, 'invite', token],
    queryFn: ({ signal }) =>
      apiFetch<PortalInvite>(`/portal/invites/${encodeURIComponent(token)}`, { signal }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useAcceptInvite(token: string) {
  return useSessionStart<string, Wire<typeof contract.sessionStartedSchema>>((password) => ({
    path: `/portal/invites/${encodeURIComponent(token)}/accept`,
    body: { password },
  }))
}

export function usePortalLogin() {
  return useSessionStart<z.input<typeof contract.portalLoginBody>, Wire<typeof contract.portalSignInSchema>>(
    (credentials) => ({
      path: '/portal/login',
      body: credentials,
    }),
  )
}

/** The second sign-in step: a code turns the waiting session into a full one (a new cookie). */
export function useVerifyPortalMfa() {
  return useSessionStart<string, Wire<typeof contract.mfaVerifiedSchema>>((code) => ({
    path: '/portal/mfa/verify',
    body: { code },
  }))
}

const mfaKey = [...portalKey, 'mfa'] as const

export function usePortalMfaStatus() {
  return useApiRead<PortalMfaStatus>(mfaKey, '/portal/mfa')
}

export function useStartPortalMfa() {
  return useMutation({
    mutationFn: () => apiFetch<PortalMfaEnrolment>('/portal/mfa/enrol', { method: 'POST', body: {} }),
  })
}

function useSetMfaStatus() {
  const queryClient = useQueryClient()
  return (status: PortalMfaStatus) => queryClient.setQueryData(mfaKey, status)
}

export function useConfirmPortalMfa() {
  const setStatus = useSetMfaStatus()
  return useMutation({
    mutationFn: (code: string) =>
      apiFetch<PortalMfaStatus>('/portal/mfa/enrol/confirm', { method: 'POST', body: { code } }),
    onSuccess: setStatus,
  })
}

export function useDisablePortalMfa() {
  const setStatus = useSetMfaStatus()
  return useMutation({
    mutationFn: (proof: { password: string } | { code: string }) =>
      apiFetch<PortalMfaStatus>('/portal/mfa/disable', { method: 'POST', body: proof }),
    onSuccess: setStatus,
  })
}

export function useOpenMagicLink() {
  return useSessionStart<string, Wire<typeof contract.magicLinkSchema>>((token) => ({
    path: `/portal/magic/${encodeURIComponent(token)}`,
    body: {},
  }))
}

export function usePortalLogout() {
  const resetCache = useResetPortalCache()
  return useMutation({
    mutationFn: () => apiFetch<void>('/portal/logout', { method: 'POST', body: {} }),
    onSettled: () => {
      forgetSession()
      void resetCache()
    },
  })
}

export function usePortalSurveys(enabled = true) {
  return useApiRead<PortalSurvey[]>([...portalKey, 'surveys'], '/portal/surveys', enabled)
}

/** Saves partial answers; nothing is scored until the survey is submitted. */
export function saveSurveyAnswers(surveyId: string, answers: SurveyAnswers): Promise<PortalSurvey> {
  return apiFetch<PortalSurvey>(`/portal/surveys/${encodeURIComponent(surveyId)}`, {
    method: 'PUT',
    body: { answers },
  })
}

export function useSubmitSurvey(surveyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (answers: SurveyAnswers) =>
      apiFetch<SurveyResult>(`/portal/surveys/${encodeURIComponent(surveyId)}/submit`, {
        method: 'POST',
        body: { answers },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...portalKey, 'surveys'] })
      void queryClient.invalidateQueries({ queryKey: [...portalKey, 'progress'] })
    },
  })
}

export function usePortalProgress() {
  return useApiRead<PortalProgress>([...portalKey, 'progress'], '/portal/progress')
}

export function usePortalAppointments(enabled = true) {
  return useApiRead<PortalAppointment[]>([...portalKey, 'appointments'], '/portal/appointments', enabled)
}

export function usePortalDocuments() {
  return useApiRead<PortalDocument[]>([...portalKey, 'documents'], '/portal/documents')
}

// Staff side (staff session): the chart's portal status and the invite.

function patientPortalPath(clinicId: string, patientId: string): string {
  return `/clinics/${clinicId}/patients/${patientId}`
}

export function usePatientPortalStatus(clinicId: string, patientId: string) {
  return useApiRead<PortalStatus>(
    ['clinics', clinicId, 'patients', patientId, 'portal'],
    `${patientPortalPath(clinicId, patientId)}/portal`,
  )
}

export function useInviteToPortal(clinicId: string, patientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      apiFetch<PortalInviteCreated>(`${patientPortalPath(clinicId, patientId)}/portal-invite`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['clinics', clinicId, 'patients', patientId, 'portal'] }),
  })
}
