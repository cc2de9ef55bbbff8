import { Box } from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { formatNumber } from './format'
import { literatureColor, MarkerPath } from './literature-marker'

interface IntervalMeterProps {
  label: string
  value: number | null
  lower?: number | null
  upper?: number | null
  /** The right end of the scale, in the value's unit. */
  max: number
  unit: string
  color: string
  literature?: { value: number; source: string } | null
  isFaded?: boolean
}

const height = 50
const pad = 10

/** One figure on a horizontal scale with its 95 % interval and, where published, the literature mark. */
export function IntervalMeter({
  label,
  value,
  lower,
  upper,
  max,
  unit,
  color,
  literature,
  isFaded,
}: IntervalMeterProps) {
  // Drawn at the measured pixel width so text and whiskers keep their size on any screen.
  const { ref, width: measured } = useElementSize()
  const width = Math.max(120, measured)
  const xOf = (v: number) => pad + ((width - 2 * pad) * Math.min(Math.max(v, 0), max)) / max
  const mid = 22
  const ticks = [0, max / 2, max]
  return (
    <Box component="figure" m={0} ref={ref}>
      <svg width={width} height={height} role="img" aria-label={label} style={{ display: 'block' }}>
        <title>{label}</title>
        <rect
          x={pad}
          y={mid - 8}
          width={width - 2 * pad}
          height={16}
          rx={3}
          fill="var(--mantine-color-gray-1)"
        />
        {value !== null && (
          <rect
            x={pad}
            y={mid - 8}
            width={xOf(value) - pad}
            height={16}
            rx={3}
            fill={`var(--mantine-color-${color.replace('.', '-')})`}
            fillOpacity={isFaded ? 0.3 : 0.85}
          />
        )}
        {lower != null && upper != null && (
          <g stroke="var(--mantine-color-dark-7)" strokeWidth={1.5}>
            <line x1={xOf(lower)} x2={xOf(upper)} y1={mid} y2={mid} />
            <line x1={xOf(lower)} x2={xOf(lower)} y1={mid - 6} y2={mid + 6} />
            <line x1={xOf(upper)} x2={xOf(upper)} y1={mid - 6} y2={mid + 6} />
          </g>
        )}
        {literature && (
          <g>
            <title>{`${literature.source}: ${formatNumber(literature.value, unit)}`}</title>
            <line
              x1={xOf(literature.value)}
              x2={xOf(literature.value)}
              y1={mid - 12}
              y2={mid + 12}
              stroke={literatureColor}
              strokeDasharray="3 2"
            />
            <MarkerPath shape="diamond" cx={xOf(literature.value)} cy={mid - 12} r={5} />
          </g>
        )}
        {ticks.map((t) => (
          <text
            key={t}
            x={xOf(t)}
            y={height - 1}
            fontSize={10}
            textAnchor={t === 0 ? 'start' : t === max ? 'end' : 'middle'}
            fill="var(--mantine-color-dimmed)"
          >
            {`${Number.isInteger(t) ? t : t.toFixed(1)} ${unit}`}
          </text>
        ))}
      </svg>
    </Box>
  )
}
