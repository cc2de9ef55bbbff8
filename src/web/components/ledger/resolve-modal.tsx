import { Alert, Button, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { type Discrepancy, type Lot, useResolveDiscrepancy } from '../../api/ledger'
import { useClinicalForm } from '../clinical-form'
import { FieldGroup } from '../field-group'
import { FormActions } from '../form-actions'
import { MutationError } from '../mutation-error'
import { fieldError } from './field-messages'
import { LedgerFormModal } from './ledger-form-modal'
import { formatMg, groupDigits, mgInUnits } from './ledger-format'
import { draftToMg, emptyQuantity, QuantityField } from './quantity-field'
import { useWitnessDraft, WitnessPanel, witnessFields } from './witness-panel'

function Fact({ label, value, hint }: { label: string; value: string; hint?: string | null }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  )
}

interface ResolveModalProps {
  clinicId: string
  discrepancy: Discrepancy
  lot: Lot | undefined
  onClose: () => void
  /** Reloads the discrepancy after someone else changed it (a stale version). */
  onReload: () => void
  /** Opens the theft/loss report for this discrepancy instead. */
  onReportLoss: (discrepancy: Discrepancy) => void
}

/**
 * Resolve a count that differed from the balance, with a reason and a witness: an adjustment entry
 * for the difference, or a recount that matches the balance after all.
 */
export function ResolveModal({
  clinicId,
  discrepancy: d,
  lot,
  onClose,
  onReload,
  onReportLoss,
}: ResolveModalProps) {
  const resolve = useResolveDiscrepancy(clinicId)
  const [way, setWay] = useState<'adjustment' | 'recount'>('adjustment')
  const [recount, setRecount] = useState(emptyQuantity)
  const { values, field } = useClinicalForm({ reason: '' }, resolve.error, { messageOf: fieldError })
  const { reason } = values
  const witness = useWitnessDraft()
  const [recountHint, setRecountHint] = useState<string | null>(null)
  const error = resolve.error
  const strength = lot ?? { strengthMg: '1', unit: 'mL' as const }
  const recounted = draftToMg(strength, recount)

  const submit = () => {
    const isWitnessComplete = witness.check(true)
    const missingRecount = way === 'recount' && recounted === null ? 'Enter the recount.' : null
    setRecountHint(missingRecount)
    if (!isWitnessComplete || missingRecount) return
    resolve.mutate(
      {
        discrepancyId: d.id,
        reason,
        ...(way === 'recount' && recounted ? { recounted } : {}),
        witness: witness.proof()!,
        version: d.version,
      },
      {
        onSuccess: (reply) => {
          notifications.show({
            color: 'teal',
            message:
              reply.discrepancy.resolution === 'recount'
                ? `Discrepancy on lot ${d.lotNumber} closed by a matching recount.`
                : `Discrepancy on lot ${d.lotNumber} resolved by an adjustment of ${groupDigits(reply.entry.changeMg)} mg.`,
          })
          onClose()
        },
        onError: witness.forgetSecret,
      },
    )
  }

  return (
    <LedgerFormModal title={`Resolve discrepancy — lot ${d.lotNumber}`} onClose={onClose} onSubmit={submit}>
      <SimpleGrid cols={3}>
        <Fact label="Expected" value={formatMg(d.expectedMg)} hint={lot && mgInUnits(lot, d.expectedMg)} />
        <Fact label="Counted" value={formatMg(d.countedMg)} hint={lot && mgInUnits(lot, d.countedMg)} />
        <Fact label="Difference" value={`${groupDigits(d.differenceMg)} mg`} />
      </SimpleGrid>
      {d.status !== 'open' ? (
        <Alert color="blue" variant="light">
          This discrepancy is already resolved.
        </Alert>
      ) : (
        <>
          <FieldGroup label="Resolve by">
            <SegmentedControl
              value={way}
              onChange={(v) => setWay(v as typeof way)}
              data={[
                { value: 'adjustment', label: `Adjust balance by ${groupDigits(d.differenceMg)} mg` },
                { value: 'recount', label: 'Recount matches balance' },
              ]}
            />
          </FieldGroup>
          {way === 'recount' && lot && (
            <QuantityField
              lot={lot}
              label="Recounted"
              description={`Must equal the balance, ${formatMg(d.expectedMg)}, to close without an adjustment`}
              value={recount}
              onChange={setRecount}
              error={recountHint ?? fieldError(error, 'recounted')}
            />
          )}
          <Textarea
            label="Reason"
            placeholder="What explains the difference"
            {...field('reason')}
            autosize
            minRows={2}
          />
          <WitnessPanel
            clinicId={clinicId}
            {...witness.panel}
            error={error}
            isRequired
            vouchesFor={`this resolution of the ${groupDigits(d.differenceMg)} mg difference on lot ${d.lotNumber}`}
          />
          <MutationError
            mutation={resolve}
            placedFields={['reason', 'recounted', ...witnessFields]}
            onReload={onReload}
          />
          <FormActions
            submitLabel="Resolve"
            onCancel={onClose}
            isPending={resolve.isPending}
            aside={
              <Button variant="subtle" color="red" onClick={() => onReportLoss(d)}>
                Report as theft or loss instead…
              </Button>
            }
          />
        </>
      )}
    </LedgerFormModal>
  )
}
