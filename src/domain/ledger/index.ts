export type { AppliedEntry, LedgerEntryInput, LedgerEntryKind, Reconciliation } from './balance'
export { applyLedgerEntries, entryChange, entryDirection, reconcileCount, totalByGroup } from './balance'
export type { CanonicalValue, ChainLink, ChainVerdict } from './hash-chain'
export { canonicalize, chainHash, GENESIS_HASH, verifyChain } from './hash-chain'
export type { Quantity } from './quantity'
export {
  addQuantity,
  formatQuantity,
  multiplyQuantity,
  negateQuantity,
  parseQuantity,
  QUANTITY_SCALE,
  subtractQuantity,
  ZERO,
} from './quantity'
export { sha256Hex } from './sha256'
