import { BarChart } from '@mantine/charts'
import { Paper, Stack, Text } from '@mantine/core'
import type { OutcomeDashboard } from '../../api/outcomes'
import { formatInterval, formatNumber } from './format'
import { assignMarkerShapes, LiteratureMark, type MarkerShape } from './literature-marker'
import { buildMeasureRows, type MeasureRow, minReadableN } from './outcome-measures'

const metrics = [
  { name: 'Response', color: 'teal.6' },
  { name: 'Remission', color: 'indigo.5' },
] as const
type MetricName = (typeof metrics)[number]['name']

interface Datum {
  timepoint: string
  Response: number | null
  Remission: number | null
  rows: Record<MetricName, MeasureRow>
}

/** What recharts hands a bar's custom shape; only the members drawn here. */
interface BarShapeProps {
  x: number
  y: number
  width: number
  height: number
  fill: string
  background?: { y: number; height: number }
  payload: Datum
}

function IntervalBar({
  props,
  metric,
  shapes,
}: {
  props: BarShapeProps
  metric: MetricName
  shapes: Map<string, MarkerShape>
}) {
  const { x, width, fill, background, payload } = props
  const row = payload.rows[metric]
  if (!background) return null
  // The y axis is fixed at 0–100 %, so the plot's background box is the scale.
  const yOf = (percent: number) => background.y + background.height * (1 - percent / 100)
  const cx = x + width / 2
  const isTooFew = (row.n ?? 0) < minReadableN
  const cap = Math.min(8, width / 4)
  return (
    <g>
      {row.value !== null && (
        <rect
          x={x}
          y={yOf(row.value)}
          width={width}
          height={Math.max(0, yOf(0) - yOf(row.value))}
          fill={fill}
          fillOpacity={isTooFew ? 0.3 : 0.85}
          rx={2}
        />
      )}
      {row.lower !== null && row.upper !== null && (
        <g stroke="var(--mantine-color-dark-7)" strokeWidth={1.5}>
          <line x1={cx} x2={cx} y1={yOf(row.upper)} y2={yOf(row.lower)} />
          <line x1={cx - cap} x2={cx + cap} y1={yOf(row.upper)} y2={yOf(row.upper)} />
          <line x1={cx - cap} x2={cx + cap} y1={yOf(row.lower)} y2={yOf(row.lower)} />
        </g>
      )}
      {row.literatureValue.map((value, i) => {
        const source = row.literatureSource[i] ?? ''
        return (
          <g key={source}>
            <title>{`${source}: ${metric.toLowerCase()} ${formatNumber(value, '%')}`}</title>
            <LiteratureMark
              shape={shapes.get(source) ?? 'diamond'}
              x1={x}
              x2={x + width}
              cx={x + width - 2}
              cy={yOf(value)}
            />
          </g>
        )
      })}
      {row.value === null && (
        <text x={cx} y={yOf(0) - 6} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
          no data
        </text>
      )}
    </g>
  )
}

function ResponseTooltip({ datum }: { datum: Datum | undefined }) {
  if (!datum) return null
  return (
    <Paper withBorder shadow="md" p="xs" radius="sm" maw={360}>
      <Text fw={600} size="sm">
        {datum.timepoint}
      </Text>
      {metrics.map(({ name }) => {
        const row = datum.rows[name]
        return (
          <Stack key={name} gap={0} mt={4}>
            <Text size="sm">
              {name}: {formatNumber(row.value, '%')} (95 % CI {formatInterval(row)}) · {row.count ?? 0}/
              {row.n ?? 0} patients
            </Text>
            {row.literatureValue.map((value, i) => (
              <Text key={row.literatureSource[i]} size="xs" c="dimmed">
                Literature {formatNumber(value, '%')} — {row.literatureSource[i]}
              </Text>
            ))}
          </Stack>
        )
      })}
    </Paper>
  )
}

export function responseChartData(d: OutcomeDashboard): Datum[] {
  const rows = buildMeasureRows(d).filter((r) => r.section === 'Efficacy')
  const timepointsInOrder = [...new Set(rows.map((r) => r.timepoint))]
  return timepointsInOrder.map((timepoint) => {
    const at = (measure: MetricName) => rows.find((r) => r.timepoint === timepoint && r.measure === measure)!
    return {
      timepoint,
      Response: at('Response').value ?? 0,
      Remission: at('Remission').value ?? 0,
      rows: { Response: at('Response'), Remission: at('Remission') },
    }
  })
}

/** The published sources drawn, in the order their marker shapes are given (for the legend). */
export function responseSources(chartData: Datum[]): string[] {
  return chartData.flatMap((d) => [...d.rows.Response.literatureSource, ...d.rows.Remission.literatureSource])
}

/**
 * Response and remission with Wilson 95 % whiskers; literature figures as marked dashes across the
 * bar. Its key is the card's ChartLegend, beside it.
 */
export function ResponseChart({ data }: { data: OutcomeDashboard }) {
  const chartData = responseChartData(data)
  const shapes = assignMarkerShapes(responseSources(chartData))
  return (
    <Stack gap="xs">
      <BarChart
        h={280}
        data={chartData}
        dataKey="timepoint"
        series={[...metrics]}
        withLegend
        legendProps={{ verticalAlign: 'top', height: 36 }}
        yAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
        unit=" %"
        gridAxis="x"
        barChartProps={{ barGap: 6, barCategoryGap: '22%' }}
        barProps={(series) => ({
          shape: (props: unknown) => (
            <IntervalBar props={props as BarShapeProps} metric={series.name as MetricName} shapes={shapes} />
          ),
        })}
        tooltipProps={{
          content: ({ payload }) => <ResponseTooltip datum={payload?.[0]?.payload as Datum | undefined} />,
        }}
      />
    </Stack>
  )
}
