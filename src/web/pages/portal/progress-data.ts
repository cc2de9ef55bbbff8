import type { ProgressSeries } from '../../api/portal'

// The progress chart's data: one point per completed survey on a time axis, the session dates as
// marks, and the response and remission levels as reference lines (clinical-reference §4:
// response = 50 % below the starting score; remission = the instrument's threshold).

export interface ChartPoint {
  atMs: number
  total: number
}

export interface ReferenceLevel {
  kind: 'response' | 'remission'
  y: number
  label: string
  color: string
}

export function chartPoints(series: ProgressSeries): ChartPoint[] {
  return series.points
    .map((p) => ({ atMs: Date.parse(p.at), total: p.total }))
    .filter((p) => Number.isFinite(p.atMs))
    .sort((a, b) => a.atMs - b.atMs)
}

const levelLines = [
  { kind: 'response', at: 'responseAt', name: 'Response', color: 'blue.7' },
  { kind: 'remission', at: 'remissionAt', name: 'Remission', color: 'teal.9' },
] as const

/** The response and remission lines, each only where the series has its level. */
export function referenceLevels(series: ProgressSeries): ReferenceLevel[] {
  return levelLines.flatMap(({ kind, at, name, color }) => {
    const y = series[at]
    return y === null ? [] : [{ kind, y, label: `${name} (${y})`, color }]
  })
}

/** The time span to draw: the points and the sessions, padded a day each side. */
export function timeDomain(points: ChartPoint[], sessionTimesMs: number[]): [number, number] | null {
  const all = [...points.map((p) => p.atMs), ...sessionTimesMs].filter(Number.isFinite)
  if (all.length === 0) return null
  const padMs = 86_400_000
  return [Math.min(...all) - padMs, Math.max(...all) + padMs]
}

export function sessionMarks(sessions: { at: string; number: number }[]): { atMs: number; number: number }[] {
  return sessions
    .map((s) => ({ atMs: Date.parse(s.at), number: s.number }))
    .filter((s) => Number.isFinite(s.atMs))
}

/** A sentence for screen readers and for anyone who prefers words to a chart. */
export function describeSeries(series: ProgressSeries): string {
  const points = chartPoints(series)
  if (points.length === 0) return `No ${series.name} answers yet.`
  const first = points[0]!
  const last = points[points.length - 1]!
  const count = points.length === 1 ? 'one answer' : `${points.length} answers`
  const base = series.baseline === null ? '' : ` Your starting score was ${series.baseline}.`
  return `${series.name}: ${count}. The latest score is ${last.total} of ${series.maxTotal}; the first was ${first.total}.${base}`
}
