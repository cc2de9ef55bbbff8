import { describe, expect, it } from 'vitest'
import { findProtocol } from '../dosing'
import { findSpacingViolations, minimumSpacingHours } from './spacing'

describe('session spacing', () => {
  it('derives the minimum gap from the cadence', () => {
    const iv = findProtocol('iv-racemic-standard')
    expect(minimumSpacingHours(iv, 'three-weekly-12-days')).toBe(36)
    expect(minimumSpacingHours(iv, 'twice-weekly-3-weeks')).toBe(60)
    const esk = findProtocol('esketamine-trd')
    expect(minimumSpacingHours(esk, 'label-schedule')).toBe(60)
    expect(minimumSpacingHours(esk, 'weekly')).toBe(156)
  })

  it("uses the clinic's scheduling slack (⚠️ setting) instead of the default half day", () => {
    const iv = findProtocol('iv-racemic-standard')
    expect(minimumSpacingHours(iv, 'twice-weekly-3-weeks', { schedulingSlackHours: 0 })).toBe(72)
    expect(minimumSpacingHours(iv, 'three-weekly-12-days', { schedulingSlackHours: 24 })).toBe(24)
  })

  it('finds sessions booked too close on either side', () => {
    const h = 3_600_000
    const v = findSpacingViolations(100 * h, [40 * h, 80 * h, 130 * h, 140 * h], 36)
    expect(v.map((x) => x.gapHours)).toEqual([20, 30])
  })
})
