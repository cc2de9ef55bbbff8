import '@mantine/charts/styles.css'
import { CompositeChart } from '@mantine/charts'
import { Paper, Text } from '@mantine/core'
import type { SessionView } from '../../api/sessions'
import { ClinicalCard } from '../../components/clinical-card'
import { useNow } from '../../components/use-now'

interface Point {
  t: number
  sbp?: number | null
  dbp?: number | null
  hr?: number | null
  plasma?: number | null
  effect?: number | null
}

const bandColors: Record<string, string> = { analgesia: 'blue', dissociation: 'grape', anaesthesia: 'red' }

/**
 * Chart points in minutes from the dose start (or the first reading): vitals as charted and the
 * model's predicted plasma and effect-site concentrations (view.pk).
 */
export function chartPoints(view: SessionView): { originMs: number | null; points: Point[] } {
  const vitals = view.vitals.filter((v) => !v.enteredInError && v.systolicMmHg !== null)
  const originMs = view.pk
    ? Date.parse(view.pk.startedAt)
    : view.devices?.given[0]
      ? Date.parse(view.devices.given[0].at)
      : vitals[0]
        ? Date.parse(vitals[0].measuredAt)
        : null
  if (originMs === null) return { originMs, points: [] }
  const points: Point[] = []
  if (view.pk) {
    const pk = view.pk
    for (const [i, t] of pk.tMin.entries()) {
      points.push({ t, plasma: pk.plasmaNgPerMl[i] ?? null, effect: pk.effectNgPerMl[i] ?? null })
    }
  }
  for (const v of vitals) {
    points.push({
      t: Math.round(((Date.parse(v.measuredAt) - originMs) / 60_000) * 10) / 10,
      sbp: v.systolicMmHg,
      dbp: v.diastolicMmHg,
      hr: v.heartRateBpm,
    })
  }
  points.sort((a, b) => a.t - b.t)
  return { originMs, points }
}

/** Vitals over time with the predicted ketamine concentration and its effect bands (a model, not a measurement). */
export function SessionChart({ view }: { view: SessionView }) {
  const nowMs = useNow(15_000)
  const { originMs, points } = chartPoints(view)
  if (originMs === null || points.length === 0)
    return (
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          The chart starts with the first vital signs or the start of the dose.
        </Text>
      </Paper>
    )
  const nowMin = (nowMs - originMs) / 60_000
  const maxT = Math.max(...points.map((p) => p.t), nowMin + 5)
  const minT = Math.min(0, ...points.map((p) => p.t))
  const maxPlasma = Math.max(0, ...points.map((p) => p.plasma ?? 0))
  const rightMax = Math.ceil(Math.max(300, maxPlasma * 1.15) / 50) * 50
  const hasPk = view.pk !== null
  return (
    <ClinicalCard
      label="Session chart"
      titleSize="h5"
      p="sm"
      gap="xs"
      title="Vitals and predicted ketamine level"
    >
      <CompositeChart
        h={240}
        data={points}
        dataKey="t"
        withLegend
        withDots
        connectNulls
        curveType="linear"
        xAxisProps={{
          type: 'number',
          domain: [Math.floor(minT), Math.ceil(Math.min(maxT, nowMin + 60))],
          allowDataOverflow: true,
          tickFormatter: (t: number) => `${Math.round(t)}′`,
        }}
        yAxisProps={{ domain: [0, 220] }}
        yAxisLabel="mmHg · bpm"
        withRightYAxis={hasPk}
        rightYAxisLabel="ng/mL (model)"
        rightYAxisProps={{ domain: [0, rightMax] }}
        xAxisLabel="minutes from dose start"
        lineProps={(s) => (s.yAxisId === 'right' ? { dot: false, activeDot: false } : {})}
        series={[
          { name: 'sbp', label: 'Systolic', color: 'red.7', type: 'line' },
          { name: 'dbp', label: 'Diastolic', color: 'orange.6', type: 'line' },
          { name: 'hr', label: 'Heart rate', color: 'blue.6', type: 'line' },
          ...(hasPk
            ? [
                {
                  name: 'plasma',
                  label: 'Plasma (predicted)',
                  color: 'violet.7',
                  type: 'line' as const,
                  yAxisId: 'right',
                },
                {
                  name: 'effect',
                  label: 'Effect site (predicted)',
                  color: 'violet.4',
                  type: 'line' as const,
                  yAxisId: 'right',
                  strokeDasharray: '6 4',
                },
              ]
            : []),
        ]}
        referenceAreas={
          view.pk?.effectBands
            .filter((b) => b.fromNgPerMl < rightMax)
            .map((b) => ({
              yAxisId: 'right',
              y1: b.fromNgPerMl,
              y2: Math.min(b.toNgPerMl, rightMax),
              color: bandColors[b.id] ?? 'gray',
              label: b.label,
              labelPosition: 'insideTopLeft' as const,
              fillOpacity: 0.08,
            })) ?? []
        }
        referenceLines={[
          { x: Math.round(nowMin * 10) / 10, color: 'dark.4', label: 'now', labelPosition: 'top' },
        ]}
      />
      <Text size="xs" c="dimmed">
        {view.pk
          ? `${view.pk.note} Shaded: the concentration ranges for analgesia and dissociation reported in published studies (a model, not a target).`
          : 'No prediction for this session (esketamine, or no pump record yet).'}
      </Text>
    </ClinicalCard>
  )
}
