import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { Wire } from '../../contract/common'
import type * as contract from '../../contract/ledger'
import { type LedgerEntryKind, ledgerEntryKinds } from '../../domain/ledger'
import { apiFetch } from './client'
import { useApiRead, useApiSearch } from './read'
import { useApiWrite } from './write'

// The controlled-substance ledger (src/server/features/ledger); shapes from src/contract/ledger.ts.
// Quantities are mg as exact decimal text; the pages never turn them into floating-point numbers.

export type Drug = (typeof contract.drugs)[number]
export type LotUnit = (typeof contract.lotUnits)[number]
export type EntryKind = LedgerEntryKind
export const entryKinds = ledgerEntryKinds
export type DeadlineState = LossReport['deaNoticeState']
export type LossKind = (typeof contract.lossKinds)[number]
export type CountOccasion = (typeof contract.countOccasions)[number]

export type Lot = Wire<typeof contract.lotSchema>
export type Stock = Wire<typeof contract.stockSchema>
export type Entry = Wire<typeof contract.entrySchema>
export type Discrepancy = Wire<typeof contract.discrepancySchema>
export type LossReport = Wire<typeof contract.lossReportSchema>
export type Witness = Wire<typeof contract.witnessCandidateSchema>
export type MovementReply = Wire<typeof contract.movementReply>
export type VerifyVerdict = Wire<typeof contract.verifyVerdictSchema>
/** A lot on the blind count sheet: no balance until the sheet is submitted. */
export type CountSheetLot = Wire<typeof contract.countSheetLotSchema>
export type CountSheetReply = Wire<typeof contract.countSheetReply>
/** A session's dose in the ledger: drawn, given, wasted and owed per lot. */
export type SessionDose = Wire<typeof contract.sessionDoseSchema>
export type WasteOwed = Wire<typeof contract.wasteOwedSchema>

/** What the witness sends: who they are and their own password or authenticator code. */
export type WitnessProof = z.input<typeof contract.witness>
export type Party = z.input<typeof contract.party>
export type ReceiptInput = z.input<typeof contract.receiptBody>
export type NewLotInput = z.input<typeof contract.createLotBody>

export type Movement =
  | { path: 'receipts'; body: ReceiptInput }
  | { path: 'waste'; body: z.input<typeof contract.wasteBody> }
  | { path: 'breakage'; body: z.input<typeof contract.breakageBody> }
  | { path: 'returns' | 'transfers'; body: z.input<typeof contract.shipmentBody> }

export const ledgerPath = (clinicId: string, path = '') =>
  `/clinics/${encodeURIComponent(clinicId)}/ledger${path}`
const ledgerKey = (clinicId: string) => ['clinics', clinicId, 'ledger'] as const

/** The address of a report file, opened or downloaded by the browser with the session cookie. */
export function reportUrl(
  clinicId: string,
  kind: (typeof contract.reportKinds)[number],
  query: Record<string, string | undefined>,
) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
  return `/api/v1${ledgerPath(clinicId, `/reports/${kind}`)}?${params.toString()}`
}

/** Stock with balances; not fetched while a blind count is being taken (`isEnabled` false). */
export function useStock(clinicId: string, isEnabled = true) {
  return useApiRead<Stock>([...ledgerKey(clinicId), 'stock'], ledgerPath(clinicId, '/stock'), isEnabled)
}

export function useLot(clinicId: string, lotId: string) {
  return useQuery({
    queryKey: [...ledgerKey(clinicId), 'lot', lotId],
    queryFn: ({ signal }) =>
      apiFetch<Wire<typeof contract.lotWithEntriesSchema>>(
        ledgerPath(clinicId, `/lots/${encodeURIComponent(lotId)}`),
        {
          signal,
        },
      ),
  })
}

export interface EntryQuery {
  page: number
  pageSize: number
  lotId?: string | undefined
  kind?: EntryKind | undefined
  from?: string | undefined
  to?: string | undefined
}

export function useEntries(clinicId: string, query: EntryQuery) {
  return useApiSearch<Wire<typeof contract.entriesPageSchema>>(
    [...ledgerKey(clinicId), 'entries'],
    ledgerPath(clinicId, '/entries'),
    { ...query },
  )
}

export function useWitnesses(clinicId: string, isEnabled = true) {
  return useApiRead<Witness[]>(
    [...ledgerKey(clinicId), 'witnesses'],
    ledgerPath(clinicId, '/witnesses'),
    isEnabled,
  )
}

export function useDiscrepancies(clinicId: string, status?: 'open' | 'resolved') {
  return useQuery({
    queryKey: [...ledgerKey(clinicId), 'discrepancies', status ?? 'all'],
    queryFn: ({ signal }) =>
      apiFetch<Discrepancy[]>(ledgerPath(clinicId, '/discrepancies'), { query: { status }, signal }),
  })
}

