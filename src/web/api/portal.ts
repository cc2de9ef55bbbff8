import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AnswerValue, SuicidalIdeationSettings } from '../../domain/instruments'
import { apiFetch, forgetSession, rememberCsrfToken } from './client'

// The patient portal API (issue 7 item 3). The portal has its own session cookie (`kc_portal`);
// every write echoes the CSRF token of the latest accept/login/magic/me reply, as staff writes do.

export type PortalScope = 'full' | 'survey'
export type SurveyReason = 'weekly' | 'after-session'
export type SurveyAnswers = Record<string, AnswerValue>

export interface PortalMe {
  csrfToken: string
  patient: { givenName: string; familyName: string }
  clinic: { name: string; phone: string | null }
  /** 'survey': a magic link's session, which may only answer `surveyId`. */
  scope: PortalScope
  surveyId: string | null
}

/** After the password: 'mfa-required' when the account has two-step sign-in on. */
export type PortalSignInState = 'signed-in' | 'mfa-required'

export interface PortalMfaStatus {
  isEnabled: boolean
  enabledAt: string | null
}

export interface PortalMfaEnrolment {
  secret: string
  otpauthUrl: string
  qrDataUrl: string
}

export interface PortalInvite {
  givenName: string
  clinicName: string
  email: string | null
  expiresAt: string
}

export interface PortalSurvey {
  id: string
  instrumentId: string
  instrumentName: string
  reason: SurveyReason
  dueAt: string
  status: 'due' | 'in-progress'
  answers: SurveyAnswers
  /** The clinic's suicidal-ideation thresholds (§4), in the list only; defaults apply without them. */
  suicidalIdeation?: SuicidalIdeationSettings
}

export interface SurveyResult {
  total: number
  band: { id: string; label: string } | null
  isCrisis: boolean
}

export interface ProgressSeries {
  instrumentId: string
  name: string
  maxTotal: number
  baseline: number | null
  /** The total at or below which the patient meets response (≤ 50 % of baseline). */
  responseAt: number | null
  remissionAt: number | null
  points: { at: string; total: number }[]
}

export interface PortalProgress {
  series: ProgressSeries[]
  sessions: { at: string; number: number }[]
}

export interface PortalAppointment {
  id: string
  scheduledAt: string
  clinicName: string
  route: 'iv' | 'intranasal'
  instructions: string[]
}

export interface PortalDocument {
  id: string
  kind: 'consent' | 'discharge-instructions'
  title: string
  date: string
  url: string
}

/** Staff side: the patient's portal account as the chart shows it. */
export interface PortalStatus {
  hasAccount: boolean
  invitedAt: string | null
  lastSignInAt: string | null
}

export interface PortalInviteCreated {
  /** 'shown-once': no e-mail server, and the inviter may read the chart, so the link is here once. */
  delivery: 'email' | 'shown-once'
  emailConfigured: boolean
  /** Only with 'shown-once'; otherwise the link exists only in the e-mail (issue 13). */
  inviteUrl: string | null
  expiresAt: string
}

const portalKey = ['portal'] as const
export const portalMeKey = [...portalKey, 'me'] as const

async function startSession<T extends { csrfToken: string }>(reply: Promise<T>): Promise<T> {
  const started = await reply
  rememberCsrfToken(started.csrfToken)
  return started
}

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
  const onStarted = useResetPortalCache()
  return useMutation({
    mutationFn: (password: string) =>
      startSession(
        apiFetch<{ csrfToken: string }>(`/portal/invites/${encodeURIComponent(token)}/accept`, {
          method: 'POST',
          body: { password },
        }),
      ),
    onSuccess: onStarted,
  })
}

export function usePortalLogin() {
  const onStarted = useResetPortalCache()
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      startSession(
        apiFetch<{ csrfToken: string; state: PortalSignInState }>('/portal/login', {
          method: 'POST',
          body: credentials,
        }),
      ),
    onSuccess: onStarted,
  })
}

/** The second sign-in step: a code turns the waiting session into a full one (a new cookie). */
export function useVerifyPortalMfa() {
  const onStarted = useResetPortalCache()
  return useMutation({
    mutationFn: (code: string) =>
      startSession(
        apiFetch<{ csrfToken: string; state: 'signed-in' }>('/portal/mfa/verify', {
          method: 'POST',
          body: { code },
        }),
      ),
    onSuccess: onStarted,
  })
}

const mfaKey = [...portalKey, 'mfa'] as const

export function usePortalMfaStatus() {
  return useQuery({
    queryKey: mfaKey,
    queryFn: ({ signal }) => apiFetch<PortalMfaStatus>('/portal/mfa', { signal }),
  })
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
  const onStarted = useResetPortalCache()
  return useMutation({
    mutationFn: (token: string) =>
      startSession(
        apiFetch<{ csrfToken: string; surveyId: string }>(`/portal/magic/${encodeURIComponent(token)}`, {
          method: 'POST',
          body: {},
        }),
      ),
    onSuccess: onStarted,
  })
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
  return useQuery({
    queryKey: [...portalKey, 'surveys'],
    queryFn: ({ signal }) => apiFetch<PortalSurvey[]>('/portal/surveys', { signal }),
    enabled,
  })
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
  return useQuery({
    queryKey: [...portalKey, 'progress'],
    queryFn: ({ signal }) => apiFetch<PortalProgress>('/portal/progress', { signal }),
  })
}

export function usePortalAppointments(enabled = true) {
  return useQuery({
    queryKey: [...portalKey, 'appointments'],
    queryFn: ({ signal }) => apiFetch<PortalAppointment[]>('/portal/appointments', { signal }),
    enabled,
  })
}

export function usePortalDocuments() {
  return useQuery({
    queryKey: [...portalKey, 'documents'],
    queryFn: ({ signal }) => apiFetch<PortalDocument[]>('/portal/documents', { signal }),
  })
}

// Staff side (staff session): the chart's portal status and the invite.

function patientPortalPath(clinicId: string, patientId: string): string {
  return `/clinics/${clinicId}/patients/${patientId}`
}

export function usePatientPortalStatus(clinicId: string, patientId: string) {
  return useQuery({
    queryKey: ['clinics', clinicId, 'patients', patientId, 'portal'],
    queryFn: ({ signal }) =>
      apiFetch<PortalStatus>(`${patientPortalPath(clinicId, patientId)}/portal`, { signal }),
  })
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
