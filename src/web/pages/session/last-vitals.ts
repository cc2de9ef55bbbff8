import type { Vitals } from '../../api/assessments'
import type { ChartingQueueEntry } from '../../lib/charting-queue'

export const vitalsKeys = [
  'systolicMmHg',
  'diastolicMmHg',
  'heartRateBpm',
  'spo2Percent',
  'respiratoryRate',
  'moaas',
] as const
export type VitalsKey = (typeof vitalsKeys)[number]
export type LastVitals = { atMs: number } & Record<VitalsKey, number | null>

const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null)

/**
 * The last set of vitals charted in this session, for "same as last": the newest of what the server
 * holds (not entered in error) and what is still in this tablet's outbox (not refused). One whole
 * reading, never fields merged from several, so nothing older is passed off as just measured.
 */
export function lastVitals(
  charted: readonly Vitals[],
  outboxEntries: readonly ChartingQueueEntry[],
  sessionId: string,
): LastVitals | null {
  const candidates: LastVitals[] = [
    ...charted
      .filter((v) => !v.enteredInError)
      .map((v) => ({ atMs: Date.parse(v.measuredAt), ...pick(v as unknown as Record<string, unknown>) })),
    ...outboxEntries
      .filter((e) => e.sessionId === sessionId && e.kind === 'vitals' && e.status !== 'held')
      .map((e) => ({ atMs: e.takenAtMs, ...pick(e.body) })),
  ]
  return candidates.reduce<LastVitals | null>((last, c) => (!last || c.atMs >= last.atMs ? c : last), null)
}

function pick(source: Record<string, unknown>): Record<VitalsKey, number | null> {
  return Object.fromEntries(vitalsKeys.map((k) => [k, numberOrNull(source[k])])) as Record<
    VitalsKey,
    number | null
  >
}
