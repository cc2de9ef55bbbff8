import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type LedgerEntryKind, ledgerEntryKinds } from '../../domain/ledger'
import { apiFetch } from './client'
import type { Page } from './page'

// The controlled-substance ledger (src/server/features/ledger). Quantities are mg as exact
// decimal text; the pages never turn them into floating-point numbers for arithmetic.

export type Drug = 'racemic-ketamine' | 'esketamine'
export type LotUnit = 'mL' | 'device'
export type ExpiryStatus = 'ok' | 'expiring' | 'expired'
export type EntryKind = LedgerEntryKind
export const entryKinds = ledgerEntryKinds

export interface Lot {
  id: string
  drug: Drug
  drugLabel: string
  ndc: string
  product: string
  strengthMg: string
  unit: LotUnit
  unitsPerContainer: string
  lotNumber: string
  expiresOn: string
  expiryStatus: ExpiryStatus
  daysToExpiry: number
  containerNumbers: string[]
  supplierName: string
  supplierAddress: string
  supplierDea: string
  invoiceNumber: string
  receivedAt: string
  receivedBy: string
  witnessUserId: string | null
  balanceMg: string
  balanceUnits: string
  openDiscrepancies: number
}

export interface Stock {
  today: string
  expiryWarningDays: number
  wasteWitnessRequired: boolean
  lots: Lot[]
  drugs: { drug: Drug; drugLabel: string; balanceMg: string; lotsInStock: number }[]
}

export interface Entry {
  id: string
  seq: number
  lotId: string
  lotNumber: string
  drug: string
  lotSeq: number
  kind: EntryKind
  quantityMg: string
  changeMg: string
  balanceAfterMg: string
  actorUserId: string
  actorName: string
  witnessUserId: string | null
  witnessName: string | null
  reason: string | null
  sessionId: string | null
  patientId: string | null
  patientName: string | null
  discrepancyId: string | null
  expectedMg: string | null
  countedMg: string | null
  detail: Record<string, unknown>
  at: string
  recordedAt: string
  hash: string
}

export interface Discrepancy {
  id: string
  lotId: string
  lotNumber: string
  drug: string
  openedAt: string
  openedBy: string
  expectedMg: string
  countedMg: string
  differenceMg: string
  status: 'open' | 'resolved'
  resolution: 'adjustment' | 'recount' | 'loss-report' | null
  resolvedAt: string | null
  resolvedBy: string | null
  resolutionReason: string | null
  version: number
}

export type DeadlineState = 'done' | 'due' | 'overdue'
export type LossKind = 'theft' | 'significant-loss' | 'in-transit-loss'

export interface LossReport {
  id: string
  lotId: string
  lotNumber: string
  drug: string
  entryId: string
  discrepancyId: string | null
  kind: LossKind
  discoveredAt: string
  discoveredOn: string
  description: string
  quantityMg: string
  deaNoticeDueOn: string
  deaNoticeState: DeadlineState
  noticeSentAt: string | null
  noticeReference: string | null
  form106DueOn: string
  form106State: DeadlineState
  form106FiledAt: string | null
  form106Reference: string | null
  createdAt: string
  createdBy: string
  version: number
}

export interface Witness {
  userId: string
  displayName: string
  role: string
  hasAuthenticator: boolean
}

/** What the witness sends: who they are and their own password or authenticator code. */
export interface WitnessProof {
  userId: string
  password?: string
  totpCode?: string
}

export interface Party {
  name: string
  address: string
  dea: string
}

export interface ReceiptInput {
  containerCount: number
  containerNumbers?: string[]
  invoiceNumber: string
  supplier?: Party
  witness?: WitnessProof
}

export interface NewLotInput extends ReceiptInput {
  drug: Drug
  ndc: string
  product: string
  strengthMg: string
  unit: LotUnit
  unitsPerContainer: string
  lotNumber: string
  expiresOn: string
  supplier: Party
}

export interface MovementReply {
  entry: Entry
  lot: Lot
  discrepancy: Discrepancy | null
}

export interface VerifyVerdict {
  ok: boolean
  checked: number
  brokenAt: string | null
  reason: string | null
  detail: string | null
}

