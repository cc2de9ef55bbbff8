export type { AppliedEntry, LedgerEntryInput, LedgerEntryKind, Reconciliation } from './balance'
export {
  applyLedgerEntries,
  entryChange,
  entryDirection,
  ledgerEntryKinds,
  reconcileCount,
  settlesDispense,
  settlingKinds,
  totalByGroup,
} from './balance'
export { isValidDeaNumber } from './dea-number'
export type { CanonicalValue, ChainLink, ChainVerdict } from './hash-chain'
export { canonicalize, chainHash, GENESIS_HASH, verifyChain } from './hash-chain'
export { ledgerInputLimits } from './input-limits'
export type { DeadlineState, LossDeadlines } from './loss-deadlines'
export { addBusinessDays, deadlineState, FORM_106_DAYS, lossReportDeadlines } from './loss-deadlines'
export type { Quantity } from './quantity'
export {
  addQuantity,
  divideQuantity,
  formatQuantity,
  multiplyQuantity,
  negateQuantity,
  parseQuantity,
  QUANTITY_SCALE,
  subtractQuantity,
  ZERO,
} from './quantity'
export type { SessionDoseAccount, SessionDoseEntry, SessionLotAccount } from './session-dose'
export { givenFromDispense, sessionDoseAccount } from './session-dose'
export type { LedgerSettings } from './settings'
export { DEFAULT_LEDGER_SETTINGS, validateLedgerSettings } from './settings'
export type { LedgerLink, LedgerVerdict } from './verify-ledger'
export { verifyLedger } from './verify-ledger'
