import { describe, expect, it } from 'vitest'
import type { Vitals } from '../../api/assessments'
import { createEntry } from '../../lib/charting-queue'
import { lastVitals } from './last-vitals'

const t0 = Date.parse('2026-03-02T14:00:00Z')
const charted = (minutes: number, over: Partial<Vitals> = {}): Vitals => ({
  id: `v${minutes}`,
  context: 'intra',
  sessionId: 's1',
  measuredAt: new Date(t0 + minutes * 60_000).toISOString(),
  systolicMmHg: 128,
  diastolicMmHg: 82,
  heartRateBpm: 74,
  spo2Percent: 98,
  respiratoryRate: 14,
  moaas: 5,
  recordedBy: 'nurse-1',
  enteredInError: null,
  ...over,
})
const queued = (minutes: number, body: Record<string, unknown>, sessionId = 's1') =>
  createEntry(
    {
      userId: 'nurse-1',
      clinicId: 'c1',
      sessionId,
      kind: 'vitals',
      path: `/clinics/c1/sessions/${sessionId}/vitals`,
      body: { context: 'intra', ...body },
      label: 'Vitals',
    },
    t0 + minutes * 60_000,
    `e${minutes}`,
  )

describe('lastVitals ("same as last")', () => {
  it('is nothing before anything is charted', () => {
    expect(lastVitals([], [], 's1')).toBeNull()
  })

  it('takes the newest whole reading, not fields merged from older ones', () => {
    const last = lastVitals([charted(0), charted(10, { systolicMmHg: null, diastolicMmHg: null })], [], 's1')
    expect(last).toMatchObject({ systolicMmHg: null, diastolicMmHg: null, heartRateBpm: 74, moaas: 5 })
  })

  it('skips readings entered in error', () => {
    const struck = charted(10, {
      systolicMmHg: 210,
      enteredInError: { reason: 'wrong patient', by: 'Nina', at: '2026-03-02T14:12:00Z' },
    })
    expect(lastVitals([charted(0), struck], [], 's1')?.systolicMmHg).toBe(128)
  })

  it("includes this tablet's unsent entries for this session, but not refused ones or other sessions'", () => {
    const mine = queued(12, { systolicMmHg: 140, diastolicMmHg: 90, heartRateBpm: 80 })
    const refused = { ...queued(14, { systolicMmHg: 400, diastolicMmHg: 90 }), status: 'held' as const }
    const other = queued(15, { systolicMmHg: 100, diastolicMmHg: 60 }, 's2')
    const last = lastVitals([charted(0)], [mine, refused, other], 's1')
    expect(last).toMatchObject({ systolicMmHg: 140, diastolicMmHg: 90, heartRateBpm: 80, spo2Percent: null })
  })
})
