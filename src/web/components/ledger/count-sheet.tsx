import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import {
  type CountOccasion,
  type Discrepancy,
  type Lot,
  type MovementReply,
  useMovement,
} from '../../api/ledger'
import { FieldGroup } from '../field-group'
import { MutationError } from '../mutation-error'
import { ExpiryCell } from './expiry-badge'
import { fieldError } from './field-messages'
import { formatMg, groupDigits, unitLabel } from './ledger-format'
import { draftToMg } from './quantity-field'
import {
  checkWitness,
  emptyWitness,
  toWitnessProof,
  type WitnessDraft,
  WitnessPanel,
  witnessFields,
} from './witness-panel'

const occasions: { value: CountOccasion; label: string }[] = [
  { value: 'opening', label: 'Opening' },
  { value: 'closing', label: 'Closing' },
  { value: 'shift', label: 'Shift' },
  { value: 'other', label: 'Other' },
]

interface CountSheetProps {
  clinicId: string
  lots: Lot[]
  /** Resolved discrepancies, so a row stops offering to resolve one that has been. */
  resolvedDiscrepancyIds: Set<string>
  onResolve: (discrepancy: Discrepancy) => void
}

/**
 * The count sheet: each lot's expected balance beside what is counted. A count that differs from
 * the balance opens a discrepancy on the spot; the sheet shows it and offers to resolve it.
 */
export function CountSheet({ clinicId, lots, resolvedDiscrepancyIds, onResolve }: CountSheetProps) {
  const [occasion, setOccasion] = useState<CountOccasion>('opening')
  const [isInUnits, setIsInUnits] = useState(false)
  const [witness, setWitness] = useState(emptyWitness)

  return (
    <Stack gap="md">
      <Group gap="xl" align="flex-end">
        <FieldGroup label="Occasion">
          <SegmentedControl
            value={occasion}
            onChange={(v) => setOccasion(v as CountOccasion)}
            data={occasions}
          />
        </FieldGroup>
        <FieldGroup label="Count in">
          <SegmentedControl
            value={isInUnits ? 'units' : 'mg'}
            onChange={(v) => setIsInUnits(v === 'units')}
            data={[
              { value: 'mg', label: 'mg' },
              { value: 'units', label: 'mL or devices' },
            ]}
          />
        </FieldGroup>
      </Group>
      <WitnessPanel
        clinicId={clinicId}
        value={witness}
        onChange={setWitness}
        error={null}
        isRequired={false}
        vouchesFor="they counted alongside you (a password serves the whole sheet; an authenticator code, one lot)"
      />
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" aria-label="Count sheet">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lot</Table.Th>
              <Table.Th>Expiry</Table.Th>
              <Table.Th ta="right">Expected</Table.Th>
              <Table.Th>Counted</Table.Th>
              <Table.Th>Result</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lots.map((lot) => (
              <CountRow
                key={lot.id}
                clinicId={clinicId}
                lot={lot}
                occasion={occasion}
                isInUnits={isInUnits}
                witness={witness}
                onWitnessUsed={() => witness.method === 'totp' && setWitness({ ...witness, secret: '' })}
                isOpen={(id) => !resolvedDiscrepancyIds.has(id)}
                onResolve={onResolve}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {lots.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          No lots in stock to count.
        </Text>
      )}
    </Stack>
  )
}

interface CountRowProps {
  clinicId: string
  lot: Lot
  occasion: CountOccasion
  isInUnits: boolean
  witness: WitnessDraft
  onWitnessUsed: () => void
  isOpen: (discrepancyId: string) => boolean
  onResolve: (discrepancy: Discrepancy) => void
}

function CountRow(props: CountRowProps) {
  const { clinicId, lot, occasion, isInUnits, witness, onWitnessUsed, isOpen, onResolve } = props
  const count = useMovement(clinicId, lot.id)
  const [amount, setAmount] = useState('')
  const [hint, setHint] = useState<string | null>(null)
  const [result, setResult] = useState<MovementReply | null>(null)
  const counted = draftToMg(lot, { amount, isInUnits })
  const unitName = isInUnits ? (lot.unit === 'mL' ? 'mL' : 'devices') : 'mg'

  const record = () => {
    const witnessProblem = checkWitness(witness, false)
    setHint(counted === null ? 'Enter the count.' : witnessProblem)
    if (counted === null || witnessProblem) return
    const proof = toWitnessProof(witness)
    count.mutate(
      { path: 'counts', body: { counted, occasion, ...(proof ? { witness: proof } : {}) } },
      {
        onSuccess: (reply) => {
          setResult(reply)
          setAmount('')
        },
        onSettled: onWitnessUsed,
      },
    )
  }

  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text fw={600} size="sm">
            {lot.lotNumber}
          </Text>
          <Text size="xs" c="dimmed">
            {lot.drugLabel}
          </Text>
        </Table.Td>
        <Table.Td>
          <ExpiryCell lot={lot} />
        </Table.Td>
        <Table.Td ta="right">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatMg(lot.balanceMg)}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {unitLabel(lot.unit, lot.balanceUnits)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              aria-label={`Counted, lot ${lot.lotNumber}`}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value.replace(/[^\d.]/g, ''))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') record()
              }}
              inputMode="decimal"
              rightSection={
                <Text size="xs" c="dimmed">
                  {isInUnits ? (lot.unit === 'mL' ? 'mL' : 'dev') : 'mg'}
                </Text>
              }
              rightSectionWidth={36}
              error={hint ?? fieldError(count.error, 'counted')}
              w={150}
              placeholder={unitName}
            />
            <Button onClick={record} loading={count.isPending} variant="light">
              Record
            </Button>
          </Group>
        </Table.Td>
        <Table.Td>
          <CountResult result={result} isOpen={isOpen} onResolve={onResolve} />
        </Table.Td>
      </Table.Tr>
      {count.isError && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <MutationError error={count.error} placedFields={['counted', ...witnessFields]} />
            {witnessFields.some((f) => fieldError(count.error, f)) && (
              <Alert color="red" variant="light" p="xs">
                Witness: {witnessFields.map((f) => fieldError(count.error, f)).find(Boolean)}
              </Alert>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  )
}

function CountResult({
  result,
  isOpen,
  onResolve,
}: {
  result: MovementReply | null
  isOpen: (discrepancyId: string) => boolean
  onResolve: (discrepancy: Discrepancy) => void
}) {
  if (!result) return null
  const d = result.discrepancy
  if (!d)
    return (
      <Badge color="teal" variant="light">
        Matches
      </Badge>
    )
  return (
    <Stack gap={4} align="flex-start" role="status">
      <Badge color="red" variant="filled">
        Discrepancy {groupDigits(d.differenceMg)} mg
      </Badge>
      <Text size="xs">
        Counted {formatMg(d.countedMg)}, expected {formatMg(d.expectedMg)}
      </Text>
      {isOpen(d.id) ? (
        <Button size="compact-sm" color="red" variant="light" onClick={() => onResolve(d)}>
          Resolve now
        </Button>
      ) : (
        <Text size="xs" c="teal.8">
          Resolved
        </Text>
      )}
    </Stack>
  )
}
