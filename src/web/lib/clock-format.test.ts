import { describe, expect, it } from 'vitest'
import { countdown, formatDuration } from './clock-format'

describe('formatDuration', () => {
  it('shows m:ss under an hour and h:mm:ss beyond', () => {
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(65_000)).toBe('1:05')
    expect(formatDuration(3_725_000)).toBe('1:02:05')
    expect(formatDuration(-5_000)).toBe('0:00')
  })
})

describe('countdown', () => {
  it('counts down, then counts how long it is overdue', () => {
    expect(countdown(10_000, 0)).toEqual({ isOverdue: false, text: 'in 0:10' })
    expect(countdown(10_000, 10_000)).toEqual({ isOverdue: false, text: 'in 0:00' })
    expect(countdown(10_000, 22_000)).toEqual({ isOverdue: true, text: 'overdue 0:12' })
  })
})
