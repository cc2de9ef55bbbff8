import { NumberInput, SegmentedControl, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import type { ComponentProps } from 'react'
import { ledgerInputLimits } from '../../../domain/ledger'
import type { Drug, LotUnit, Party } from '../../api/ledger'
import { partTextFields } from '../clinical-form'
import { FieldGroup } from '../field-group'
import { fieldError } from './field-messages'
import { formatMg } from './ledger-format'

// The parts of the receipt form (receive-modal.tsx): what a new lot is, and who supplied it.

// Starting values only, all editable: the usual 50 mg/mL 10 mL vial; a 28 mg esketamine device
// (clinical-reference §3), sold in kits of 2 or 3.
export const drugDefaults: Record<Drug, { strengthMg: string; unitsPerContainer: string }> = {
  'racemic-ketamine': { strengthMg: '50', unitsPerContainer: '10' },
  esketamine: { strengthMg: '28', unitsPerContainer: '2' },
}

export interface ProductFields {
  ndc: string
  product: string
  strengthMg: string
  unitsPerContainer: string
  lotNumber: string
  expiresOn: string
}

export const emptyProduct: ProductFields = {
  ndc: '',
  product: '',
  ...drugDefaults['racemic-ketamine'],
  lotNumber: '',
  expiresOn: '',
}

interface NewLotFieldsProps {
  drug: Drug
  onDrugChange: (drug: Drug) => void
  product: ProductFields
  onProductChange: (product: ProductFields) => void
  unit: LotUnit
  error: unknown
}

/** The product a new lot is: drug, NDC, lot number, expiry, finished form and strength. */
export function NewLotFields({
  drug,
  onDrugChange,
  product,
  onProductChange,
  unit,
  error,
}: NewLotFieldsProps) {
  const productField = partTextFields(product, onProductChange, error, fieldError)
  const text = (
    key: keyof ProductFields,
    label: string,
    extra: Partial<ComponentProps<typeof TextInput>> = {},
  ) => <TextInput label={label} {...productField(key)} {...extra} />
  return (
    <>
      <FieldGroup label="Drug" error={fieldError(error, 'drug') ?? fieldError(error, 'unit')}>
        <SegmentedControl
          value={drug}
          onChange={(value) => onDrugChange(value as Drug)}
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
  )
}

interface SupplierFieldsProps {
  supplier: Party
  onChange: (supplier: Party) => void
  error: unknown
}

/** The supplier of 21 CFR 1304.22(c): name, address and DEA registration. */
export function SupplierFields({ supplier, onChange, error }: SupplierFieldsProps) {
  const field = partTextFields(supplier, onChange, error, fieldError)
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Supplier name" {...field('name', 'supplier.name')} />
        <TextInput
          label="Supplier DEA number"
          {...field('dea', 'supplier.dea', (text) => text.toUpperCase())}
        />
      </SimpleGrid>
      <TextInput label="Supplier address" {...field('address', 'supplier.address')} />
    </Stack>
  )
}

export interface ContainerInput {
  /** '' until a number is typed (Mantine's NumberInput). */
  count: number | string
  /** As typed: one per container, separated by commas or new lines. */
  numbers: string
  invoiceNumber: string
}

export const emptyContainers: ContainerInput = { count: '', numbers: '', invoiceNumber: '' }

interface ContainerFieldsProps {
  value: ContainerInput
  onChange: (value: ContainerInput) => void
  /** The whole receipt in mg, when the count and strength are known. */
  totalMg: string | null
  error: unknown
}

/** How much arrived and on which invoice. */
export function ContainerFields({ value, onChange, totalMg, error }: ContainerFieldsProps) {
  const field = partTextFields(value, onChange, error, fieldError)
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label="Number of containers"
          value={value.count}
          onChange={(count) => onChange({ ...value, count })}
          min={1}
          max={ledgerInputLimits.containerCountMax}
          allowDecimal={false}
          error={fieldError(error, 'containerCount')}
          description={totalMg ? `${formatMg(totalMg)} in all` : ' '}
        />
        <TextInput label="Invoice number" {...field('invoiceNumber')} description=" " />
      </SimpleGrid>
      <Textarea
        label="Container numbers (optional)"
        description="One per container, separated by commas or new lines"
        placeholder="V-101, V-102, V-103"
        {...field('numbers', 'containerNumbers')}
        autosize
        minRows={1}
      />
    </>
  )
}
