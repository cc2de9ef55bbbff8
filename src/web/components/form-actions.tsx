import { Button, Group, type MantineSpacing } from '@mantine/core'
import type { ReactNode } from 'react'

interface FormActionsProps {
  /** The submit button's words ("Add user", "Record receipt"). */
  submitLabel: ReactNode
  onCancel: () => void
  isPending?: boolean
  /** The submit button's colour, red for an act that cannot be taken back. */
  color?: string
  gap?: MantineSpacing
  /** A button to the left of Cancel and submit (another way out, such as reporting a loss instead). */
  aside?: ReactNode
}

/** A form's closing row: Cancel, then the submit button, on the right. */
export function FormActions({ submitLabel, onCancel, isPending, color, gap, aside }: FormActionsProps) {
  const buttons = (
    <Group justify={aside ? undefined : 'flex-end'} gap={gap}>
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" color={color} loading={isPending}>
        {submitLabel}
      </Button>
    </Group>
  )
  if (!aside) return buttons
  return (
    <Group justify="space-between">
      {aside}
      {buttons}
    </Group>
  )
}
