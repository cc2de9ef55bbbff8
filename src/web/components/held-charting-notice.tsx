import { Alert } from '@mantine/core'
import { useMemo } from 'react'
import { heldForOthers } from './held-charting'

/**
 * Tells the user signed in now that charting from someone else's locked sign-in is held on this
 * device: it is never sent under their name, and goes when its own author signs in here again.
 */
export function HeldChartingNotice({ userId }: { userId: string }) {
  const held = useMemo(() => heldForOthers(userId), [userId])
  if (held.length === 0) return null
  return (
    <Alert color="yellow" variant="light" mb="md" title="Charting held for another nurse">
      {held.map((h) => (
        <span key={h.userId}>
          {h.count === 1 ? '1 charting entry' : `${h.count} charting entries`} by {h.name} could not be sent
          before their sign-in ended. {h.count === 1 ? 'It is' : 'They are'} kept on this device and sent only
          when {h.name} signs in here again — not under your name.{' '}
        </span>
      ))}
    </Alert>
  )
}
