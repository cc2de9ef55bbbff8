import { Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { assignMarkerShapes, LiteratureMark } from './literature-marker'
import { minReadableN } from './outcome-measures'

const swatch = (color: string, opacity = 0.85) => (
  <svg width={18} height={14} aria-hidden="true">
    <rect
      x={1}
      y={1}
      width={16}
      height={12}
      rx={2}
      fill={`var(--mantine-color-${color.replace('.', '-')})`}
      fillOpacity={opacity}
    />
  </svg>
)

const whisker = (
  <svg width={18} height={16} aria-hidden="true">
    <g stroke="var(--mantine-color-dark-7)" strokeWidth={1.5}>
      <line x1={9} x2={9} y1={2} y2={14} />
      <line x1={5} x2={13} y1={2} y2={2} />
      <line x1={5} x2={13} y1={14} y2={14} />
    </g>
  </svg>
)

function Entry({ mark, children }: { mark: ReactNode; children: ReactNode }) {
  return (
    <Group gap={8} wrap="nowrap" align="flex-start" role="listitem">
      <div style={{ flexShrink: 0, width: 18, paddingTop: 2 }}>{mark}</div>
      <Text size="xs">{children}</Text>
    </Group>
  )
}

/**
 * What each mark on a chart means, in plain words, beside the chart (issue 14). `bars` are the
 * clinic's own figures; `sources` the published figures drawn, one marker shape each (the same
 * assignment as the chart's); `noComparison` says why no published figure is drawn.
 */
export function ChartLegend(props: {
  bars: { color: string; text: string }[]
  sources: readonly string[]
  noComparison?: string | null
  withInterval?: boolean
}) {
  const shapes = assignMarkerShapes(props.sources)
  return (
    <Stack gap={6} role="list" aria-label="How to read this chart">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        How to read this chart
      </Text>
      {props.bars.map((b) => (
        <Entry key={b.text} mark={swatch(b.color)}>
          {b.text}
        </Entry>
      ))}
      {props.withInterval !== false && (
        <Entry mark={whisker}>
          The line through each bar: where the true figure most likely lies (95 % interval). Fewer patients,
          longer line.
        </Entry>
      )}
      <Entry mark={swatch('gray.5', 0.3)}>
        A pale bar: fewer than {minReadableN} patients were measured, too few to read.
      </Entry>
      {[...shapes].map(([source, shape]) => (
        <Entry
          key={source}
          mark={
            <svg width={18} height={16} aria-hidden="true">
              <LiteratureMark shape={shape} x1={0} x2={18} cx={12} cy={8} r={5} />
            </svg>
          }
        >
          Published figure for the same treatment: {source}.
        </Entry>
      ))}
      {props.noComparison && (
        <Text size="xs" c="dimmed">
          {props.noComparison}
        </Text>
      )}
    </Stack>
  )
}

export const mixedTreatmentsNote =
  'No published figures here: these patients had different treatments, and each study reports one. Choose IV ketamine or esketamine above to compare.'
