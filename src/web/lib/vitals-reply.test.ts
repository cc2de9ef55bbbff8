import { describe, expect, it } from 'vitest'
import type { SessionAlert, SessionView } from '../api/sessions'
import { type VitalsReply, withVitalsReply } from './vitals-reply'

const vital = (id: string, measuredAt: string) => ({
  id,
  context: 'intra' as const,
  sessionId: 's1',
  measuredAt,
  systolicMmHg: 150,
  diastolicMmHg: 92,
  heartRateBpm: 80,
  spo2Percent: 97,
  respiratoryRate: null,
  moaas: null,
  recordedBy: 'u1',
  enteredInError: null,
})

const alert = {
  key: 'bp-high@1',
  code: 'bp-high-sustained',
  acknowledged: null,
  resolved: null,
} as unknown as SessionAlert

const view = {
  vitals: [vital('v1', '2026-03-02T13:50:00.000Z')],
  alerts: [],
  nextVitalsDue: { dueAt: '2026-03-02T14:05:00.000Z', reason: 'Every 5 min', prompts: [], recheck: null },
  abnormalVitals: {},
  discharge: null,
} as unknown as SessionView

const reply: VitalsReply = {
  replayed: false,
  generatedAt: '2026-03-02T14:01:00.000Z',
  vital: vital('v2', '2026-03-02T14:01:00.000Z'),
  openAlerts: [],
  alerts: [alert],
  nextVitalsDue: { dueAt: '2026-03-02T14:06:00.000Z', reason: 'Recheck', prompts: [], recheck: null },
  abnormalVitals: { v2: ['blood-pressure'] },
}

describe('the lean vitals reply laid over the cached view', () => {
  it('adds the reading and takes the alerts, next vitals due and out-of-limit measures', () => {
    const next = withVitalsReply(view, reply)
    expect(next.vitals.map((v) => v.id)).toEqual(['v1', 'v2'])
    expect(next.alerts).toEqual([alert])
    expect(next.nextVitalsDue?.dueAt).toBe('2026-03-02T14:06:00.000Z')
    expect(next.abnormalVitals).toEqual({ v2: ['blood-pressure'] })
  })

  it('keeps the readings in the order they were measured', () => {
    const late = { ...reply, vital: vital('v0', '2026-03-02T13:40:00.000Z') }
    expect(withVitalsReply(view, late).vitals.map((v) => v.id)).toEqual(['v0', 'v1'])
  })

  it('leaves a view that already lists the reading as it is (pushed after it was stored, or a resend)', () => {
    const pushed = withVitalsReply(view, reply)
    expect(withVitalsReply(pushed, { ...reply, replayed: true, alerts: [] })).toBe(pushed)
  })
})
