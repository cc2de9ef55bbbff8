import { Alert, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { formatQuantity, negateQuantity, parseQuantity } from '../../../domain/ledger'
import { type Discrepancy, type LossKind, type Lot, useFileLossReport } from '../../api/ledger'
import { formatCalendarDate } from '../../lib/age'
import { useClinicalForm } from '../clinical-form'
import { FormActions } from '../form-actions'
import { MutationError } from '../mutation-error'
import { fromLocalInput, toLocalInput } from './datetime'
import { fieldError } from './field-messages'
import { LedgerFormModal } from './ledger-form-modal'
import { formatMg } from './ledger-format'
import { draftToMg, type QuantityDraft, QuantityField } from './quantity-field'

export const lossKindLabels: Record<LossKind, string> = {
  theft: 'Theft',
  'significant-loss': 'Significant loss',
  'in-transit-loss': 'Loss in transit',
}

interface LossReportModalProps {
  clinicId: string
  lots: Lot[]
  /** The count discrepancy this report explains, if any: its lot and shortfall are filled in. */
  discrepancy?: Discrepancy | null
  onClose: () => void
}

/**
 * Report a theft or significant loss (clinical-reference §8): the quantity leaves the books as a
 * loss entry, and two DEA deadlines start — the written notice within one business day of
 * discovery, and Form 106 within 45 days.
 */
export function LossReportModal({ clinicId, lots, discrepancy, onClose }: LossReportModalProps) {
  const file = useFileLossReport(clinicId)
  const error = file.error
  const shortfall = discrepancy?.differenceMg.startsWith('-')
    ? formatQuantity(negateQuantity(parseQuantity(discrepancy.differenceMg)))
    : ''
  const [lotId, setLotId] = useState<string | null>(discrepancy?.lotId ?? null)
  const [kind, setKind] = useState<LossKind>('theft')
  const { form, values, field } = useClinicalForm({ discoveredAt: toLocalInput(), description: '' }, error, {
    messageOf: fieldError,
  })
  const { discoveredAt, description } = values
  const [quantity, setQuantity] = useState<QuantityDraft>({ amount: shortfall, isInUnits: false })
  const [hints, setHints] = useState<Record<string, string | null>>({})
  const lot = lots.find((l) => l.id === lotId)
  const mg = lot ? draftToMg(lot, quantity) : null

  const submit = () => {
    const at = fromLocalInput(discoveredAt)
    const next = {
      lotId: lotId ? null : 'Choose the lot.',
      quantity: mg === null ? 'Enter the quantity lost.' : null,
      discoveredAt: at ? null : 'Enter when it was discovered.',
    }
    setHints(next)
    if (!lotId || mg === null || !at) return
    file.mutate(
      {
        lotId,
        kind,
        discoveredAt: at,
        description,
        quantity: mg,
        ...(discrepancy ? { discrepancyId: discrepancy.id } : {}),
      },
      {
        onSuccess: ({ report }) => {
          notifications.show({
            color: 'orange',
            autoClose: 10_000,
            message: `Loss reported. DEA notice due ${formatCalendarDate(report.deaNoticeDueOn)}; Form 106 due ${formatCalendarDate(report.form106DueOn)}.`,
          })
          onClose()
        },
      },
    )
  }

  return (
    <LedgerFormModal title="Report theft or significant loss" onClose={onClose} onSubmit={submit}>
      <Alert color="orange" variant="light" p="sm">
        <Text size="sm">
          Filing takes the quantity off the books as a loss and starts two deadlines: written notice to the
          DEA Field Division within 1 business day of discovery, and DEA Form 106 within 45 days.
        </Text>
      </Alert>
      {discrepancy && (
        <Text size="sm">
          For the count on lot {discrepancy.lotNumber} that was short by {formatMg(shortfall || '0')}. Filing
          closes that discrepancy.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Lot"
          data={lots.map((l) => ({ value: l.id, label: `${l.lotNumber} · ${l.drugLabel}` }))}
          value={lotId}
          onChange={setLotId}
          disabled={Boolean(discrepancy)}
          error={hints.lotId ?? fieldError(error, 'lotId') ?? fieldError(error, 'discrepancyId')}
          allowDeselect={false}
        />
        <Select
          label="Kind"
          data={Object.entries(lossKindLabels).map(([value, label]) => ({ value, label }))}
          value={kind}
          onChange={(v) => v && setKind(v as LossKind)}
          error={fieldError(error, 'kind')}
          allowDeselect={false}
        />
      </SimpleGrid>
      <TextInput
        label="Discovered at"
        type="datetime-local"
        {...form.getInputProps('discoveredAt')}
        max={toLocalInput()}
        error={hints.discoveredAt ?? fieldError(error, 'discoveredAt')}
        maw={260}
      />
      {lot ? (
        <QuantityField
          lot={lot}
          label="Quantity lost"
          value={quantity}
          onChange={setQuantity}
          error={hints.quantity ?? fieldError(error, 'quantity')}
        />
      ) : (
        <Text size="sm" c="dimmed">
          Choose the lot to enter the quantity.
        </Text>
      )}
      <Textarea
        label="What happened"
        placeholder="What is missing, where it was kept, who discovered it and how"
        {...field('description')}
        autosize
        minRows={3}
      />
      <MutationError
        error={error}
        placedFields={['lotId', 'kind', 'discoveredAt', 'description', 'quantity', 'discrepancyId']}
      />
      <FormActions submitLabel="File loss report" onCancel={onClose} color="red" isPending={file.isPending} />
    </LedgerFormModal>
  )
}
