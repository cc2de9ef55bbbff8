import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { applyLedgerEntries, type LedgerEntryInput, reconcileCount, totalByGroup } from './balance'
import { formatQuantity, multiplyQuantity, parseQuantity, type Quantity } from './quantity'

const q = (text: string) => parseQuantity(text)

describe('quantities', () => {
  it('round-trips decimal text exactly, where floats would not', () => {
    expect(formatQuantity((q('0.1') + q('0.2')) as Quantity)).toBe('0.3')
    expect(formatQuantity(q('500.000'))).toBe('500')
    expect(formatQuantity(q('-0.25'))).toBe('-0.25')
    expect(formatQuantity(multiplyQuantity(q('2.5'), q('50')))).toBe('125')
  })
  it('rejects malformed or over-precise text, naming the field', () => {
    for (const bad of ['', 'abc', '1e3', '1.1234567', '1,5', 'NaN']) {
      expect(() => parseQuantity(bad, 'entries.x.quantity')).toThrow(DomainValidationError)
    }
    try {
      parseQuantity('1.5mg', 'entries.e7.quantity')
    } catch (error) {
      expect((error as DomainValidationError).field).toBe('entries.e7.quantity')
    }
  })
})

describe('applyLedgerEntries', () => {
  const entries: LedgerEntryInput[] = [
    { id: 'r1', lotId: 'A', kind: 'receive', quantity: '500' },
    { id: 'a1', lotId: 'A', kind: 'administer', quantity: '35.5' },
    { id: 'w1', lotId: 'A', kind: 'waste', quantity: '4.5' },
    { id: 'c1', lotId: 'A', kind: 'count', quantity: '459' },
    { id: 'j1', lotId: 'A', kind: 'adjustment', quantity: '-1' },
    { id: 'r2', lotId: 'B', kind: 'receive', quantity: '100' },
  ]

  it('keeps a running balance per lot, with counts reconciled and not moving it', () => {
    const { applied, balances } = applyLedgerEntries(entries)
    expect(applied.map((a) => formatQuantity(a.balanceAfter))).toEqual([
      '500',
      '464.5',
      '460',
      '460',
      '459',
      '100',
    ])
    expect(formatQuantity(applied[3]!.countDifference!)).toBe('-1')
    expect(formatQuantity(balances.get('A')!)).toBe('459')
    const perDrug = totalByGroup(balances, () => 'ketamine')
    expect(formatQuantity(perDrug.get('ketamine')!)).toBe('559')
  })

  it('refuses an entry that would take a lot below zero, naming it', () => {
    const overdraw = [
      ...entries,
      { id: 'a2', lotId: 'B', kind: 'administer' as const, quantity: '100.000001' },
    ]
    expect(() => applyLedgerEntries(overdraw)).toThrow(/entries\.a2\.quantity: would take lot B below zero/)
  })

  it('refuses wrong signs for the kind', () => {
    expect(() => applyLedgerEntries([{ id: 'x', lotId: 'A', kind: 'administer', quantity: '-5' }])).toThrow(
      /greater than zero/,
    )
    expect(() => applyLedgerEntries([{ id: 'x', lotId: 'A', kind: 'adjustment', quantity: '0' }])).toThrow(
      /must change/,
    )
  })

  it('never yields a negative balance, whatever sequence of entries is offered (property)', () => {
    const amount = fc
      .integer({ min: 0, max: 100_000 })
      .map((n) => formatQuantity(BigInt(n * 1000) as Quantity))
    const entry = fc.record({
      lotId: fc.constantFrom('A', 'B'),
      kind: fc.constantFrom('receive', 'administer', 'waste', 'count', 'adjustment', 'loss') as fc.Arbitrary<
        LedgerEntryInput['kind']
      >,
      quantity: amount,
      negative: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (raw) => {
        // Apply one entry at a time, skipping the refused ones, as the ledger service would.
        let balances = new Map<string, Quantity>()
        raw.forEach((e, i) => {
          const input: LedgerEntryInput = {
            id: `e${i}`,
            lotId: e.lotId,
            kind: e.kind,
            quantity: e.kind === 'adjustment' && e.negative ? `-${e.quantity}` : e.quantity,
          }
          try {
            balances = applyLedgerEntries([input], balances).balances
          } catch (error) {
            if (!(error instanceof DomainValidationError)) throw error
          }
          for (const b of balances.values()) expect(b >= 0n).toBe(true)
        })
      }),
    )
  })
})

describe('reconcileCount', () => {
  it('reports the difference and whether it is a discrepancy', () => {
    expect(reconcileCount(q('460'), q('460')).isDiscrepancy).toBe(false)
    const short = reconcileCount(q('460'), q('459.5'))
    expect(short.isDiscrepancy).toBe(true)
    expect(formatQuantity(short.difference)).toBe('-0.5')
  })
})
