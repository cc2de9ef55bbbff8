import { BarChart } from '@mantine/charts'
import { sideEffectGradeLabels } from '../../../domain/session/side-effects'
import type { OutcomeDashboard } from '../../api/outcomes'

const gradeColors: Record<number, string> = {
  1: 'yellow.5',
  2: 'orange.6',
  3: 'red.7',
  4: 'grape.8',
  5: 'dark.7',
}

export const gradeSeriesName = (grade: number) =>
  `Grade ${grade} · ${sideEffectGradeLabels[grade] ?? ''}`.trim()

/** One row per term, the most frequent first, with a column per grade. */
export function sideEffectChartData(events: OutcomeDashboard['adverseEvents']) {
  const grades = [...new Set(events.map((e) => e.grade))].sort((a, b) => a - b)
  const byTerm = new Map<string, Record<string, number | string>>()
  for (const e of events) {
    const row = byTerm.get(e.term) ?? { term: e.term, total: 0 }
    row[gradeSeriesName(e.grade)] = e.per100Sessions ?? 0
    row.total = Math.round(((row.total as number) + (e.per100Sessions ?? 0)) * 10) / 10
    byTerm.set(e.term, row)
  }
  const data = [...byTerm.values()].sort((a, b) => (b.total as number) - (a.total as number))
  return { grades, data }
}

/** Side effects per 100 sessions by term, stacked by CTCAE grade (clinical-reference §7). */
export function SideEffectsChart({ events }: { events: OutcomeDashboard['adverseEvents'] }) {
  const { grades, data } = sideEffectChartData(events)
  return (
    <BarChart
      h={Math.max(160, data.length * 30 + 70)}
      data={data}
      dataKey="term"
      type="stacked"
      orientation="vertical"
      withLegend
      legendProps={{ verticalAlign: 'top' }}
      series={grades.map((g) => ({ name: gradeSeriesName(g), color: gradeColors[g] ?? 'gray.6' }))}
      yAxisProps={{ width: 150, interval: 0 }}
      xAxisLabel="Reports per 100 sessions, by grade"
      gridAxis="y"
      valueFormatter={(value) => (Number.isInteger(value) ? String(value) : value.toFixed(1))}
    />
  )
}
