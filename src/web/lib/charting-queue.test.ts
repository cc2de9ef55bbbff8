import { describe, expect, it } from 'vitest'
import {
  applyResult,
  backoffMs,
  type ChartingQueueEntry,
  classifyStatus,
  createEntry,
  discardEntry,
  fixEntry,
  markSending,
  type NewEntry,
  nextToSend,
  nextWakeAtMs,
  parseStored,
  restoreEntries,
  retryNow,
  unsentEntries,
} from './charting-queue'

const t0 = Date.parse('2026-03-02T14:00:00Z')
const vitals = (over: Partial<NewEntry> = {}): NewEntry => ({
  userId: 'nurse-1',
  clinicId: 'c1',
  sessionId: 's1',
  kind: 'vitals',
  path: '/clinics/c1/sessions/s1/vitals',
  body: { context: 'intra', systolicMmHg: 128, diastolicMmHg: 82 },
  label: 'BP 128/82',
  ...over,
})
let n = 0
const add = (entries: ChartingQueueEntry[], input: NewEntry, nowMs = t0) => [
  ...entries,
  createEntry(input, nowMs, `key-${++n}`),
]
const refused = { status: 400, detail: 'Diastolic pressure must be below systolic.', fieldErrors: {} }

describe('createEntry', () => {
  it('stamps the time it was taken into the body, so late delivery keeps the clinical time', () => {
    const e = createEntry(vitals(), t0, 'k1')
    expect(e).toMatchObject({ id: 'k1', status: 'pending', attempts: 0, takenAtMs: t0 })
    expect(e.body.measuredAt).toBe('2026-03-02T14:00:00.000Z')
    const pump = createEntry(vitals({ kind: 'infusion', body: { action: 'start' } }), t0, 'k2')
    expect(pump.body).toEqual({ action: 'start', at: '2026-03-02T14:00:00.000Z' })
  })

  it('keeps a time the nurse chose when charting late', () => {
    const e = createEntry(
      vitals({ body: { systolicMmHg: 120, measuredAt: '2026-03-02T13:50:00Z' } }),
      t0,
      'k',
    )
    expect(e.takenAtMs).toBe(t0 - 10 * 60_000)
    expect(e.body.measuredAt).toBe('2026-03-02T13:50:00.000Z')
  })
})

describe('sending in order', () => {
  it('sends the oldest first, one at a time', () => {
    let q = add(add([], vitals()), vitals({ label: 'second' }))
    const first = nextToSend(q, 'nurse-1', t0)
    expect(first?.label).toBe('BP 128/82')
    q = markSending(q, first!.id)
    expect(nextToSend(q, 'nurse-1', t0)).toBeNull()
    q = applyResult(q, first!.id, { outcome: 'sent' }, t0 + 50)
    expect(nextToSend(q, 'nurse-1', t0 + 50)?.label).toBe('second')
    expect(q[0]).toMatchObject({ status: 'sent', sentAtMs: t0 + 50, attempts: 1 })
  })

  it('retries with doubling back-off, and nothing overtakes an entry waiting to retry', () => {
    let q = add(add([], vitals({ kind: 'infusion', body: { action: 'start' } })), vitals())
    const id = q[0]!.id
    q = applyResult(q, id, { outcome: 'retry', status: 0, detail: 'offline' }, t0)
    expect(q[0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAtMs: t0 + 1_000 })
    expect(nextToSend(q, 'nurse-1', t0 + 500)).toBeNull()
    expect(nextWakeAtMs(q, 'nurse-1')).toBe(t0 + 1_000)
    q = applyResult(q, id, { outcome: 'retry', status: 503, detail: 'busy' }, t0 + 1_000)
    expect(q[0]!.nextAttemptAtMs).toBe(t0 + 3_000)
    expect(nextToSend(q, 'nurse-1', t0 + 3_000)?.id).toBe(id)
  })

  it('caps the back-off at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ])
  })

  it('holds a refused entry with its problem and lets the queue go on', () => {
    let q = add(add([], vitals()), vitals({ label: 'next' }))
    q = applyResult(q, q[0]!.id, { outcome: 'refused', problem: refused }, t0)
    expect(q[0]).toMatchObject({ status: 'held', problem: refused })
    expect(nextToSend(q, 'nurse-1', t0)?.label).toBe('next')
    expect(unsentEntries(q)).toHaveLength(2)
  })

  it("never sends another user's entries", () => {
    const q = add([], vitals({ userId: 'nurse-2' }))
    expect(nextToSend(q, 'nurse-1', t0)).toBeNull()
    expect(unsentEntries(q, 'nurse-1')).toHaveLength(0)
    expect(nextToSend(q, 'nurse-2', t0)).not.toBeNull()
  })
})

