import { Alert, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { type Lot, type Movement, useMovement } from '../../api/ledger'
import { useClinicalForm } from '../clinical-form'
import { FormActions } from '../form-actions'
import { MutationError } from '../mutation-error'
import { fieldError } from './field-messages'
import { LedgerFormModal } from './ledger-form-modal'
import { formatMg } from './ledger-format'
import { draftToMg, emptyQuantity, QuantityField } from './quantity-field'
import { useWitnessDraft, WitnessPanel, witnessFields } from './witness-panel'

export type MovementKind = 'waste' | 'breakage' | 'return' | 'transfer'

const titles: Record<MovementKind, string> = {
  waste: 'Waste',
  breakage: 'Breakage or spill',
  return: 'Return to supplier',
  transfer: 'Transfer to another registrant',
}

const verbs: Record<MovementKind, string> = {
  waste: 'the waste',
  breakage: 'the breakage',
  return: 'the return',
  transfer: 'the transfer',
}

const placedFields = [
  'quantity',
  'reason',
  'method',
  'document',
  'recipient.name',
  'recipient.address',
  'recipient.dea',
  ...witnessFields,
]

interface MovementModalProps {
  clinicId: string
  lot: Lot
  kind: MovementKind
  wasteWitnessRequired: boolean
  onClose: () => void
}

/** Waste, breakage, a return or a transfer from one lot, witnessed on the same screen. */
export function MovementModal({ clinicId, lot, kind, wasteWitnessRequired, onClose }: MovementModalProps) {
  const movement = useMovement(clinicId, lot.id)
  const [quantity, setQuantity] = useState(emptyQuantity)
  const { form, values, field } = useClinicalForm(
    { reason: '', method: '', recipient: { name: '', address: '', dea: '' }, document: '' },
    movement.error,
    { messageOf: fieldError },
  )
  const { reason, method, recipient, document } = values
  const witness = useWitnessDraft()
  const [hint, setHint] = useState<string | null>(null)
  const isShipment = kind === 'return' || kind === 'transfer'
  const isWitnessRequired = kind === 'breakage' || (kind === 'waste' && wasteWitnessRequired)
  const error = movement.error
  const mg = draftToMg(lot, quantity)

  const submit = () => {
    const isWitnessComplete = witness.check(isWitnessRequired)
    setHint(mg === null ? 'Enter the quantity.' : null)
    if (mg === null || !isWitnessComplete) return
    const proof = witness.proof()
    const request: Movement =
      kind === 'waste'
        ? { path: 'waste', body: { quantity: mg, reason, method: method || null, ...withWitness(proof) } }
        : kind === 'breakage'
          ? { path: 'breakage', body: { quantity: mg, reason, witness: proof! } }
          : {
              path: kind === 'return' ? 'returns' : 'transfers',
              body: { quantity: mg, recipient, document, reason: reason || null, ...withWitness(proof) },
            }
    movement.mutate(request, {
      onSuccess: (reply) => {
        notifications.show({
          color: 'teal',
          message: `${titles[kind]} of ${formatMg(reply.entry.quantityMg)} recorded on lot ${lot.lotNumber}. Balance ${formatMg(reply.lot.balanceMg)}.`,
        })
        onClose()
      },
      onError: witness.forgetSecret,
    })
  }

  return (
    <LedgerFormModal title={`${titles[kind]} — lot ${lot.lotNumber}`} onClose={onClose} onSubmit={submit}>
      <Text size="sm" c="dimmed">
        {lot.drugLabel} · {lot.product} · on hand {formatMg(lot.balanceMg)}
      </Text>
      {lot.expiryStatus === 'expired' && kind === 'waste' && (
        <Alert color="red" variant="light" p="xs">
          This lot has expired: expired stock is usually returned to a reverse distributor.
        </Alert>
      )}
      <QuantityField
        lot={lot}
        label="Quantity"
        value={quantity}
        onChange={setQuantity}
        error={hint ?? fieldError(error, 'quantity')}
      />
      {isShipment && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Recipient name" {...field('recipient.name')} />
            <TextInput
              label="Recipient DEA number"
              {...field('recipient.dea')}
              onChange={(e) => form.setFieldValue('recipient.dea', e.currentTarget.value.toUpperCase())}
            />
          </SimpleGrid>
          <TextInput label="Recipient address" {...field('recipient.address')} />
          <TextInput
            label={kind === 'return' ? 'Invoice or return authorization number' : 'Transfer record number'}
            {...field('document')}
          />
        </>
      )}
      <Textarea
        label={isShipment ? 'Note (optional)' : 'Reason'}
        placeholder={kind === 'waste' ? 'e.g. Remainder of opened vial after infusion' : undefined}
        {...field('reason')}
        autosize
        minRows={2}
      />
      {kind === 'waste' && (
        <TextInput
          label="Method (optional)"
          placeholder="e.g. Drug disposal container"
          {...field('method')}
        />
      )}
      <WitnessPanel
        clinicId={clinicId}
        {...witness.panel}
        error={error}
        isRequired={isWitnessRequired}
        vouchesFor={`${verbs[kind]} of ${mg ? formatMg(mg) : 'this quantity'} from lot ${lot.lotNumber}`}
      />
      <MutationError error={error} placedFields={placedFields} />
      <FormActions
        submitLabel={`Record ${titles[kind].toLowerCase()}`}
        onCancel={onClose}
        isPending={movement.isPending}
      />
    </LedgerFormModal>
  )
}

function withWitness<W>(proof: W | undefined): { witness?: W } {
  return proof ? { witness: proof } : {}
}
