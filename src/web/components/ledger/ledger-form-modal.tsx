import { type MantineSize, Modal, Stack } from '@mantine/core'
import type { FormEvent, ReactNode } from 'react'

interface LedgerFormModalProps {
  title: string
  size?: MantineSize
  onClose: () => void
  /** Called on submit; the form checks its own fields (noValidate), so hints name what is missing. */
  onSubmit: () => void
  children: ReactNode
}

/** The ledger's dialogs: one form in a centred modal, its fields stacked. */
export function LedgerFormModal({ title, size = 'lg', onClose, onSubmit, children }: LedgerFormModalProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={title}
      size={size}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">{children}</Stack>
      </form>
    </Modal>
  )
}
