import { Checkbox, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { formatQuantity, multiplyQuantity, parseQuantity } from '../../../domain/ledger'
import { type Drug, type Lot, type Party, useCreateLot, useMovement } from '../../api/ledger'
import { FormActions } from '../form-actions'
import { MutationError } from '../mutation-error'
import { LedgerFormModal } from './ledger-form-modal'
import { formatMg, isMgText, unitLabel } from './ledger-format'
import {
  ContainerFields,
  drugDefaults,
  emptyContainers,
  emptyProduct,
  NewLotFields,
  SupplierFields,
} from './receive-fields'
import { useWitnessDraft, WitnessPanel, witnessFields } from './witness-panel'

const placedFields = [
  'drug',
  'ndc',
  'product',
  'strengthMg',
  'unit',
  'unitsPerContainer',
  'lotNumber',
  'expiresOn',
  'containerCount',
  'containerNumbers',
  'invoiceNumber',
  'supplier.name',
  'supplier.address',
  'supplier.dea',
  ...witnessFields,
]

/** "V-101, V-102\nV-103" → ["V-101", "V-102", "V-103"]. */
const splitNumbers = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((n) => n.trim())
    .filter(Boolean)

function totalMg(count: number | string, unitsPerContainer: string, strengthMg: string): string | null {
  if (typeof count !== 'number' || !isMgText(unitsPerContainer) || !isMgText(strengthMg)) return null
  try {
    const units = multiplyQuantity(parseQuantity(String(count)), parseQuantity(unitsPerContainer))
    return formatQuantity(multiplyQuantity(units, parseQuantity(strengthMg)))
  } catch {
    return null
  }
}

interface ReceiveModalProps {
  clinicId: string
  /** A further receipt of this lot; a new lot when absent. */
  lot?: Lot
  onClose: () => void
}

/** The receipt record of 21 CFR 1304.22(c): what, how much, from whom (with DEA number), invoice. */
export function ReceiveModal({ clinicId, lot, onClose }: ReceiveModalProps) {
  const createLot = useCreateLot(clinicId)
  const receipt = useMovement(clinicId, lot?.id ?? '')
  const mutation = lot ? receipt : createLot
  const error = mutation.error
  const [drug, setDrug] = useState<Drug>('racemic-ketamine')
  const [product, setProduct] = useState(emptyProduct)
  const [containers, setContainers] = useState(emptyContainers)
  const [isOtherSupplier, setIsOtherSupplier] = useState(false)
  const [supplier, setSupplier] = useState<Party>({ name: '', address: '', dea: '' })
  const witness = useWitnessDraft()
  const unit = (lot?.drug ?? drug) === 'esketamine' ? 'device' : 'mL'
  const strengthMg = lot?.strengthMg ?? product.strengthMg
  const unitsPerContainer = lot?.unitsPerContainer ?? product.unitsPerContainer
  const total = totalMg(containers.count, unitsPerContainer, strengthMg)
  const withSupplier = !lot || isOtherSupplier

  const chooseDrug = (next: Drug) => {
    setDrug(next)
    setProduct({ ...product, ...drugDefaults[next] })
  }

  const submit = () => {
    if (!witness.check(false)) return
    const proof = witness.proof()
    const numbers = splitNumbers(containers.numbers)
    const common = {
      containerCount: typeof containers.count === 'number' ? containers.count : 0,
      ...(numbers.length > 0 ? { containerNumbers: numbers } : {}),
      invoiceNumber: containers.invoiceNumber,
      ...(withSupplier ? { supplier } : {}),
      ...(proof ? { witness: proof } : {}),
    }
    const done = (reply: { lot: Lot }) => {
      notifications.show({
        color: 'teal',
        message: `Received into lot ${reply.lot.lotNumber}. Balance ${formatMg(reply.lot.balanceMg)}.`,
      })
      onClose()
    }
    const onError = witness.forgetSecret
    if (lot) receipt.mutate({ path: 'receipts', body: common }, { onSuccess: done, onError })
    else createLot.mutate({ ...common, drug, unit, ...product, supplier }, { onSuccess: done, onError })
  }

  return (
    <LedgerFormModal
      title={lot ? `Receive more of lot ${lot.lotNumber}` : 'Receive a new lot'}
      size="xl"
      onClose={onClose}
      onSubmit={submit}
    >
      {lot ? (
        <Text size="sm" c="dimmed">
          {lot.drugLabel} · {lot.product} · NDC {lot.ndc} · {unitLabel(lot.unit, lot.unitsPerContainer)} per
          container
        </Text>
      ) : (
        <NewLotFields
          drug={drug}
          onDrugChange={chooseDrug}
          product={product}
          onProductChange={setProduct}
          unit={unit}
          error={error}
        />
      )}
      <ContainerFields value={containers} onChange={setContainers} totalMg={total} error={error} />
      {lot && (
        <Checkbox
          label={`From a supplier other than ${lot.supplierName}`}
          checked={isOtherSupplier}
          onChange={(e) => setIsOtherSupplier(e.currentTarget.checked)}
        />
      )}
      {withSupplier && <SupplierFields supplier={supplier} onChange={setSupplier} error={error} />}
      <WitnessPanel
        clinicId={clinicId}
        {...witness.panel}
        error={error}
        isRequired={false}
        vouchesFor={`they saw ${total ? formatMg(total) : 'this delivery'} received and checked against the invoice`}
      />
      <MutationError error={error} placedFields={placedFields} />
      <FormActions
        submitLabel={lot ? 'Record receipt' : 'Receive lot'}
        onCancel={onClose}
        isPending={mutation.isPending}
      />
    </LedgerFormModal>
  )
}
