import { Button, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useMarkInError } from '../api/patients'
import type { Column } from './data-table'
import { NoteModal } from './note-modal'

interface MarkInErrorButtonProps {
  clinicId: string
  patientId: string
  /** Path segment of the entry's collection: measurements, trials, responses, vitals. */
  collection: string
  entryId: string
  /** What the entry is, for the dialog title ("weight of 12 Mar 2025"). */
  description: string
}

/** Nothing clinical is deleted: the entry is marked, struck through, with who and why. */
export function MarkInErrorButton({
  clinicId,
  patientId,
  collection,
  entryId,
  description,
}: MarkInErrorButtonProps) {
  const [isOpen, modal] = useDisclosure(false)
  const [reason, setReason] = useState('')
  const mark = useMarkInError(clinicId, patientId)

  const close = () => {
    mark.reset()
    setReason('')
    modal.close()
  }

  return (
    <>
      <Button variant="subtle" color="gray" size="compact-sm" onClick={modal.open}>
        Entered in error
      </Button>
      <NoteModal
        opened={isOpen}
        onClose={close}
        title="Mark entered in error"
        intro={`The ${description} stays in the record, struck through, with your name and the reason.`}
        label="Reason"
        minRows={2}
        field="reason"
        value={reason}
        onChange={setReason}
        onSubmit={() => mark.mutate({ collection, entryId, reason: reason.trim() }, { onSuccess: close })}
        error={mark.error}
        isPending={mark.isPending}
        submitLabel="Mark in error"
      />
    </>
  )
}

/** Text of a corrected entry: struck through and dimmed. */
export const struckStyle = { textDecoration: 'line-through', opacity: 0.6 } as const

interface MarkInErrorColumnOptions<T> {
  clinicId: string
  patientId: string
  canWrite: boolean
  /** Path segment of the entries' collection: measurements, trials, responses, vitals. */
  collection: string
  /** What one entry is, for the dialog ("measurement of 72 kg"). */
  entryDescription: (row: T) => string
  /** The reason shows in this column once marked (false: another column shows it). */
  showsReason?: boolean
  header?: string
}

/** A correctable table's last column: the "Entered in error" button, or the reason once marked. */
export function markInErrorColumn<T extends { id: string; enteredInError: { reason: string } | null }>(
  options: MarkInErrorColumnOptions<T>,
): Column<T> {
  const {
    clinicId,
    patientId,
    canWrite,
    collection,
    entryDescription,
    showsReason = true,
    header = null,
  } = options
  return {
    header,
    td: { ta: 'right' },
    cell: (row) => {
      if (row.enteredInError) {
        return showsReason ? <Text size="xs">Entered in error: {row.enteredInError.reason}</Text> : null
      }
      if (!canWrite) return null
      return (
        <MarkInErrorButton
          clinicId={clinicId}
          patientId={patientId}
          collection={collection}
          entryId={row.id}
          description={entryDescription(row)}
        />
      )
    },
  }
}

/** The row style of a correctable entry: struck through once it is marked entered in error. */
export const struckIfInError = (row: { enteredInError: unknown }) =>
  row.enteredInError ? struckStyle : undefined
