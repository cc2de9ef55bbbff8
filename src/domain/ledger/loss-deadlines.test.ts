import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toDayNumber, toIsoDate } from '../dosing/dates'
import { addBusinessDays, deadlineState, lossReportDeadlines } from './loss-deadlines'

describe('lossReportDeadlines (clinical-reference §8)', () => {
  it('gives the next business day for the DEA notice and 45 days for Form 106', () => {
    // 2026-11-24 is a Tuesday.
    expect(lossReportDeadlines('2026-11-24')).toEqual({
      deaNoticeDueOn: '2026-11-25',
      form106DueOn: '2027-01-08',
    })
  })
  it('skips the weekend: a loss found on Friday or Saturday is due Monday', () => {
    expect(lossReportDeadlines('2026-11-27').deaNoticeDueOn).toBe('2026-11-30')
    expect(lossReportDeadlines('2026-11-28').deaNoticeDueOn).toBe('2026-11-30')
    expect(lossReportDeadlines('2026-11-29').deaNoticeDueOn).toBe('2026-11-30')
  })
  it('always lands on a weekday one to three days later (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (day) => {
        const due = addBusinessDays(day, 1)
        const weekday = new Date(due * 86_400_000).getUTCDay()
        expect(weekday).not.toBe(0)
        expect(weekday).not.toBe(6)
        expect(due - day).toBeGreaterThanOrEqual(1)
        expect(due - day).toBeLessThanOrEqual(3)
        const { form106DueOn } = lossReportDeadlines(toIsoDate(day))
        expect(toDayNumber(form106DueOn, 'd') - day).toBe(45)
      }),
    )
  })
  it('rejects a date that is not one', () => {
    expect(() => lossReportDeadlines('2026-02-30')).toThrow(/discoveredOn/)
  })
})

describe('deadlineState', () => {
  it('is done once done, else due until the day passes, then overdue', () => {
    expect(deadlineState('2026-11-25', '2026-11-26T10:00:00Z', '2026-12-01')).toBe('done')
    expect(deadlineState('2026-11-25', null, '2026-11-25')).toBe('due')
    expect(deadlineState('2026-11-25', null, '2026-11-26')).toBe('overdue')
  })
})
