import { describe, expect, it } from 'vitest'
import { clinicDateOf, clinicDayBounds } from '.'

// Moved from src/server/time.test.ts with the server's zone-offset code it tested.
describe('zoned days', () => {
  it('finds a clinic day in its own time zone, across a daylight-saving change', () => {
    expect(clinicDayBounds('2026-11-27', 'America/New_York')).toEqual({
      start: new Date('2026-11-27T05:00:00Z'),
      end: new Date('2026-11-28T05:00:00Z'),
    })
    // 2026-03-08: clocks go forward in New York, so the day is 23 hours long.
    const dst = clinicDayBounds('2026-03-08', 'America/New_York')
    expect(dst.start.getTime()).toBe(Date.parse('2026-03-08T05:00:00Z'))
    expect((dst.end.getTime() - dst.start.getTime()) / 3_600_000).toBe(23)
  })
  it("gives today's date where the clinic is", () => {
    expect(clinicDateOf(new Date('2026-11-27T03:00:00Z'), 'America/Chicago')).toBe('2026-11-26')
  })
})
