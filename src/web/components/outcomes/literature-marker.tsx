// Each literature source gets its own marker shape, so two figures at one bar (Murrough and
// ELEKT-D at course end) stay apart without relying on colour.
const shapes = ['diamond', 'triangle', 'square', 'circle'] as const
export type MarkerShape = (typeof shapes)[number]

export const literatureColor = 'var(--mantine-color-dark-5)'

/** A stable shape per source, in the order the sources first appear. */
export function assignMarkerShapes(sources: readonly string[]): Map<string, MarkerShape> {
  const map = new Map<string, MarkerShape>()
  for (const source of sources) {
    if (!map.has(source)) map.set(source, shapes[map.size % shapes.length]!)
  }
  return map
}

interface MarkerProps {
  shape: MarkerShape
  cx: number
  cy: number
  /** Half the marker's width in px. */
  r?: number
}

export function MarkerPath({ shape, cx, cy, r = 6 }: MarkerProps) {
  const common = { fill: 'var(--mantine-color-white)', stroke: literatureColor, strokeWidth: 2 }
  switch (shape) {
    case 'diamond':
      return <path d={`M${cx} ${cy - r}L${cx + r} ${cy}L${cx} ${cy + r}L${cx - r} ${cy}Z`} {...common} />
    case 'triangle':
      return <path d={`M${cx} ${cy - r}L${cx + r} ${cy + r * 0.8}L${cx - r} ${cy + r * 0.8}Z`} {...common} />
    case 'square':
      return <rect x={cx - r * 0.8} y={cy - r * 0.8} width={r * 1.6} height={r * 1.6} {...common} />
    case 'circle':
      return <circle cx={cx} cy={cy} r={r * 0.85} {...common} />
  }
}

/**
 * A published figure as the charts and their legend draw it: a dashed line at the figure's height
 * `cy` from `x1` to `x2`, with its source's marker centred at `cx`.
 */
export function LiteratureMark(props: MarkerProps & { x1: number; x2: number }) {
  const { x1, x2, cy } = props
  const dashed = { stroke: literatureColor, strokeDasharray: '4 3', strokeWidth: 1.5 }
  return (
    <>
      <line x1={x1} x2={x2} y1={cy} y2={cy} {...dashed} />
      <MarkerPath shape={props.shape} cx={props.cx} cy={cy} r={props.r} />
    </>
  )
}
