import { Alert, Badge, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { signatureMeanings } from '../../../domain/access/signature-meanings'
import {
  describeLimit,
  doseLimitLabels,
  inputLimits,
  isWithinLimit,
  type LimitedInput,
} from '../../../domain/dosing'
import { isActionAllowed } from '../../../domain/session'
import { isApiError } from '../../api/client'
import type { SignerProof } from '../../api/eligibility'
import { type SessionView, type StockLot, useLotStock, useSessionAction } from '../../api/sessions'
import { ClinicalCard } from '../../components/clinical-card'
import { ClinicalFact } from '../../components/clinical-fact'
import { SignAndSubmit, useSignature } from '../../components/clinical-signing'
import { fieldError, MutationError } from '../../components/mutation-error'
import { toSignerProof } from '../../components/signature-box'
import { formatClock } from '../../lib/clock-format'
import { DoseOverridePanel, emptyDoseOverride, toDoseOverride } from './dose-override-panel'
import type { SectionProps } from './section-props'

/** A dose figure: its name small above, the value large. */
const Figure = ({ label, children }: { label: string; children: string }) => (
  <ClinicalFact label={label} fz={22} fw={700}>
    {children}
  </ClinicalFact>
)

export const mg = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${Math.round(n * 100) / 100} mg`

/** Issue 12: the hard input limit of a field as an inline error, before anything is sent. */
function limitError(value: number | string, limit: LimitedInput, label: string): string | undefined {
  if (value === '') return undefined
  return isWithinLimit(Number(value), inputLimits[limit])
    ? undefined
    : `${label} ${describeLimit(inputLimits[limit])}`
}

type DoseBody = {
  weightKg: number
  vialMgPerMl: number | null
  override?: ReturnType<typeof toDoseOverride>
}

/** The stock endpoint also sends each lot's strength (mg per mL or per device). */
type LotWithStrength = StockLot & { strengthMg?: string }

/** Issue 14 B: the lot chosen in the dose panel gives the concentration, so the two cannot differ. */
function LotChoice({
  lots,
  value,
  onChange,
}: {
  lots: LotWithStrength[]
  value: string | null
  onChange: (lot: LotWithStrength | null) => void
}) {
  return (
    <Select
      label="Lot to draw from"
      placeholder={lots.length ? 'Choose a lot' : 'No usable lot'}
      data={lots.map((l) => ({
        value: l.id,
        label: `Lot ${l.lotNumber} · ${l.strengthMg ?? '?'} mg/mL`,
      }))}
      value={value}
      onChange={(id) => onChange(lots.find((l) => l.id === id) ?? null)}
      size="lg"
      w={280}
      maw="100%"
    />
  )
}

function DoseForm(props: SectionProps & { lotId: string | null; onLot: (lotId: string | null) => void }) {
  const { view, clinicId, sessionId } = props
  const isIv = view.session.route === 'iv'
  const stock = useLotStock(clinicId, isIv && props.canDraw)
  const ivLots: LotWithStrength[] = usableLots(stock.data?.lots, 'racemic-ketamine', 0)
  const [weight, setWeight] = useState<number | string>(view.dose.weightKg ?? '')
  const [vial, setVial] = useState<number | string>(view.dose.vialMgPerMl ?? '')
  const chosenLot = ivLots.find((l) => l.id === props.lotId)
  const [override, setOverride] = useState(emptyDoseOverride)
  // Set when the server refused the dose beyond the §2 limits; cleared when a dose is accepted.
  const [refusal, setRefusal] = useState<string | null>(null)
  const setDose = useSessionAction<DoseBody>(clinicId, sessionId, (body) => ({ path: '/dose', body }))
  const weightError = limitError(weight, 'weightKg', 'Weight')
  const vialError = isIv ? limitError(vial, 'vialMgPerMl', 'Concentration') : undefined
  const signedOverride = refusal ? toDoseOverride(override) : undefined
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (weightError || vialError) return
    setDose.mutate(
      {
        weightKg: Number(weight),
        vialMgPerMl: isIv ? Number(vial) : null,
        ...(signedOverride ? { override: signedOverride } : {}),
      },
      {
        onSuccess: () => {
          setRefusal(null)
          setOverride(emptyDoseOverride)
        },
        onError: (error) => {
          if (isApiError(error) && Array.isArray(error.problem.limits))
            setRefusal(error.fieldErrors['override.reason'] ?? error.message)
        },
      },
    )
  }
  return (
    <ClinicalCard label="Dose calculation" title="Today's dose" onSubmit={submit}>
      <Text size="sm" c="dimmed">
        {view.plan.protocolName}
        {view.plan.doseMgPerKg ? ` · ${view.plan.doseMgPerKg} mg/kg (${view.plan.doseBasis} weight)` : ''}
        {view.plan.doseMg ? ` · ${view.plan.doseMg} mg` : ''}
      </Text>
      <Group align="flex-end" gap="md">
        <NumberInput
          label="Today's weight (kg)"
          value={weight}
          onChange={setWeight}
          min={inputLimits.weightKg.min}
          max={inputLimits.weightKg.max}
          clampBehavior="none"
          decimalScale={1}
          size="lg"
          w={200}
          error={weightError ?? fieldError(setDose.error, 'weightKg')}
        />
        {isIv && props.canDraw && (
          <LotChoice
            lots={ivLots}
            value={props.lotId}
            onChange={(lot) => {
              props.onLot(lot?.id ?? null)
              if (lot?.strengthMg) setVial(Number(lot.strengthMg))
            }}
          />
        )}
        {isIv && (
          <NumberInput
            label="Vial concentration (mg/mL)"
            description={chosenLot?.strengthMg ? `From lot ${chosenLot.lotNumber}` : undefined}
            value={vial}
            onChange={setVial}
            min={inputLimits.vialMgPerMl.min}
            max={inputLimits.vialMgPerMl.max}
            clampBehavior="none"
            size="lg"
            w={240}
            error={vialError ?? fieldError(setDose.error, 'vialMgPerMl')}
          />
        )}
        <Button
          type="submit"
          size="lg"
          loading={setDose.isPending}
          disabled={
            weight === '' ||
            (isIv && vial === '') ||
            Boolean(weightError || vialError) ||
            (refusal !== null && !signedOverride)
          }
        >
          {refusal
            ? 'Calculate with override'
            : view.dose.plannedDoseMg === null
              ? 'Calculate dose'
              : 'Recalculate'}
        </Button>
      </Group>
      {refusal && (
        <DoseOverridePanel
          clinicId={clinicId}
          self={{ userId: props.userId, canOverride: props.canOverride }}
          refusal={refusal}
          value={override}
          onChange={setOverride}
          error={setDose.error}
        />
      )}
      <MutationError
        error={setDose.error}
        placedFields={[
          'weightKg',
          'vialMgPerMl',
          ...(refusal
            ? [
                'override.reason',
                'override.signer.userId',
                'override.signer.password',
                'override.signer.totpCode',
              ]
            : []),
        ]}
      />
    </ClinicalCard>
  )
}

/** §2: the dose against the ceiling per kg of actual weight, and the override that allows it. */
function CeilingCheck({ view }: { view: SessionView }) {
  const limits = view.dose.limits
  if (!limits) return null
  const round = (x: number, digits = 2) => Number(x.toFixed(digits))
  return (
    <Stack gap={4} mt="sm" data-testid="ceiling-check">
      <Group gap="xs">
        <Text size="sm">
          Ceiling on actual weight ({view.dose.weightKg} kg): {round(limits.ceilingMg, 1)} mg ={' '}
          {limits.ceilingMgPerKg} mg/kg (default not yet verified by the clinic — review in Settings). This
          dose is <strong>{round(limits.doseMgPerKgOfActual)} mg/kg of actual weight</strong>.
        </Text>
        <Badge color={limits.isAboveCeiling ? 'red' : 'teal'} variant="light">
          {limits.isAboveCeiling ? 'Above the ceiling' : 'Within the ceiling'}
        </Badge>
      </Group>
      {limits.isCappedAtActual && (
        <Text size="sm" c="orange.8">
          The {view.dose.doseBasis} weight ({round(limits.basisWeightKg, 1)} kg) exceeds actual weight, so the
          dose is computed on actual weight.
        </Text>
      )}
      {limits.coveredByPlanOverride.length > 0 && (
        <Text size="sm" c="red.8">
          Allowed by the plan's signed override:{' '}
          {limits.coveredByPlanOverride.map((l) => doseLimitLabels[l]).join('; ')}.
        </Text>
      )}
      {limits.override && (
        <Text size="sm" c="red.8">
          Override signed by {limits.override.signerName}:{' '}
          {limits.override.limits.map((l) => doseLimitLabels[l]).join('; ')} — {limits.override.reason}
        </Text>
      )}
    </Stack>
  )
}

function DoseFigures({ view }: { view: SessionView }) {
  const d = view.dose
  if (d.plannedDoseMg === null) return null
  return (
    <ClinicalCard label="Dose" bg="gray.0" gap={0}>
      <SimpleGrid cols={{ base: 2, sm: view.session.route === 'iv' ? 5 : 3 }}>
        <Figure label="Dose">{mg(d.plannedDoseMg)}</Figure>
        {view.session.route === 'iv' ? (
          <>
            <Figure label="Over">{d.infusionMin ? `${d.infusionMin} min` : '—'}</Figure>
            <Figure label="Rate">
              {d.rateMgPerMin ? `${Math.round(d.rateMgPerMin * 1000) / 1000} mg/min` : '—'}
            </Figure>
            <Figure label="Pump">{d.rateMlPerHour ? `${d.rateMlPerHour} mL/h` : '—'}</Figure>
            <Figure label="Volume">{d.volumeMl ? `${d.volumeMl} mL` : '—'}</Figure>
          </>
        ) : (
          <>
            <Figure label="Devices">{view.devices ? `${view.devices.plan.deviceCount} × 28 mg` : '—'}</Figure>
            <Figure label="Weight">{d.weightKg ? `${d.weightKg} kg` : '—'}</Figure>
          </>
        )}
      </SimpleGrid>
      <CeilingCheck view={view} />
    </ClinicalCard>
  )
}

/** Second-person check: signed by someone other than who set the dose, on their own sign-in. */
function DoseCheck(props: SectionProps) {
  const { view, clinicId, sessionId, userId, hasAuthenticator, timeZone } = props
  const signing = useSignature(hasAuthenticator)
  const check = useSessionAction<SignerProof>(clinicId, sessionId, (body) => ({ path: '/dose/check', body }))
  const setBy = [...view.timeline].reverse().find((e) => e.kind === 'dose-set' && !e.enteredInError)
  if (view.dose.plannedDoseMg === null) return null
  if (view.dose.checkedBy)
    return (
      <Alert color="teal" variant="light" title="Dose checked by a second person">
        {view.dose.checkedBy}
        {view.dose.checkedAt ? ` at ${formatClock(view.dose.checkedAt, timeZone)}` : ''}
      </Alert>
    )
  if (setBy?.recordedById === userId)
    return (
      <Alert color="blue" variant="light" title="Second-person check needed">
        You set this dose, so someone else checks it: a second nurse or the prescriber opens this session on
        their own device, signed in as themselves, and signs the check there. This screen updates when they
        have.
      </Alert>
    )
  return (
    <ClinicalCard label="Second-person check" title="Second-person check">
      <Text size="sm">
        Set by {setBy?.recordedBy ?? 'a colleague'}. Check the weight, dose, rate and volume against the plan
        independently, then sign as yourself.
      </Text>
      <SignAndSubmit
        meaning={signatureMeanings.doseCheck}
        signing={signing}
        hasAuthenticator={hasAuthenticator}
        error={check.error}
        submitLabel="Sign dose check"
        isPending={check.isPending}
        onClick={() => check.mutate(toSignerProof(signing.signature), { onSuccess: signing.clear })}
      />
    </ClinicalCard>
  )
}

/** Lots that can supply `neededMg` of the drug now (not expired, enough left). */
export function usableLots(
  lots: StockLot[] | undefined,
  drug: StockLot['drug'],
  neededMg: number,
): StockLot[] {
  return (lots ?? []).filter(
    (l) => l.drug === drug && l.expiryStatus !== 'expired' && Number(l.balanceMg) >= neededMg,
  )
}

export const lotOption = (l: StockLot) => ({
  value: l.id,
  label: `Lot ${l.lotNumber} · ${l.balanceMg} mg left · expires ${l.expiresOn}${l.expiryStatus === 'expiring' ? ' (soon)' : ''}`,
})

function DrawDose(props: SectionProps & { lotId: string | null }) {
  const { view, clinicId, sessionId } = props
  const stock = useLotStock(clinicId, true)
  const draw = useSessionAction<{ lotId: string }>(clinicId, sessionId, (body) => ({
    path: '/dose/draw',
    body,
  }))
  const needed = view.dose.plannedDoseMg ?? 0
  // Only lots at the concentration the dose was calculated for (the server refuses any other).
  const lots = usableLots(stock.data?.lots, 'racemic-ketamine', needed).filter(
    (l: LotWithStrength) =>
      view.dose.vialMgPerMl === null ||
      l.strengthMg === undefined ||
      Number(l.strengthMg) === view.dose.vialMgPerMl,
  )
  const [chosen, setLotId] = useState<string | null>(null)
  const lotId = chosen ?? (lots.some((l) => l.id === props.lotId) ? props.lotId : null)
  const drawn = view.dose.drawnFromLots[0]
  if (drawn) {
    const lot = stock.data?.lots.find((l) => l.id === drawn.lotId)
    return (
      <Alert color="teal" variant="light" title="Dose drawn">
        {drawn.quantityMg} mg from {lot ? `lot ${lot.lotNumber}` : 'the lot'} (recorded in the ledger).
      </Alert>
    )
  }
  return (
    <ClinicalCard label="Draw the dose" title={`Draw ${mg(needed)} from a lot`}>
      {!stock.isPending && lots.length === 0 && view.dose.vialMgPerMl !== null && (
        <Alert color="orange" variant="light">
          No lot at {view.dose.vialMgPerMl} mg/mL with enough stock. Recalculate the dose with the
          concentration of a lot you have.
        </Alert>
      )}
      <Select
        label="Lot"
        placeholder={stock.isPending ? 'Loading stock…' : lots.length ? 'Choose a lot' : 'No usable lot'}
        data={lots.map(lotOption)}
        value={lotId}
        onChange={setLotId}
        size="md"
        error={fieldError(draw.error, 'lotId')}
        nothingFoundMessage="No lot with enough unexpired stock"
      />
      <MutationError error={draw.error} placedFields={['lotId']} />
      {fieldError(draw.error, 'concentrationMgPerMl') && (
        <Text size="sm" c="red.8">
          Concentration {fieldError(draw.error, 'concentrationMgPerMl')}
        </Text>
      )}
      <Group justify="flex-end">
        <Button
          size="md"
          disabled={!lotId}
          loading={draw.isPending}
          onClick={() => lotId && draw.mutate({ lotId })}
        >
          Draw dose
        </Button>
      </Group>
    </ClinicalCard>
  )
}

/**
 * Weight → dose, second-person check, the draw from a lot. The pump or the devices and the vitals
 * pad sit in the chair-side column (delivery-controls.tsx, vitals-pad.tsx), on screen in every phase.
 */
export function DosingSection(props: SectionProps) {
  const { view, canWrite, canDraw } = props
  // The lot chosen in the dose panel: its concentration fills the form, and it is offered at the draw.
  const [lotId, setLotId] = useState<string | null>(null)
  const isSettable = isActionAllowed('dose', view.session.state)
  const isIv = view.session.route === 'iv'
  return (
    <Stack gap="md">
      {canWrite && isSettable && <DoseForm {...props} lotId={lotId} onLot={setLotId} />}
      <DoseFigures view={view} />
      {canWrite && <DoseCheck {...props} />}
      {isIv && canDraw && view.dose.checkedBy && <DrawDose {...props} lotId={lotId} />}
    </Stack>
  )
}