describe('classifyStatus', () => {
  it('retries no answer, sign-out, timeouts, throttling and server errors; holds other client errors', () => {
    expect([200, 0, 401, 408, 429, 500, 503, 400, 403, 404, 409].map(classifyStatus)).toEqual([
      'sent',
      'retry',
      'retry',
      'retry',
      'retry',
      'retry',
      'retry',
      'refused',
      'refused',
      'refused',
      'refused',
    ])
  })
})

describe('the nurse fixes, discards or retries', () => {
  it('a fixed entry gets a new Idempotency-Key and keeps its clinical time', () => {
    let q = add([], vitals(), t0)
    q = applyResult(q, q[0]!.id, { outcome: 'refused', problem: refused }, t0 + 1_000)
    q = fixEntry(
      q,
      q[0]!.id,
      { context: 'intra', systolicMmHg: 128, diastolicMmHg: 78 },
      'BP 128/78',
      'new',
      t0 + 9_000,
    )
    expect(q[0]).toMatchObject({
      id: 'new',
      status: 'pending',
      attempts: 0,
      problem: null,
      label: 'BP 128/78',
    })
    expect(q[0]!.body.measuredAt).toBe(new Date(t0).toISOString())
  })

  it('discards only a held entry', () => {
    let q = add([], vitals())
    expect(discardEntry(q, q[0]!.id)).toHaveLength(1)
    q = applyResult(q, q[0]!.id, { outcome: 'refused', problem: refused }, t0)
    expect(discardEntry(q, q[0]!.id)).toHaveLength(0)
  })

  it('retry now skips the back-off (back online) and can re-send a held entry on request', () => {
    let q = add([], vitals())
    q = applyResult(q, q[0]!.id, { outcome: 'retry', status: 0, detail: 'offline' }, t0)
    expect(retryNow(q, t0 + 10)[0]!.nextAttemptAtMs).toBe(t0 + 10)
    q = applyResult(q, q[0]!.id, { outcome: 'refused', problem: refused }, t0)
    expect(retryNow(q, t0 + 20)[0]!.status).toBe('held')
    expect(retryNow(q, t0 + 20, q[0]!.id)[0]!.status).toBe('pending')
  })
})

describe('storage', () => {
  it('restores an entry caught mid-send as pending, and forgets old acknowledgements', () => {
    let q = add(add([], vitals()), vitals())
    q = markSending(q, q[0]!.id)
    q = applyResult(q, q[1]!.id, { outcome: 'sent' }, t0)
    const restored = restoreEntries(parseStored(JSON.stringify(q)), t0 + 60 * 60_000)
    expect(restored).toHaveLength(1)
    expect(restored[0]).toMatchObject({ status: 'pending', nextAttemptAtMs: t0 + 60 * 60_000 })
  })

  it('tolerates malformed storage', () => {
    expect(parseStored('not json')).toEqual([])
    expect(parseStored('{"a":1}')).toEqual([])
    expect(parseStored('[{"id":1},null]')).toEqual([])
    expect(parseStored(null)).toEqual([])
  })
})