export type Movement =
  | { path: 'receipts'; body: ReceiptInput }
  | {
      path: 'waste'
      body: { quantity: string; reason: string; method?: string | null; witness?: WitnessProof }
    }
  | { path: 'breakage'; body: { quantity: string; reason: string; witness: WitnessProof } }
  | {
      path: 'returns' | 'transfers'
      body: {
        quantity: string
        recipient: Party
        document: string
        reason?: string | null
        witness?: WitnessProof
      }
    }

export type CountOccasion = 'opening' | 'closing' | 'shift' | 'other'

export const ledgerPath = (clinicId: string, path = '') =>
  `/clinics/${encodeURIComponent(clinicId)}/ledger${path}`
const ledgerKey = (clinicId: string) => ['clinics', clinicId, 'ledger'] as const

/** The address of a report file, opened or downloaded by the browser with the session cookie. */
export function reportUrl(clinicId: string, kind: string, query: Record<string, string | undefined>) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
  return `/api/v1${ledgerPath(clinicId, `/reports/${kind}`)}?${params.toString()}`
}

/** Stock with balances; not fetched while a blind count is being taken (`isEnabled` false). */
export function useStock(clinicId: string, isEnabled = true) {
  return useQuery({
    queryKey: [...ledgerKey(clinicId), 'stock'],
    queryFn: ({ signal }) => apiFetch<Stock>(ledgerPath(clinicId, '/stock'), { signal }),
    enabled: isEnabled,
  })
}

