import { describe, expect, it } from 'vitest'
import { applyLedgerEntries, entryChange } from './balance'
import { givenFromDispense, sessionDoseAccount } from './session-dose'

describe('a session dose in the ledger', () => {
  it('owes nothing while the dose is being given, then drawn − given until the waste is recorded', () => {
    const dispense = {
      id: 'd1',
      lotId: 'L',
      kind: 'dispense' as const,
      quantity: '35.2',
      dispenseEntryId: null,
    }
    const delivering = sessionDoseAccount([dispense])
    expect(delivering.isDelivering).toBe(true)
    expect(delivering.owedMg).toBe('0')
    const given = {
      id: 'a1',
      lotId: 'L',
      kind: 'administer' as const,
      quantity: '7.3',
      dispenseEntryId: 'd1',
    }
    const stopped = sessionDoseAccount([dispense, given])
    expect(stopped.isDelivering).toBe(false)
    expect(stopped.lots[0]).toMatchObject({ drawnMg: '35.2', givenMg: '7.3', owedMg: '27.9' })
    expect(stopped.owedMg).toBe('27.9')
    const wasted = { id: 'w1', lotId: 'L', kind: 'waste' as const, quantity: '27.9', dispenseEntryId: 'd1' }
    expect(sessionDoseAccount([dispense, given, wasted]).owedMg).toBe('0')
  })

  it('refuses a settlement that names no dispense', () => {
    expect(() =>
      sessionDoseAccount([{ id: 'a1', lotId: 'L', kind: 'administer', quantity: '1', dispenseEntryId: 'x' }]),
    ).toThrow(/dispenseEntryId/)
  })

  it('a settling administration or waste moves no stock; the dispense takes it out', () => {
    const { balances } = applyLedgerEntries([
      { id: 'r', lotId: 'L', kind: 'receive', quantity: '500' },
      { id: 'd', lotId: 'L', kind: 'dispense', quantity: '35.2' },
      { id: 'a', lotId: 'L', kind: 'administer', quantity: '7.3', settles: true },
      { id: 'w', lotId: 'L', kind: 'waste', quantity: '27.9', settles: true },
    ])
    expect(balances.get('L')).toBe(464_800_000n)
    // Nothing given is recorded as a zero administration; a zero waste is refused.
    expect(entryChange({ id: 'a', lotId: 'L', kind: 'administer', quantity: '0', settles: true })).toBe(0n)
    expect(() => entryChange({ id: 'w', lotId: 'L', kind: 'waste', quantity: '0', settles: true })).toThrow()
    expect(() => entryChange({ id: 'c', lotId: 'L', kind: 'count', quantity: '1', settles: true })).toThrow()
  })

  it('records the delivered amount, never more than was drawn', () => {
    expect(givenFromDispense('35.2', 7.3)).toBe('7.3')
    expect(givenFromDispense('35.2', 35.2000001)).toBe('35.2')
    expect(givenFromDispense('35.2', 0)).toBe('0')
    expect(() => givenFromDispense('35.2', Number.NaN)).toThrow()
  })
})
