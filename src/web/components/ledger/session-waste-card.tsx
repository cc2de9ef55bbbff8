import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { ledgerInputLimits } from '../../../domain/ledger'
import { type SessionDose, useSessionDose, useSessionWaste } from '../../api/ledger'
import { MutationError } from '../mutation-error'
import { formatMg } from './ledger-format'
import { checkWitness, emptyWitness, toWitnessProof, WitnessPanel, witnessFields } from './witness-panel'

interface SessionWasteCardProps {
  clinicId: string
  sessionId: string
  /** Changes whenever the session record does: the card refetches (a pump stop can owe a waste). */
  changeKey: string
  /** A dose may have been drawn for this session (an infusion with its dose set); no request otherwise. */
  hasDraw: boolean
  /** ledger:write — may record the waste (others see the card only). */
  canWrite: boolean
}

/**
 * "Waste owed": what was drawn for this session and not given, per lot, with the witnessed-waste
 * form (clinical-reference §8). Discharge is refused until it is recorded.
 */
export function SessionWasteCard({
  clinicId,
  sessionId,
  changeKey,
  hasDraw,
  canWrite,
}: SessionWasteCardProps) {
  const dose = useSessionDose(clinicId, sessionId, changeKey, hasDraw && canWrite)
  const owed = dose.data?.lots.filter((l) => l.owedMg !== '0') ?? []
  if (owed.length === 0) return null
  return (
    <Stack gap="sm">
      {owed.map((lot) => (
        <OwedLot key={lot.dispenseEntryId} clinicId={clinicId} sessionId={sessionId} lot={lot} />
      ))}
    </Stack>
  )
}

function OwedLot({
  clinicId,
  sessionId,
  lot,
}: {
  clinicId: string
  sessionId: string
  lot: SessionDose['lots'][number]
}) {
  const waste = useSessionWaste(clinicId, sessionId)
  const [witness, setWitness] = useState(emptyWitness)
  const [method, setMethod] = useState('Drug disposal container')
  const [hint, setHint] = useState<string | null>(null)
  const record = () => {
    const problem = checkWitness(witness, true)
    setHint(problem)
    const proof = toWitnessProof(witness)
    if (problem || !proof) return
    waste.mutate(
      { lotId: lot.lotId, quantity: lot.owedMg, method: method.trim() || null, witness: proof },
      { onError: () => witness.method === 'totp' && setWitness({ ...witness, secret: '' }) },
    )
  }
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      aria-label="Waste owed"
      style={{ borderColor: 'var(--mantine-color-orange-6)', borderWidth: 2 }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" c="orange.9">
          Waste owed: {formatMg(lot.owedMg)} of lot {lot.lotNumber}
        </Title>
        <Text size="sm">
          Drawn {formatMg(lot.drawnMg)}, given {formatMg(lot.givenMg ?? '0')} (from the pump record). Waste
          the rest with a witness before the patient is discharged.
        </Text>
        <TextInput
          label="How it was wasted"
          value={method}
          onChange={(e) => setMethod(e.currentTarget.value)}
          maxLength={ledgerInputLimits.wasteMethodMaxLength}
          size="md"
          maw={420}
        />
        <WitnessPanel
          clinicId={clinicId}
          value={witness}
          onChange={(value) => {
            setWitness(value)
            setHint(null)
          }}
          error={waste.error}
          isRequired
          hint={hint}
          vouchesFor={`they saw ${formatMg(lot.owedMg)} of lot ${lot.lotNumber} wasted`}
        />
        <MutationError error={waste.error} placedFields={[...witnessFields]} />
        {waste.isSuccess && (
          <Alert color="teal" variant="light">
            Waste recorded.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button size="lg" color="orange" onClick={record} loading={waste.isPending} maw="100%">
            Record witnessed waste
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
