import { Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import type { FormEvent, ReactNode } from 'react'
import { fieldError, MutationError } from './mutation-error'

interface ReasonModalProps {
  opened: boolean
  onClose: () => void
  title: string
  /** What the dialog is about, above the reason. */
  intro?: ReactNode
  reasonLabel: string
  reason: string
  onReason: (reason: string) => void
  /** The field of the write the reason is sent as; its error shows under the box. */
  reasonField?: string
  isRequired?: boolean
  hasAutofocus?: boolean
  hasStrongLabel?: boolean
  gap?: 'sm' | 'md'
  error: unknown
  cancelLabel?: string
  confirmLabel: string
  confirmColor?: string
  isBlocked?: boolean
  isPending: boolean
  onConfirm: () => void
}

/** A dialog that asks why (resolve, withdraw, cancel, abort) and does it: a reason, Cancel, the action. */
export function ReasonModal({
  opened,
  onClose,
  title,
  intro,
  reasonLabel,
  reason,
  onReason,
  reasonField,
  isRequired = false,
  hasAutofocus = false,
  hasStrongLabel = false,
  gap = 'md',
  error,
  cancelLabel = 'Cancel',
  confirmLabel,
  confirmColor,
  isBlocked = false,
  isPending,
  onConfirm,
}: ReasonModalProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onConfirm()
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit}>
        <Stack gap={gap}>
          {intro}
          <Textarea
            label={reasonLabel}
            value={reason}
            onChange={(event) => onReason(event.currentTarget.value)}
            error={reasonField ? fieldError(error, reasonField) : undefined}
            required={isRequired}
            withAsterisk={false}
            autosize
            minRows={2}
            data-autofocus={hasAutofocus || undefined}
            styles={
              hasStrongLabel
                ? { label: { color: 'var(--mantine-color-dark-9)', fontWeight: 600 } }
                : undefined
            }
          />
          <MutationError error={error} placedFields={reasonField ? [reasonField] : []} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {cancelLabel}
            </Button>
            <Button type="submit" color={confirmColor} disabled={isBlocked} loading={isPending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
