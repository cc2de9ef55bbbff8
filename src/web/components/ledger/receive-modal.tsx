import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { type FormEvent, useState } from 'react'
import { formatQuantity, multiplyQuantity, parseQuantity } from '../../../domain/ledger'
import { type Drug, type Lot, type Party, useCreateLot, useMovement } from '../../api/ledger'
import { FieldGroup } from '../field-group'
import { MutationError } from '../mutation-error'
import { fieldError } from './field-messages'
import { formatMg, isMgText, unitLabel } from './ledger-format'
import { checkWitness, emptyWitness, toWitnessProof, WitnessPanel, witnessFields } from './witness-panel'

// Starting values only, all editable: the usual 50 mg/mL 10 mL vial; a 28 mg esketamine device
// (clinical-reference §3), sold in kits of 2 or 3.
const drugDefaults: Record<Drug, { strengthMg: string; unitsPerContainer: string }> = {
  'racemic-ketamine': { strengthMg: '50', unitsPerContainer: '10' },
  esketamine: { strengthMg: '28', unitsPerContainer: '2' },
}

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
  const [product, setProduct] = useState({
    ndc: '',
    product: '',
    strengthMg: drugDefaults['racemic-ketamine'].strengthMg,
    unitsPerContainer: drugDefaults['racemic-ketamine'].unitsPerContainer,
    lotNumber: '',
    expiresOn: '',
  })
  const [containerCount, setContainerCount] = useState<number | string>('')
  const [containerNumbers, setContainerNumbers] = useState('')
  const [invoiceNumber, setInvoiceNumber] = useState('')
  const [isOtherSupplier, setIsOtherSupplier] = useState(false)
  const [supplier, setSupplier] = useState<Party>({ name: '', address: '', dea: '' })
  const [witness, setWitness] = useState(emptyWitness)
  const [witnessHint, setWitnessHint] = useState<string | null>(null)
  const unit = (lot?.drug ?? drug) === 'esketamine' ? 'device' : 'mL'
  const strengthMg = lot?.strengthMg ?? product.strengthMg
  const unitsPerContainer = lot?.unitsPerContainer ?? product.unitsPerContainer
  const total = totalMg(containerCount, unitsPerContainer, strengthMg)
  const withSupplier = !lot || isOtherSupplier

  const chooseDrug = (next: Drug) => {
    setDrug(next)
    setProduct({ ...product, ...drugDefaults[next] })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const missing = checkWitness(witness, false)
    setWitnessHint(missing)
    if (missing) return
    const numbers = splitNumbers(containerNumbers)
    const common = {
      containerCount: typeof containerCount === 'number' ? containerCount : 0,
      ...(numbers.length > 0 ? { containerNumbers: numbers } : {}),
      invoiceNumber,
      ...(withSupplier ? { supplier } : {}),
      ...(toWitnessProof(witness) ? { witness: toWitnessProof(witness) } : {}),
    }
    const done = (reply: { lot: Lot }) => {
      notifications.show({
        color: 'teal',
        message: `Received into lot ${reply.lot.lotNumber}. Balance ${formatMg(reply.lot.balanceMg)}.`,
      })
      onClose()
    }
    const onError = () => setWitness((w) => ({ ...w, secret: '' }))
    if (lot) receipt.mutate({ path: 'receipts', body: common }, { onSuccess: done, onError })
    else createLot.mutate({ ...common, drug, unit, ...product, supplier }, { onSuccess: done, onError })
  }

  const text = (
    key: keyof typeof product,
    label: string,
    extra: Partial<React.ComponentProps<typeof TextInput>> = {},
  ) => (
    <TextInput
      label={label}
      value={product[key]}
      onChange={(e) => setProduct({ ...product, [key]: e.currentTarget.value })}
      error={fieldError(error, key)}
      {...extra}
    />
  )

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={lot ? `Receive more of lot ${lot.lotNumber}` : 'Receive a new lot'}
      size="xl"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {lot ? (
            <Text size="sm" c="dimmed">
              {lot.drugLabel} · {lot.product} · NDC {lot.ndc} · {unitLabel(lot.unit, lot.unitsPerContainer)}{' '}
              per container
            </Text>
          ) : (
            <>
              <FieldGroup label="Drug" error={fieldError(error, 'drug') ?? fieldError(error, 'unit')}>
                <SegmentedControl
                  value={drug}
                  onChange={(value) => chooseDrug(value as Drug)}
                  data={[
                    { value: 'racemic-ketamine', label: 'Ketamine HCl (vials)' },
                    { value: 'esketamine', label: 'Esketamine (nasal devices)' },
                  ]}
                />
              </FieldGroup>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {text('ndc', 'NDC', { placeholder: drug === 'esketamine' ? '50458-028-02' : '0409-2051-05' })}
                {text('lotNumber', 'Lot number')}
                {text('expiresOn', 'Expires on', { type: 'date' })}
              </SimpleGrid>
              {text('product', 'Product (finished form)', {
                placeholder:
                  drug === 'esketamine'
                    ? 'Spravato (esketamine) nasal spray 28 mg device, 2-device kit'
                    : 'Ketamine HCl injection, USP 50 mg/mL, 10 mL multiple-dose vial',
              })}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {text('strengthMg', unit === 'mL' ? 'Strength (mg per mL)' : 'Strength (mg per device)', {
                  inputMode: 'decimal',
                })}
                {text('unitsPerContainer', unit === 'mL' ? 'mL per vial' : 'Devices per package', {
                  inputMode: 'decimal',
                })}
              </SimpleGrid>
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Number of containers"
              value={containerCount}
              onChange={setContainerCount}
              min={1}
              max={10_000}
              allowDecimal={false}
              error={fieldError(error, 'containerCount')}
              description={total ? `${formatMg(total)} in all` : ' '}
            />
            <TextInput
              label="Invoice number"
              value={invoiceNumber}
              onChange={(e) => setInvoiceNumber(e.currentTarget.value)}
              error={fieldError(error, 'invoiceNumber')}
              description=" "
            />
          </SimpleGrid>
          <Textarea
            label="Container numbers (optional)"
            description="One per container, separated by commas or new lines"
            placeholder="V-101, V-102, V-103"
            value={containerNumbers}
            onChange={(e) => setContainerNumbers(e.currentTarget.value)}
            error={fieldError(error, 'containerNumbers')}
            autosize
            minRows={1}
          />
          {lot && (
            <Checkbox
              label={`From a supplier other than ${lot.supplierName}`}
              checked={isOtherSupplier}
              onChange={(e) => setIsOtherSupplier(e.currentTarget.checked)}
            />
          )}
          {withSupplier && (
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Supplier name"
                  value={supplier.name}
                  onChange={(e) => setSupplier({ ...supplier, name: e.currentTarget.value })}
                  error={fieldError(error, 'supplier.name')}
                />
                <TextInput
                  label="Supplier DEA number"
                  value={supplier.dea}
                  onChange={(e) => setSupplier({ ...supplier, dea: e.currentTarget.value.toUpperCase() })}
                  error={fieldError(error, 'supplier.dea')}
                />
              </SimpleGrid>
              <TextInput
                label="Supplier address"
                value={supplier.address}
                onChange={(e) => setSupplier({ ...supplier, address: e.currentTarget.value })}
                error={fieldError(error, 'supplier.address')}
              />
            </Stack>
          )}
          <WitnessPanel
            clinicId={clinicId}
            value={witness}
            onChange={setWitness}
            error={error}
            isRequired={false}
            hint={witnessHint}
            vouchesFor={`they saw ${total ? formatMg(total) : 'this delivery'} received and checked against the invoice`}
          />
          <MutationError error={error} placedFields={placedFields} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {lot ? 'Record receipt' : 'Receive lot'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