export function useLot(clinicId: string, lotId: string) {
  return useQuery({
    queryKey: [...ledgerKey(clinicId), 'lot', lotId],
    queryFn: ({ signal }) =>
      apiFetch<{ lot: Lot; entries: Entry[] }>(ledgerPath(clinicId, `/lots/${encodeURIComponent(lotId)}`), {
        signal,
      }),
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
  return useQuery({
    queryKey: [...ledgerKey(clinicId), 'entries', query],
    queryFn: ({ signal }) =>
      apiFetch<Page<Entry>>(ledgerPath(clinicId, '/entries'), { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  })
}

export function useWitnesses(clinicId: string, isEnabled = true) {
  return useQuery({
    queryKey: [...ledgerKey(clinicId), 'witnesses'],
    queryFn: ({ signal }) => apiFetch<Witness[]>(ledgerPath(clinicId, '/witnesses'), { signal }),
    enabled: isEnabled,
  })
}

export function useDiscrepancies(clinicId: string, status?: 'open' | 'resolved') {
  return useQuery({
    queryKey: [...ledgerKey(clinicId), 'discrepancies', status ?? 'all'],
    queryFn: ({ signal }) =>
      apiFetch<Discrepancy[]>(ledgerPath(clinicId, '/discrepancies'), { query: { status }, signal }),
  })
}

export function useLossReports(clinicId: string) {
  return useQuery({
    queryKey: [...ledgerKey(clinicId), 'loss-reports'],
    queryFn: ({ signal }) => apiFetch<LossReport[]>(ledgerPath(clinicId, '/loss-reports'), { signal }),
  })
}

/** Every write changes balances, lists and reports: refresh the whole ledger. */
function useInvalidateLedger(clinicId: string) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: ledgerKey(clinicId) })
}

export function useCreateLot(clinicId: string) {
  const invalidate = useInvalidateLedger(clinicId)
  return useMutation({
    mutationFn: (input: NewLotInput) =>
      apiFetch<{ lot: Lot; entry: Entry }>(ledgerPath(clinicId, '/lots'), { method: 'POST', body: input }),
    onSuccess: invalidate,
  })
}

export function useMovement(clinicId: string, lotId: string) {
  const invalidate = useInvalidateLedger(clinicId)
  return useMutation({
    mutationFn: (movement: Movement) =>
      apiFetch<MovementReply>(ledgerPath(clinicId, `/lots/${encodeURIComponent(lotId)}/${movement.path}`), {
        method: 'POST',
        body: movement.body,
      }),
    onSuccess: invalidate,
  })
}

export interface ResolveInput {
  discrepancyId: string
  reason: string
  recounted?: string
  witness: WitnessProof
  version: number
}

export function useResolveDiscrepancy(clinicId: string) {
  const invalidate = useInvalidateLedger(clinicId)
  return useMutation({
    mutationFn: ({ discrepancyId, ...body }: ResolveInput) =>
      apiFetch<{ discrepancy: Discrepancy; entry: Entry }>(
        ledgerPath(clinicId, `/discrepancies/${encodeURIComponent(discrepancyId)}/resolve`),
        { method: 'POST', body },
      ),
    onSettled: invalidate,
  })
}

export interface LossReportInput {
  lotId: string
  kind: LossKind
  discoveredAt: string
  description: string
  quantity: string
  discrepancyId?: string
}

export function useFileLossReport(clinicId: string) {
  const invalidate = useInvalidateLedger(clinicId)
  return useMutation({
    mutationFn: (input: LossReportInput) =>
      apiFetch<{ report: LossReport; entry: Entry }>(ledgerPath(clinicId, '/loss-reports'), {
        method: 'POST',
        body: input,
      }),
    onSuccess: invalidate,
  })
}

export interface LossStepInput {
  reportId: string
  step: 'dea-notice' | 'form-106'
  at: string
  reference: string | null
  version: number
}

export function useMarkLossStep(clinicId: string) {
  const invalidate = useInvalidateLedger(clinicId)
  return useMutation({
    mutationFn: ({ reportId, step, ...body }: LossStepInput) =>
      apiFetch<LossReport>(ledgerPath(clinicId, `/loss-reports/${encodeURIComponent(reportId)}/${step}`), {
        method: 'POST',
        body,
      }),
    onSettled: invalidate,
  })
}

export function useVerifyLedger(clinicId: string) {
  return useMutation({
    mutationFn: () => apiFetch<VerifyVerdict>(ledgerPath(clinicId, '/verify')),
  })
}

/** A lot on the blind count sheet: no balance until the sheet is submitted. */
export interface CountSheetLot {
  id: string
  drug: Drug
  drugLabel: string
  product: string
  lotNumber: string
  expiresOn: string
  expiryStatus: ExpiryStatus
  daysToExpiry: number
  unit: LotUnit
  strengthMg: string
}

export interface CountSheetResult {
  lotId: string
  lotNumber: string
  drugLabel: string
  entryId: string
  expectedMg: string
  countedMg: string
  differenceMg: string
  discrepancy: Discrepancy | null
}

export interface CountSheetReply {
  occasion: CountOccasion
  witnessName: string
  results: CountSheetResult[]
}

export function useCountSheet(clinicId: string) {
  return useQuery({
    queryKey: [...ledgerKey(clinicId), 'count-sheet'],
    queryFn: ({ signal }) =>
      apiFetch<{ today: string; lots: CountSheetLot[] }>(ledgerPath(clinicId, '/count-sheet'), { signal }),
  })
}

/** The whole count sheet in one request: every lot, one witness; nothing is written if a row is bad. */
export function useSubmitCountSheet(clinicId: string) {
  const invalidate = useInvalidateLedger(clinicId)
  return useMutation({
    mutationFn: (body: {
      occasion: CountOccasion
      witness: WitnessProof
      counts: { lotId: string; counted: string }[]
    }) => apiFetch<CountSheetReply>(ledgerPath(clinicId, '/count-sheets'), { method: 'POST', body }),
    onSuccess: invalidate,
  })
}

/** A session's dose in the ledger: drawn, given, wasted and owed per lot. */
export interface SessionDose {
  isDelivering: boolean
  owedMg: string
  lots: {
    dispenseEntryId: string
    lotId: string
    lotNumber: string
    drugLabel: string
    drawnMg: string
    givenMg: string | null
    wastedMg: string
    owedMg: string
  }[]
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
  const invalidate = useInvalidateLedger(clinicId)
  return useMutation({
    mutationFn: (body: { lotId: string; quantity: string; method?: string | null; witness: WitnessProof }) =>
      apiFetch<SessionDose>(ledgerPath(clinicId, `/sessions/${encodeURIComponent(sessionId)}/waste`), {
        method: 'POST',
        body,
      }),
    onSuccess: invalidate,
  })
}

export interface WasteOwed {
  sessionId: string
  sessionState: string
  scheduledAt: string
  patientName: string
  owedMg: string
  lots: { lotId: string; lotNumber: string; owedMg: string }[]
}

/** Sessions with a waste still owed (a stopped pump, an aborted session), for the stock screen. */
export function useWastesOwed(clinicId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: [...ledgerKey(clinicId), 'wastes-owed'],
    queryFn: ({ signal }) => apiFetch<WasteOwed[]>(ledgerPath(clinicId, '/wastes-owed'), { signal }),
    enabled: isEnabled,
  })
}
