import { Modal, Stack, Text, Textarea } from '@mantine/core'
import type { FormEvent, ReactNode } from 'react'
import { FormActions } from './form-actions'
import { fieldError, MutationError } from './mutation-error'

interface NoteModalProps {
  opened: boolean
  onClose: () => void
  title: string
  /** What the note is about, above the field. */
  intro: ReactNode
  label: string
  description?: string
  minRows: number
  /** The body member the server names in a field problem ('reason', 'note'). */
  field: string
  value: string
  onChange: (value: string) => void
  onSubmit: () => void
  error: unknown
  isPending: boolean
  submitLabel: string
}

/** A signed act that needs a written reason: marking an entry in error, acknowledging an alert. */
export function NoteModal(props: NoteModalProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onSubmit()
  }
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm">{props.intro}</Text>
          <Textarea
            label={props.label}
            description={props.description}
            value={props.value}
            onChange={(event) => props.onChange(event.currentTarget.value)}
            error={fieldError(props.error, props.field)}
            minLength={3}
            required
            withAsterisk={false}
            autosize
            minRows={props.minRows}
            data-autofocus
          />
          <MutationError error={props.error} placedFields={[props.field]} />
          <FormActions
            submitLabel={props.submitLabel}
            onCancel={props.onClose}
            color="red"
            isPending={props.isPending}
          />
        </Stack>
      </form>
    </Modal>
  )
}
