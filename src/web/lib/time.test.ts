import { describe, expect, it } from 'vitest'
import { endOfDayIso, formatDateAndTime, formatDateTime, startOfDayIso } from './time'

describe('startOfDayIso', () => {
  it('converts a day in the clinic zone to the UTC instant it starts', () => {
    expect(startOfDayIso('2025-01-15', 'America/New_York')).toBe('2025-01-15T05:00:00.000Z')
    expect(startOfDayIso('2025-07-15', 'America/New_York')).toBe('2025-07-15T04:00:00.000Z')
    expect(startOfDayIso('2025-07-15', 'UTC')).toBe('2025-07-15T00:00:00.000Z')
  })

  it('gives the start of the following day for an end bound, across a daylight-saving change', () => {
    expect(startOfDayIso('2025-03-08', 'America/New_York', 1)).toBe('2025-03-09T05:00:00.000Z')
    expect(startOfDayIso('2025-03-09', 'America/New_York', 1)).toBe('2025-03-10T04:00:00.000Z')
    expect(startOfDayIso('2025-12-31', 'Asia/Kolkata', 1)).toBe('2025-12-31T18:30:00.000Z')
  })
})

describe('endOfDayIso', () => {
  it('is the last millisecond of the day in the clinic zone', () => {
    expect(endOfDayIso('2025-03-09', 'America/New_York')).toBe('2025-03-10T03:59:59.999Z')
  })
})

describe('formatDateTime', () => {
  it('shows the time in the requested zone', () => {
    expect(formatDateTime('2025-07-15T12:00:00Z', 'Europe/Berlin', 'en-GB')).toContain('14:00:00')
  })

  it('splits date and time for two-line cells', () => {
    expect(formatDateAndTime('2025-07-15T23:30:00Z', 'Asia/Tokyo', 'en-GB')).toEqual({
      date: '16 Jul 2025',
      time: '08:30:00',
    })
  })

  it('falls back to the raw text for an unreadable date', () => {
    expect(formatDateTime('not a date', 'UTC')).toBe('not a date')
  })
})
