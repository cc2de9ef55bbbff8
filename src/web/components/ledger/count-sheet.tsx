import { Alert, Badge, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import {
  type CountOccasion,
  type CountSheetLot,
  type CountSheetReply,
  type Discrepancy,
  useCountSheet,
  useSubmitCountSheet,
} from '../../api/ledger'
import { type Column, DataTable, figureColumn } from '../data-table'
import { FieldGroup } from '../field-group'
import { MutationError } from '../mutation-error'
import { ErrorAlert, PageLoader } from '../page-status'
import { ExpiryCell } from './expiry-badge'
import { fieldError } from './field-messages'
import { formatMg, groupDigits } from './ledger-format'
import { draftToMg } from './quantity-field'
import { checkWitness, emptyWitness, toWitnessProof, WitnessPanel, witnessFields } from './witness-panel'

const occasions: { value: CountOccasion; label: string }[] = [
  { value: 'opening', label: 'Opening' },
  { value: 'closing', label: 'Closing' },
  { value: 'shift', label: 'Shift' },
  { value: 'other', label: 'Other' },
]

interface CountSheetProps {
  clinicId: string
  /** Resolved discrepancies, so a row stops offering to resolve one that has been. */
  resolvedDiscrepancyIds: Set<string>
  onResolve: (discrepancy: Discrepancy) => void
  /** The sheet was recorded (true) or a new count started (false): the page may show balances again. */
  onRecorded: (isRecorded: boolean) => void
}

/**
 * The count sheet, counted blind (clinical-reference §8): the lots in stock without their balances,
 * one count per lot, a witness who counted alongside, and one submission for the whole sheet. Only
 * after it is recorded are the expected balances and any discrepancies shown.
 */
/** A count row's lot: its number, and the drug under it. */
function LotName({ lotNumber, drugLabel }: { lotNumber: string; drugLabel: string }) {
  return (
    <>
      <Text fw={600} size="sm">
        {lotNumber}
      </Text>
      <Text size="xs" c="dimmed">
        {drugLabel}
      </Text>
    </>
  )
}

export function CountSheet({ clinicId, resolvedDiscrepancyIds, onResolve, onRecorded }: CountSheetProps) {
  const sheet = useCountSheet(clinicId)
  const submit = useSubmitCountSheet(clinicId)
  const [occasion, setOccasion] = useState<CountOccasion>('opening')
  const [isInUnits, setIsInUnits] = useState(false)
  const [witness, setWitness] = useState(emptyWitness)
  const [amounts, setAmounts] = useState<Record<string, string>>({})
  const [hints, setHints] = useState<{ rows: Record<string, string>; witness: string | null }>({
    rows: {},
    witness: null,
  })
  const [reply, setReply] = useState<CountSheetReply | null>(null)

  if (sheet.isPending) return <PageLoader />
  if (sheet.isError) return <ErrorAlert error={sheet.error} title="Could not load the count sheet" />
  const lots = sheet.data.lots

  if (reply)
    return (
      <CountResults
        reply={reply}
        isOpen={(id) => !resolvedDiscrepancyIds.has(id)}
        onResolve={onResolve}
        onNewCount={() => {
          setReply(null)
          onRecorded(false)
          setAmounts({})
          setWitness(emptyWitness)
          submit.reset()
        }}
      />
    )

  const countedOf = (lot: CountSheetLot) => draftToMg(lot, { amount: amounts[lot.id] ?? '', isInUnits })
  const record = () => {
    const rows: Record<string, string> = {}
    for (const lot of lots)
      if (countedOf(lot) === null)
        rows[lot.id] = (amounts[lot.id] ?? '').trim() ? 'Enter a number.' : 'Enter the count.'
    const witnessProblem = checkWitness(witness, true)
    setHints({ rows, witness: witnessProblem })
    const proof = toWitnessProof(witness)
    if (Object.keys(rows).length > 0 || witnessProblem || !proof) return
    submit.mutate(
      {
        occasion,
        witness: proof,
        counts: lots.map((lot) => ({ lotId: lot.id, counted: countedOf(lot)! })),
      },
      {
        onSuccess: (result) => {
          setReply(result)
          onRecorded(true)
        },
        // An authenticator code works once: a refused sheet needs a fresh one.
        onError: () => witness.method === 'totp' && setWitness({ ...witness, secret: '' }),
      },
    )
  }

  return (
    <Stack gap="md">
      <Alert color="blue" variant="light" title="Blind count">
        Count what is in the safe without looking up the balance. The expected amounts are shown once the
        whole sheet is recorded.
      </Alert>
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
      <DataTable
        label="Count sheet"
        minWidth={320}
        rows={lots}
        rowKey={(lot) => lot.id}
        table={{ verticalSpacing: 'sm' }}
        columns={[
          {
            header: 'Lot',
            cell: (lot) => (
              <>
                <LotName lotNumber={lot.lotNumber} drugLabel={lot.drugLabel} />
                <ExpiryCell lot={lot} />
              </>
            ),
          },
          {
            header: 'Counted',
            cell: (lot) => (
              <TextInput
                aria-label={`Counted, lot ${lot.lotNumber}`}
                value={amounts[lot.id] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value.replace(/[^\d.]/g, '')
                  setAmounts((a) => ({ ...a, [lot.id]: value }))
                  setHints((h) => ({ ...h, rows: { ...h.rows, [lot.id]: '' } }))
                }}
                inputMode="decimal"
                rightSection={
                  <Text size="xs" c="dimmed">
                    {isInUnits ? (lot.unit === 'mL' ? 'mL' : 'dev') : 'mg'}
                  </Text>
                }
                rightSectionWidth={36}
                error={hints.rows[lot.id] || fieldError(submit.error, `counts.${lots.indexOf(lot)}.counted`)}
                w={120}
                size="md"
              />
            ),
          },
        ]}
      />
      {lots.length === 0 ? (
        <Text c="dimmed" ta="center" py="md">
          No lots in stock to count.
        </Text>
      ) : (
        <>
          <WitnessPanel
            clinicId={clinicId}
            value={witness}
            onChange={(value) => {
              setWitness(value)
              setHints((h) => ({ ...h, witness: null }))
            }}
            error={submit.error}
            isRequired
            hint={hints.witness}
            vouchesFor="they counted every lot on this sheet alongside you"
          />
          <MutationError
            error={submit.error}
            placedFields={[...witnessFields, ...lots.map((_, i) => `counts.${i}.counted`)]}
          />
          <Group justify="flex-end">
            <Button size="lg" onClick={record} loading={submit.isPending}>
              Record the count ({lots.length} {lots.length === 1 ? 'lot' : 'lots'})
            </Button>
          </Group>
        </>
      )}
    </Stack>
  )
}

