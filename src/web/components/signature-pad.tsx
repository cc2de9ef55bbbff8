import { Box, Button, Group, Text } from '@mantine/core'
import { type PointerEvent, useRef } from 'react'

// The canvas keeps a fixed drawing size; CSS scales it to the column, and pointer positions are
// mapped back, so a tablet in either orientation draws where the finger is.
const widthPx = 640
const heightPx = 200

interface SignaturePadProps {
  label: string
  /** A PNG data URL after each stroke, or null when cleared. */
  onChange: (dataUrl: string | null) => void
  error?: string | undefined
}

/** A drawn signature with mouse, pen or finger (pointer events); Clear starts again. */
export function SignaturePad({ label, onChange, error }: SignaturePadProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const lastPoint = useRef<{ x: number; y: number } | null>(null)

  const pointOf = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    return {
      x: ((event.clientX - rect.left) * widthPx) / rect.width,
      y: ((event.clientY - rect.top) * heightPx) / rect.height,
    }
  }

  const context = () => {
    const ctx = canvasRef.current?.getContext('2d')
    if (!ctx) return null
    ctx.lineWidth = 2.5
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.strokeStyle = '#111'
    return ctx
  }

  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    const point = pointOf(event)
    lastPoint.current = point
    const ctx = context()
    ctx?.beginPath()
    ctx?.arc(point.x, point.y, 1.2, 0, Math.PI * 2)
    ctx?.fill()
  }

  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    const from = lastPoint.current
    if (!from) return
    const to = pointOf(event)
    const ctx = context()
    if (!ctx) return
    ctx.beginPath()
    ctx.moveTo(from.x, from.y)
    ctx.lineTo(to.x, to.y)
    ctx.stroke()
    lastPoint.current = to
  }

  const end = () => {
    if (!lastPoint.current) return
    lastPoint.current = null
    if (canvasRef.current) onChange(canvasRef.current.toDataURL('image/png'))
  }

  const clear = () => {
    const canvas = canvasRef.current
    canvas?.getContext('2d')?.clearRect(0, 0, widthPx, heightPx)
    onChange(null)
  }

  return (
    <Box>
      <Text size="sm" fw={500} mb={4} id="signature-pad-label">
        {label}
      </Text>
      <canvas
        ref={canvasRef}
        width={widthPx}
        height={heightPx}
        role="img"
        aria-labelledby="signature-pad-label"
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        style={{
          display: 'block',
          width: '100%',
          maxWidth: widthPx,
          aspectRatio: `${widthPx} / ${heightPx}`,
          border: `2px dashed ${error ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-gray-5)'}`,
          borderRadius: 8,
          background: 'white',
          touchAction: 'none',
          cursor: 'crosshair',
        }}
      />
      <Group justify="space-between" maw={widthPx} mt={4}>
        <Text size="xs" c={error ? 'red' : 'dimmed'}>
          {error ?? 'Sign inside the box with a finger, pen or mouse.'}
        </Text>
        <Button variant="default" size="xs" onClick={clear}>
          Clear
        </Button>
      </Group>
    </Box>
  )
}
