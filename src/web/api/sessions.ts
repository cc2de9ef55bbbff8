import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Wire } from '../../contract/common'
import type * as contract from '../../contract/sessions'
import type { SessionEvent } from '../../domain/session'
import { apiFetch } from './client'
import { type LiveStatus, useLiveView } from './live'
import { clinicApiPath, patientKey, usePatientRead } from './patients'
import { useApiRead } from './read'

// The treatment-session API (src/server/features/sessions): the day's board, the chair-side view
// (view.ts) and its writes. The reply types are the contract's (src/contract/sessions.ts) as they
// arrive: dates are ISO strings.

export type BoardCard = Wire<typeof contract.boardCardSchema>
export type Board = Wire<typeof contract.boardSchema>
export type Chair = Wire<typeof contract.chairSchema>
export type PreCheckItem = Wire<typeof contract.preCheckItemSchema>
export type SessionAlertReading = Wire<typeof contract.alertReadingSchema>
/** A monitoring alert (view.ts → vitals-alerts.ts): the reading, the rule, what to do and by when. */
export type SessionAlert = Wire<typeof contract.sessionAlertSchema>
export type SessionView = Wire<typeof contract.viewSchema>
export type RemsForm = Wire<typeof contract.remsFormSchema>
export type PatientSession = Wire<typeof contract.patientSessionSchema>
export type SuggestedDates = Wire<typeof contract.suggestedDatesSchema>

/** A lot of the ledger's stock list (GET …/ledger/stock) as the dose step offers it. */
export interface StockLot {
  id: string
  drug: 'racemic-ketamine' | 'esketamine'
  drugLabel: string
  product: string
  lotNumber: string
  expiresOn: string
  expiryStatus: 'ok' | 'expiring' | 'expired'
  balanceMg: string
  balanceUnits: string
  unit: 'mL' | 'device'
}

/** While a live stream is down, the board and chair-side screens poll at this interval. */
export const livePollMs = 5_000

export const sessionApiPath = (clinicId: string, sessionId: string) =>
  `${clinicApiPath(clinicId)}/sessions/${encodeURIComponent(sessionId)}`
export const sessionKey = (clinicId: string, sessionId: string) =>
  ['clinics', clinicId, 'sessions', sessionId] as const
export const boardKey = (clinicId: string) => ['clinics', clinicId, 'board'] as const

const pollsWhen = (status: LiveStatus) => status === 'reconnecting' || status === 'failed'

/** Today's board (or `date`'s), pushed by the server as it changes; `live` says how it arrives. */
export function useBoard(clinicId: string, date: string | null) {
  const queryKey = [...boardKey(clinicId), date ?? 'today']
  const live = useLiveView(
    `/api/v1${clinicApiPath(clinicId)}/board/live${date ? `?date=${encodeURIComponent(date)}` : ''}`,
    'board',
    queryKey,
  )
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => apiFetch<Board>(`${clinicApiPath(clinicId)}/board`, { query: { date }, signal }),
    enabled: pollsWhen(live),
    refetchInterval: livePollMs,
    staleTime: 0,
  })
  return Object.assign(query, { live })
}

/** The chair-side view, pushed by the server as anyone charts on this session. */
export function useSessionView(clinicId: string, sessionId: string) {
  const queryKey = sessionKey(clinicId, sessionId)
  const live = useLiveView(`/api/v1${sessionApiPath(clinicId, sessionId)}/live`, 'session', queryKey)
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => apiFetch<SessionView>(sessionApiPath(clinicId, sessionId), { signal }),
    enabled: pollsWhen(live),
    refetchInterval: livePollMs,
    staleTime: 0,
  })
  return Object.assign(query, { live })
}

/**
 * A chair-side write that changes state (transitions, pre-checks, dose, signatures): sent at once,
 * never queued, because it needs the current version or a signature. The reply is the new view.
 */
export function useSessionAction<TInput>(
  clinicId: string,
  sessionId: string,
  toRequest: (input: TInput) => { path: string; body: unknown },
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: TInput) => {
      const { path, body } = toRequest(input)
      return apiFetch<SessionView>(`${sessionApiPath(clinicId, sessionId)}${path}`, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': crypto.randomUUID() },
      })
    },
    onSuccess: (view) => {
      queryClient.setQueryData(sessionKey(clinicId, sessionId), view)
      void queryClient.invalidateQueries({ queryKey: boardKey(clinicId) })
      // The REMS form is built from the session record: a write can change it.
      void queryClient.invalidateQueries({ queryKey: [...sessionKey(clinicId, sessionId), 'rems'] })
    },
    onError: () => queryClient.invalidateQueries({ queryKey: sessionKey(clinicId, sessionId) }),
  })
}

export function useTransition(clinicId: string, sessionId: string) {
  return useSessionAction<{ event: SessionEvent; version: number; reason?: string }>(
    clinicId,
    sessionId,
    (body) => ({ path: '/transition', body }),
  )
}

/** Check-in from the board (front desk): the card carries the version. */
export function useBoardCheckIn(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ sessionId, version }: { sessionId: string; version: number }) =>
      apiFetch<SessionView>(`${sessionApiPath(clinicId, sessionId)}/transition`, {
        method: 'POST',
        body: { event: 'check-in', version },
        headers: { 'idempotency-key': crypto.randomUUID() },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKey(clinicId) }),
  })
}

export function useLotStock(clinicId: string, isEnabled: boolean) {
  return useQuery({
    // Its own key: the ledger screens may cache the same endpoint under theirs.
    queryKey: ['clinics', clinicId, 'sessions', 'lot-stock'],
    queryFn: ({ signal }) =>
      apiFetch<{ lots: StockLot[] }>(`${clinicApiPath(clinicId)}/ledger/stock`, { signal }),
    enabled: isEnabled,
    staleTime: 0,
  })
}

export function useRemsForm(clinicId: string, sessionId: string, isEnabled: boolean) {
  return useApiRead<RemsForm>(
    [...sessionKey(clinicId, sessionId), 'rems'],
    `${sessionApiPath(clinicId, sessionId)}/rems`,
    isEnabled,
  )
}

export function useChairs(clinicId: string) {
  return useQuery({
    queryKey: ['clinics', clinicId, 'chairs'],
    queryFn: ({ signal }) => apiFetch<Chair[]>(`${clinicApiPath(clinicId)}/chairs`, { signal }),
    staleTime: 60_000,
  })
}

export function usePatientSessions(clinicId: string, patientId: string) {
  return usePatientRead<PatientSession[]>(clinicId, patientId, 'sessions')
}

export function useSuggestedDates(clinicId: string, patientId: string, isEnabled: boolean) {
  return usePatientRead<SuggestedDates>(clinicId, patientId, 'sessions/suggested-dates', isEnabled)
}

/** The booking body; the time is sent as ISO text. */
export type BookInput = Omit<Wire<typeof contract.bookBody>, 'scheduledAt'> & { scheduledAt: string }

export function useBookSession(clinicId: string, patientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: BookInput) =>
      apiFetch<SessionView>(`${clinicApiPath(clinicId)}/sessions`, { method: 'POST', body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: patientKey(clinicId, patientId) }),
        queryClient.invalidateQueries({ queryKey: boardKey(clinicId) }),
      ]),
  })
}

/** Links to the server-rendered PDFs (opened in a new tab; the cookie authenticates). */
export function sessionPdfUrl(
  clinicId: string,
  sessionId: string,
  kind: 'record' | 'discharge-instructions' | 'rems',
) {
  return `/api/v1${sessionApiPath(clinicId, sessionId)}/${kind}.pdf`
}