type CountResult = CountSheetReply['results'][number]

function resultColumns(
  isOpen: (discrepancyId: string) => boolean,
  onResolve: (discrepancy: Discrepancy) => void,
): Column<CountResult>[] {
  return [
    { header: 'Lot', cell: (r) => <LotName lotNumber={r.lotNumber} drugLabel={r.drugLabel} /> },
    { header: 'Counted', ...figureColumn, cell: (r) => formatMg(r.countedMg) },
    { header: 'Expected', ...figureColumn, cell: (r) => formatMg(r.expectedMg) },
    {
      header: 'Result',
      cell: (r) =>
        r.discrepancy ? (
          <Group gap="xs">
            <Badge color="red" variant="filled">
              Discrepancy {groupDigits(r.differenceMg)} mg
            </Badge>
            {isOpen(r.discrepancy.id) ? (
              <Button size="compact-sm" color="red" variant="light" onClick={() => onResolve(r.discrepancy!)}>
                Resolve now
              </Button>
            ) : (
              <Text size="xs" c="teal.8">
                Resolved
              </Text>
            )}
          </Group>
        ) : (
          <Badge color="teal" variant="light">
            Matches
          </Badge>
        ),
    },
  ]
}

function CountResults({
  reply,
  isOpen,
  onResolve,
  onNewCount,
}: {
  reply: CountSheetReply
  isOpen: (discrepancyId: string) => boolean
  onResolve: (discrepancy: Discrepancy) => void
  onNewCount: () => void
}) {
  const differing = reply.results.filter((r) => r.discrepancy)
  return (
    <Stack gap="md" role="status" aria-label="Count recorded">
      <Alert
        color={differing.length ? 'red' : 'teal'}
        variant="light"
        title={
          differing.length
            ? `Count recorded: ${differing.length} ${differing.length === 1 ? 'lot differs' : 'lots differ'}`
            : 'Count recorded: every lot matches'
        }
      >
        Witnessed by {reply.witnessName}. A difference opens a discrepancy, resolved with a reason and a
        witness.
      </Alert>
      <DataTable
        label="Count results"
        minWidth={620}
        columns={resultColumns(isOpen, onResolve)}
        rows={reply.results}
        rowKey={(r) => r.lotId}
        table={{ verticalSpacing: 'sm' }}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onNewCount}>
          Start a new count
        </Button>
      </Group>
    </Stack>
  )
}
