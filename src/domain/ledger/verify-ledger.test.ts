import { describe, expect, it } from 'vitest'
import type { LedgerEntryKind } from './balance'
import { chainHash, GENESIS_HASH } from './hash-chain'
import { divideQuantity, formatQuantity, parseQuantity } from './quantity'
import { type LedgerLink, verifyLedger } from './verify-ledger'

type Row = {
  id: string
  lotId: string
  kind: LedgerEntryKind
  quantity: string
  change: string
  balanceAfter: string
}

function chain(rows: Row[]): LedgerLink[] {
  let prev = GENESIS_HASH
  return rows.map((r) => {
    const content = { ...r }
    const hash = chainHash(prev, content)
    const link = { ...r, prevHash: prev, hash, content }
    prev = hash
    return link
  })
}

const rows: Row[] = [
  { id: 'r1', lotId: 'A', kind: 'receive', quantity: '500', change: '500', balanceAfter: '500' },
  { id: 'a1', lotId: 'A', kind: 'administer', quantity: '34.2', change: '-34.2', balanceAfter: '465.8' },
  { id: 'c1', lotId: 'A', kind: 'count', quantity: '465', change: '0', balanceAfter: '465.8' },
  { id: 'j1', lotId: 'A', kind: 'adjustment', quantity: '-0.8', change: '-0.8', balanceAfter: '465' },
]

describe('verifyLedger', () => {
  it('accepts an intact ledger whose balances replay', () => {
    expect(verifyLedger(chain(rows))).toMatchObject({ ok: true, checked: 4 })
  })
  it('names an entry whose stored balance does not follow, even when the chain was rebuilt', () => {
    const forged = rows.map((r) => (r.id === 'a1' ? { ...r, balanceAfter: '475.8' } : r))
    expect(verifyLedger(chain(forged))).toMatchObject({
      ok: false,
      brokenAt: 'a1',
      reason: 'balance-mismatch',
    })
  })
  it('names an entry whose change does not match its kind and quantity', () => {
    const forged = rows.map((r) => (r.id === 'a1' ? { ...r, change: '34.2', balanceAfter: '534.2' } : r))
    expect(verifyLedger(chain(forged))).toMatchObject({
      ok: false,
      brokenAt: 'a1',
      reason: 'balance-mismatch',
    })
  })
  it('reports a hash break before replaying balances', () => {
    const links = chain(rows)
    links[2] = { ...links[2]!, content: { ...(links[2]!.content as object), quantity: '400' } }
    expect(verifyLedger(links)).toMatchObject({ ok: false, brokenAt: 'c1', reason: 'hash-mismatch' })
  })
})

describe('divideQuantity', () => {
  it('converts mg to container units, rounding half away from zero at six decimals', () => {
    expect(formatQuantity(divideQuantity(parseQuantity('35.5'), parseQuantity('50')))).toBe('0.71')
    expect(formatQuantity(divideQuantity(parseQuantity('1'), parseQuantity('28')))).toBe('0.035714')
    expect(formatQuantity(divideQuantity(parseQuantity('2'), parseQuantity('3')))).toBe('0.666667')
    expect(formatQuantity(divideQuantity(parseQuantity('-2'), parseQuantity('3')))).toBe('-0.666667')
    expect(() => divideQuantity(parseQuantity('1'), parseQuantity('0'))).toThrow(/zero/)
  })
})
