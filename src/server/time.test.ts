import { describe, expect, it } from 'vitest'
import { zonedDayBounds, zonedToday } from './time'

describe('zoned days', () => {
  it('finds a clinic day in its own time zone, across a daylight-saving change', () => {
    expect(zonedDayBounds('2026-11-27', 'America/New_York')).toEqual({
      startMs: Date.parse('2026-11-27T05:00:00Z'),
      endMs: Date.parse('2026-11-28T05:00:00Z'),
    })
    // 2026-03-08: clocks go forward in New York, so the day is 23 hours long.
    const dst = zonedDayBounds('2026-03-08', 'America/New_York')
    expect(dst.startMs).toBe(Date.parse('2026-03-08T05:00:00Z'))
    expect((dst.endMs - dst.startMs) / 3_600_000).toBe(23)
  })
  it("gives today's date where the clinic is", () => {
    expect(zonedToday('America/Chicago', new Date('2026-11-27T03:00:00Z'))).toBe('2026-11-26')
  })
})