export function useLossReports(clinicId: string) {
  return useApiRead<LossReport[]>(
    [...ledgerKey(clinicId), 'loss-reports'],
    ledgerPath(clinicId, '/loss-reports'),
  )
}

/** Every write changes balances, lists and reports: it refreshes the whole ledger. */
function useLedgerWrite<TInput, TResult>(
  clinicId: string,
  toRequest: (input: TInput) => { path: string; body: unknown },
  options: { isRefreshedOnError?: boolean } = {},
) {
  return useApiWrite<TInput, TResult>(
    (input) => {
      const { path, body } = toRequest(input)
      return { path: ledgerPath(clinicId, path), body }
    },
    ledgerKey(clinicId),
    options,
  )
}

export function useCreateLot(clinicId: string) {
  return useLedgerWrite<NewLotInput, Wire<typeof contract.lotCreatedSchema>>(clinicId, (body) => ({
    path: '/lots',
    body,
  }))
}

export function useMovement(clinicId: string, lotId: string) {
  return useLedgerWrite<Movement, MovementReply>(clinicId, ({ path, body }) => ({
    path: `/lots/${encodeURIComponent(lotId)}/${path}`,
    body,
  }))
}

export type ResolveInput = z.input<typeof contract.resolveBody> & { discrepancyId: string }

export function useResolveDiscrepancy(clinicId: string) {
  return useLedgerWrite<ResolveInput, Wire<typeof contract.resolvedDiscrepancySchema>>(
    clinicId,
    ({ discrepancyId, ...body }) => ({
      path: `/discrepancies/${encodeURIComponent(discrepancyId)}/resolve`,
      body,
    }),
    { isRefreshedOnError: true },
  )
}

export type LossReportInput = z.input<typeof contract.lossReportBody>

export function useFileLossReport(clinicId: string) {
  return useLedgerWrite<LossReportInput, Wire<typeof contract.lossReportFiledSchema>>(clinicId, (body) => ({
    path: '/loss-reports',
    body,
  }))
}

export type LossStepInput = z.input<typeof contract.lossStepBody> & {
  reportId: string
  step: (typeof contract.lossSteps)[number]
}

export function useMarkLossStep(clinicId: string) {
  return useLedgerWrite<LossStepInput, LossReport>(
    clinicId,
    ({ reportId, step, ...body }) => ({
      path: `/loss-reports/${encodeURIComponent(reportId)}/${step}`,
      body,
    }),
    { isRefreshedOnError: true },
  )
}

export function useVerifyLedger(clinicId: string) {
  return useMutation({
    mutationFn: () => apiFetch<VerifyVerdict>(ledgerPath(clinicId, '/verify')),
  })
}

export function useCountSheet(clinicId: string) {
  return useApiRead<Wire<typeof contract.countSheetSchema>>(
    [...ledgerKey(clinicId), 'count-sheet'],
    ledgerPath(clinicId, '/count-sheet'),
  )
}

/** The whole count sheet in one request: every lot, one witness; nothing is written if a row is bad. */
export function useSubmitCountSheet(clinicId: string) {
  return useLedgerWrite<z.input<typeof contract.countSheetBody>, CountSheetReply>(clinicId, (body) => ({
    path: '/count-sheets',
    body,
  }))
}

const sessionDoseKey = (clinicId: string, sessionId: string) =>
  [...ledgerKey(clinicId), 'session-dose', sessionId] as const

/** Refetched whenever the session record changes (`changeKey`): a pump stop can owe a waste. */
export function useSessionDose(clinicId: string, sessionId: string, changeKey: string, isEnabled: boolean) {
  return useQuery({
    queryKey: [...sessionDoseKey(clinicId, sessionId), changeKey],
    queryFn: ({ signal }) =>
      apiFetch<SessionDose>(ledgerPath(clinicId, `/sessions/${encodeURIComponent(sessionId)}/dose`), {
        signal,
      }),
    enabled: isEnabled,
    placeholderData: keepPreviousData,
  })
}

export function useSessionWaste(clinicId: string, sessionId: string) {
  return useLedgerWrite<z.input<typeof contract.sessionWasteBody>, SessionDose>(clinicId, (body) => ({
    path: `/sessions/${encodeURIComponent(sessionId)}/waste`,
    body,
  }))
}

/** Sessions with a waste still owed (a stopped pump, an aborted session), for the stock screen. */
export function useWastesOwed(clinicId: string, isEnabled: boolean) {
  return useApiRead<WasteOwed[]>(
    [...ledgerKey(clinicId), 'wastes-owed'],
    ledgerPath(clinicId, '/wastes-owed'),
    isEnabled,
  )
}
