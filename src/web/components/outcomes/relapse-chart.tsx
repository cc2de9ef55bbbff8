import { CompositeChart } from '@mantine/charts'
import { Paper, Table, Text } from '@mantine/core'
import type { OutcomeDashboard, SurvivalStep } from '../../api/outcomes'
import { formatNumber } from './format'

type Relapse = NonNullable<OutcomeDashboard['relapse']>

interface Point {
  day: number
  /** Percent still in response. */
  survival: number
  /** [lower, upper] of the pointwise 95 % band, in percent; recharts draws an array as a range. */
  band: [number, number] | null
  atRisk: number
}

const toPercent = (x: number) => Math.round(x * 1000) / 10

export function relapseChartPoints(relapse: Relapse): Point[] {
  const first = relapse.steps[0]
  const points: Point[] = [{ day: 0, survival: 100, band: [100, 100], atRisk: first?.atRisk ?? 0 }]
  for (const s of relapse.steps) {
    points.push({
      day: Math.round(s.timeDays * 10) / 10,
      survival: toPercent(s.survival),
      band: s.lower === null || s.upper === null ? null : [toPercent(s.lower), toPercent(s.upper)],
      atRisk: s.atRisk - s.events - s.censored,
    })
  }
  return points
}

function RelapseTooltip({ point }: { point: Point | undefined }) {
  if (!point) return null
  return (
    <Paper withBorder shadow="md" p="xs" radius="sm">
      <Text fw={600} size="sm">
        Day {formatNumber(point.day)}
      </Text>
      <Text size="sm">Still in response: {formatNumber(point.survival, '%')}</Text>
      {point.band && (
        <Text size="sm">
          95 % band {formatNumber(point.band[0])}–{formatNumber(point.band[1], '%')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {point.atRisk} still followed
      </Text>
    </Paper>
  )
}

/** Kaplan–Meier: share of course-end responders still in response, by days after the course. */
export function RelapseChart({
  relapse,
  literatureMedianDays,
}: {
  relapse: Relapse
  literatureMedianDays: number | null
}) {
  const points = relapseChartPoints(relapse)
  const maxDay = Math.max(...points.map((p) => p.day), literatureMedianDays ?? 0)
  // Ticks every week, or every 2 or 4 weeks on a long follow-up.
  const tickDays = maxDay > 120 ? 28 : maxDay > 56 ? 14 : 7
  const endDay = Math.max(tickDays, Math.ceil(maxDay / tickDays) * tickDays)
  return (
    <CompositeChart
      h={280}
      data={points}
      dataKey="day"
      curveType="stepAfter"
      withDots={false}
      withLegend
      legendProps={{ verticalAlign: 'top', height: 36 }}
      series={[
        { name: 'band', label: '95 % band', type: 'area', color: 'teal.3' },
        { name: 'survival', label: 'Still in response', type: 'line', color: 'teal.8' },
      ]}
      areaProps={{ fillOpacity: 0.35, strokeOpacity: 0 }}
      xAxisProps={{
        type: 'number',
        domain: [0, endDay],
        ticks: Array.from({ length: endDay / tickDays + 1 }, (_, i) => i * tickDays),
      }}
      xAxisLabel="Days after the course"
      yAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
      unit=" %"
      gridAxis="x"
      referenceLines={[
        { y: 50, color: 'gray.5', strokeDasharray: '2 2' },
        ...(relapse.medianDays === null
          ? []
          : [
              {
                x: Math.round(relapse.medianDays * 10) / 10,
                color: 'teal.9',
                label: `Median ${formatNumber(Math.round(relapse.medianDays))} d`,
                labelPosition: 'insideTopRight' as const,
              },
            ]),
        ...(literatureMedianDays === null
          ? []
          : [
              {
                x: literatureMedianDays,
                color: 'dark.4',
                strokeDasharray: '5 4',
                label: `Murrough ${literatureMedianDays} d`,
                labelPosition: 'insideBottomLeft' as const,
              },
            ]),
      ]}
      tooltipProps={{
        content: ({ payload }) => <RelapseTooltip point={payload?.[0]?.payload as Point | undefined} />,
      }}
    />
  )
}

/** The life table at each time a relapse happened. */
export function RelapseTable({ steps }: { steps: SurvivalStep[] }) {
  const rows = steps.filter((s) => s.events > 0)
  return (
    <Table.ScrollContainer minWidth={560} mah={320}>
      <Table striped fz="sm" verticalSpacing={4} stickyHeader aria-label="Time to relapse life table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">Day</Table.Th>
            <Table.Th ta="right">At risk</Table.Th>
            <Table.Th ta="right">Relapses</Table.Th>
            <Table.Th ta="right">Censored</Table.Th>
            <Table.Th ta="right">Still in response</Table.Th>
            <Table.Th ta="right">95 % band</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr key={s.timeDays}>
              <Table.Td ta="right">{formatNumber(Math.round(s.timeDays * 10) / 10)}</Table.Td>
              <Table.Td ta="right">{s.atRisk}</Table.Td>
              <Table.Td ta="right">{s.events}</Table.Td>
              <Table.Td ta="right">{s.censored}</Table.Td>
              <Table.Td ta="right">{formatNumber(toPercent(s.survival), '%')}</Table.Td>
              <Table.Td ta="right">
                {s.lower === null || s.upper === null
                  ? '–'
                  : `${formatNumber(toPercent(s.lower))}–${formatNumber(toPercent(s.upper), '%')}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
