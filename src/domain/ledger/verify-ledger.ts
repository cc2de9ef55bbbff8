import { entryChange, type LedgerEntryKind } from './balance'
import { type ChainLink, type ChainVerdict, verifyChain } from './hash-chain'
import { addQuantity, formatQuantity, parseQuantity, type Quantity, ZERO } from './quantity'

// A controlled-substance ledger is checked twice (clinical-reference §8, design.md §4): the hash
// chain shows no entry was altered, removed or reordered; replaying the entries shows each stored
// change and running balance is what the arithmetic gives, so even a chain rebuilt from scratch
// with a doctored balance is caught.

export interface LedgerLink extends ChainLink {
  lotId: string
  kind: LedgerEntryKind
  quantity: string
  change: string
  balanceAfter: string
  /** Settles a session's dispense (moves nothing); from the entry's hashed detail. */
  settles?: boolean
}

export type LedgerVerdict =
  | ChainVerdict
  | { ok: false; checked: number; brokenAt: string; reason: 'balance-mismatch'; detail: string }

export function verifyLedger(links: readonly LedgerLink[]): LedgerVerdict {
  const chain = verifyChain(links)
  if (!chain.ok) return chain
  const balances = new Map<string, Quantity>()
  let checked = 0
  for (const link of links) {
    const before = balances.get(link.lotId) ?? ZERO
    let change: Quantity
    try {
      change = entryChange({
        id: link.id,
        lotId: link.lotId,
        kind: link.kind,
        quantity: link.quantity,
        ...(link.settles ? { settles: true } : {}),
      })
    } catch (error) {
      return mismatch(
        link,
        checked,
        `its quantity is not valid for a ${link.kind}: ${(error as Error).message}`,
      )
    }
    const after = addQuantity(before, change)
    if (parseQuantity(link.change) !== change)
      return mismatch(
        link,
        checked,
        `stores a change of ${link.change} but a ${link.kind} of ${link.quantity} changes the balance by ${formatQuantity(change)}`,
      )
    if (after < ZERO || parseQuantity(link.balanceAfter) !== after)
      return mismatch(
        link,
        checked,
        `stores a balance of ${link.balanceAfter} but the entries before it give ${formatQuantity(after)}`,
      )
    balances.set(link.lotId, after)
    checked++
  }
  return chain
}

function mismatch(link: LedgerLink, checked: number, why: string): LedgerVerdict {
  return {
    ok: false,
    checked,
    brokenAt: link.id,
    reason: 'balance-mismatch',
    detail: `entry ${link.id} ${why}`,
  }
}
