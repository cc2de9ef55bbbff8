import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Text,
  Textarea,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import {
  calculateIvDose,
  type DoseSettings,
  defaultDoseSettings,
  describeLimit,
  esketamineDoseOptionsMg,
  esketamineStartDose,
  type IvDose,
  type IvProtocol,
  inputLimits,
  isWithinLimit,
  listProtocols,
  type Protocol,
  planDoseFindings,
  type WeightBasis,
} from '../../../domain/dosing'
import { DomainValidationError } from '../../../domain/errors'
import { type Chart, useChart } from '../../api/chart'
import { type PlanInput, useCreatePlan } from '../../api/plans'
import { useClinicSetting } from '../../api/settings'
import { ClinicalCard } from '../../components/clinical-card'
import { FieldGroup } from '../../components/field-group'
import { fieldError, MutationError } from '../../components/mutation-error'
import { EsketamineDosePreview, frequencyLabels } from './esketamine-dose-preview'
import { IvDosePreview } from './iv-dose-preview'

const protocols = listProtocols()
/** Where a protocol comes from, in clinic words (the reference section stays in the rule catalogue). */
function sourceLabel(protocol: Protocol): string {
  const words = protocol.source
    .replace(/clinical-reference\.md\s*(§\d+)?/u, '')
    .replace(/[()]/g, '')
    .trim()
  if (words) return words
  return protocol.route === 'iv-infusion'
    ? 'published IV ketamine studies and the APA consensus statement'
    : 'the Spravato label'
}

export function cadenceOptions(protocol: Protocol): { value: string; label: string }[] {
  if (protocol.route === 'iv-infusion')
    return protocol.cadences.map((c) => ({
      value: c.id,
      label: `${c.sessionsPerWeek} per week over ${c.courseDays} days (${c.source
        .replace(/✅|⚠️|🔶|§\d+/gu, '')
        .trim()})`,
    }))
  const frequencies = [...new Set(protocol.phases.flatMap((p) => p.frequencies))]
  return ['label-schedule', ...frequencies].map((f) => ({ value: f, label: frequencyLabels[f] ?? f }))
}

// §3: from 65 the TRD schedule starts at 28 mg and then allows 28, 56 or 84 mg (the server checks too).
function doseOptionsMg(protocol: Protocol, ageYears: number | null): number[] {
  if (protocol.route === 'iv-infusion') return []
  return esketamineDoseOptionsMg(protocol, ageYears)
}

function startDoseMg(protocol: Protocol, ageYears: number | null): number | null {
  if (protocol.route === 'iv-infusion') return null
  return ageYears === null ? protocol.firstDoseMg : esketamineStartDose(protocol, ageYears).doseMg
}

interface PlanDraft {
  protocolId: string
  doseBasis: WeightBasis
  doseMgPerKg: number | string
  doseMg: string
  maxDoseMgPerKg: number | string
  doseAboveActualWeight: boolean
  plannedSessions: number | string
  cadence: string
  note: string
}

function draftFor(protocol: Protocol, ageYears: number | null): PlanDraft {
  const isIv = protocol.route === 'iv-infusion'
  return {
    protocolId: protocol.id,
    doseBasis: 'actual',
    doseMgPerKg: isIv ? protocol.doseMgPerKg : '',
    doseMg: isIv ? '' : String(startDoseMg(protocol, ageYears)),
    // Empty: the server applies the clinic's ceiling (a clinic setting, §2 ⚠️).
    maxDoseMgPerKg: '',
    doseAboveActualWeight: false,
    plannedSessions: isIv ? protocol.courseSessions : 8,
    cadence: cadenceOptions(protocol)[0]?.value ?? '',
    note: '',
  }
}

/** The request a draft makes: mg/kg fields for IV, the fixed dose for esketamine. */
function planInputOf(draft: PlanDraft, isIv: boolean): PlanInput {
  const number = (v: number | string) => (v === '' ? null : Number(v))
  return {
    protocolId: draft.protocolId,
    doseBasis: draft.doseBasis,
    doseMgPerKg: isIv ? number(draft.doseMgPerKg) : null,
    doseMg: isIv ? null : number(draft.doseMg),
    maxDoseMgPerKg: isIv ? number(draft.maxDoseMgPerKg) : null,
    doseAboveActualWeight: isIv && draft.doseBasis !== 'actual' && draft.doseAboveActualWeight,
    plannedSessions: Number(draft.plannedSessions),
    cadence: draft.cadence,
    note: draft.note.trim() || null,
  }
}

/** The hard input limit of a mg/kg field (issue 12), as an inline error; null when fine or empty. */
function mgPerKgError(value: number | string): string | null {
  if (value === '') return null
  return isWithinLimit(Number(value), inputLimits.doseMgPerKg)
    ? null
    : `Dose ${describeLimit(inputLimits.doseMgPerKg)}`
}

/** The dose at the patient's latest weight, computed in the browser with the domain (§2). */
function previewAtLatestWeight(
  protocol: IvProtocol,
  draft: PlanDraft,
  chart: Chart | undefined,
  settings: DoseSettings,
) {
  const weightKg = chart?.body.weightKg
  if (!chart || !weightKg || draft.doseMgPerKg === '' || mgPerKgError(draft.doseMgPerKg)) return null
  const sex = chart.patient.sex === 'female' ? 'F' : chart.patient.sex === 'male' ? 'M' : undefined
  try {
    return calculateIvDose({
      doseMgPerKg: Number(draft.doseMgPerKg),
      infusionMin: protocol.infusionMin,
      body: {
        weightKg,
        ...(chart.body.heightCm ? { heightCm: chart.body.heightCm } : {}),
        ...(sex ? { sex } : {}),
      },
      basis: draft.doseBasis,
      isAboveActualAllowed: draft.doseAboveActualWeight,
      settings,
    })
  } catch (error) {
    if (error instanceof DomainValidationError) return error
    throw error
  }
}

function LimitNotice({
  protocol,
  draft,
  dose,
  settings,
}: {
  protocol: IvProtocol
  draft: PlanDraft
  dose: IvDose | null
  settings: DoseSettings
}) {
  if (draft.doseMgPerKg === '' || mgPerKgError(draft.doseMgPerKg) || mgPerKgError(draft.maxDoseMgPerKg))
    return null
  const findings = planDoseFindings(
    {
      doseMgPerKg: Number(draft.doseMgPerKg),
      maxDoseMgPerKg:
        draft.maxDoseMgPerKg === '' ? settings.titrationCeilingMgPerKg : Number(draft.maxDoseMgPerKg),
      isAboveActualAllowed: draft.doseAboveActualWeight,
    },
    settings,
    dose ?? undefined,
  )
  if (findings.length === 0) return null
  return (
    <Alert color="red" variant="light" title="Beyond the clinic's dose limits" aria-label="Dose limits">
      <Text size="sm">
        Approving this plan will need your signed override with a reason ({protocol.name}):
      </Text>
      <List size="sm">
        {findings.map((f) => (
          <List.Item key={`${f.field}-${f.limit}`}>{f.message}</List.Item>
        ))}
      </List>
    </Alert>
  )
}

type SetDraft = (change: Partial<PlanDraft>) => void

/** IV only: the weight the dose is computed on, and the signed choice to exceed actual weight. */
function DoseBasisFields({ draft, set, error }: { draft: PlanDraft; set: SetDraft; error: unknown }) {
  return (
    <>
      <FieldGroup label="Dose basis (weight)">
        <SegmentedControl
          data={[
            { value: 'actual', label: 'Actual' },
            { value: 'ideal', label: 'Ideal' },
            { value: 'adjusted', label: 'Adjusted' },
          ]}
          value={draft.doseBasis}
          onChange={(value) =>
            set({
              doseBasis: value as WeightBasis,
              ...(value === 'actual' ? { doseAboveActualWeight: false } : {}),
            })
          }
          w="fit-content"
        />
      </FieldGroup>
      {draft.doseBasis !== 'actual' && (
        <Checkbox
          label={`Dose on the ${draft.doseBasis} weight even where it exceeds actual weight`}
          description="Otherwise the dose is computed on actual weight whenever the ideal or adjusted weight is higher. Needs your signed override with a reason at approval."
          checked={draft.doseAboveActualWeight}
          onChange={(event) => set({ doseAboveActualWeight: event.currentTarget.checked })}
          error={fieldError(error, 'doseAboveActualWeight')}
        />
      )}
    </>
  )
}

/** IV: the dose and the titration limit in mg/kg, within the hard input limits (issue 12). */
function IvDoseInputs({
  protocol,
  draft,
  set,
  errors,
  ceilingMgPerKg,
  error,
}: {
  protocol: Protocol & { route: 'iv-infusion' }
  draft: PlanDraft
  set: SetDraft
  errors: { dose: string | null; max: string | null }
  ceilingMgPerKg: number
  error: unknown
}) {
  const fields = [
    {
      key: 'doseMgPerKg',
      label: 'Dose (mg/kg)',
      description: `Protocol: ${protocol.doseMgPerKg} mg/kg over ${protocol.infusionMin} min`,
      placeholder: undefined,
      limitError: errors.dose,
    },
    {
      key: 'maxDoseMgPerKg',
      label: 'Titration limit (mg/kg)',
      description: `Clinic ceiling ${ceilingMgPerKg} mg/kg of actual weight; leave empty to use it`,
      placeholder: String(ceilingMgPerKg),
      limitError: errors.max,
    },
  ] as const
  return fields.map((f) => (
    <NumberInput
      key={f.key}
      label={f.label}
      description={f.description}
      placeholder={f.placeholder}
      value={draft[f.key]}
      onChange={(value) => set({ [f.key]: value })}
      error={f.limitError ?? fieldError(error, f.key)}
      min={0.05}
      max={inputLimits.doseMgPerKg.max}
      step={0.05}
      decimalScale={2}
    />
  ))
}

/** Esketamine: a fixed dose in whole 28 mg devices, from the label's options for the patient's age. */
function EsketamineDoseSelect({
  protocol,
  ageYears,
  draft,
  set,
  error,
}: {
  protocol: Protocol
  ageYears: number | null
  draft: PlanDraft
  set: SetDraft
  error: unknown
}) {
  return (
    <Select
      label="Dose (mg)"
      description={
        protocol.route === 'intranasal' &&
        ageYears !== null &&
        esketamineStartDose(protocol, ageYears).isOlderAdultStart
          ? `Age ${ageYears}: start ${startDoseMg(protocol, ageYears)} mg, then 28, 56 or 84 mg`
          : `First dose on the label: ${startDoseMg(protocol, ageYears) ?? ''} mg`
      }
      data={doseOptionsMg(protocol, ageYears).map((mg) => ({
        value: String(mg),
        label: `${mg} mg (${mg / 28} device${mg > 28 ? 's' : ''})`,
      }))}
      value={draft.doseMg}
      onChange={(value) => value && set({ doseMg: value })}
      error={fieldError(error, 'doseMg')}
      allowDeselect={false}
    />
  )
}

/** Fields the form shows their own errors beside; the rest go in the form's error summary. */
const placedFields = [
  'protocolId',
  'doseMgPerKg',
  'maxDoseMgPerKg',
  'doseAboveActualWeight',
  'doseMg',
  'plannedSessions',
  'cadence',
]

/** What the draft would give: the IV dose at the latest weight and its limits, or the esketamine devices. */
function DosePreviews({
  protocol,
  draft,
  preview,
  weightKg,
  settings,
  ageYears,
}: {
  protocol: Protocol
  draft: PlanDraft
  preview: ReturnType<typeof previewAtLatestWeight> | null
  weightKg: number | null
  settings: DoseSettings
  ageYears: number | null
}) {
  const isIv = protocol.route === 'iv-infusion'
  const dose = preview instanceof DomainValidationError ? null : preview
  return (
    <>
      {isIv && dose && weightKg && (
        <IvDosePreview dose={dose} atLabel={`At the latest weight, ${weightKg} kg`} />
      )}
      {isIv && preview instanceof DomainValidationError && (
        <Text size="sm" c="orange.8">
          No dose preview: {preview.message}
        </Text>
      )}
      {protocol.route === 'iv-infusion' && (
        <LimitNotice protocol={protocol} draft={draft} dose={dose} settings={settings} />
      )}
      {protocol.route === 'intranasal' && draft.doseMg !== '' && (
        <EsketamineDosePreview
          protocol={protocol}
          doseMg={Number(draft.doseMg)}
          cadence={draft.cadence}
          plannedSessions={Number(draft.plannedSessions)}
          ageYears={ageYears}
        />
      )}
    </>
  )
}

/** Drafts a plan from a protocol of the domain; the server fills and checks the protocol's limits. */
export function PlanForm({
  clinicId,
  patientId,
  ageYears,
}: {
  clinicId: string
  patientId: string
  /** The patient's age today, for the esketamine ≥ 65 schedule; null when unknown. */
  ageYears: number | null
}) {
  const [draft, setDraft] = useState(() => draftFor(protocols[0]!, ageYears))
  const create = useCreatePlan(clinicId, patientId)
  const chart = useChart(clinicId, patientId)
  const clinicCeiling = useClinicSetting(clinicId, 'dose.titrationCeilingMgPerKg') as number | undefined
  const doseSettings: DoseSettings = {
    titrationCeilingMgPerKg: clinicCeiling ?? defaultDoseSettings.titrationCeilingMgPerKg,
  }
  const protocol = protocols.find((p) => p.id === draft.protocolId) ?? protocols[0]!
  const isIv = protocol.route === 'iv-infusion'
  const set = (change: Partial<PlanDraft>) => setDraft({ ...draft, ...change })
  const doseError = isIv ? mgPerKgError(draft.doseMgPerKg) : null
  const maxError = isIv ? mgPerKgError(draft.maxDoseMgPerKg) : null
  const preview =
    protocol.route === 'iv-infusion' ? previewAtLatestWeight(protocol, draft, chart.data, doseSettings) : null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (doseError || maxError) return
    create.mutate(planInputOf(draft, isIv))
  }

  return (
    <ClinicalCard label="New treatment plan" title="New plan" order={2} gap="md" onSubmit={submit}>
      <Select
        label="Protocol"
        data={protocols.map((p) => ({ value: p.id, label: p.name }))}
        value={draft.protocolId}
        onChange={(id) => {
          const next = protocols.find((p) => p.id === id)
          if (next) setDraft(draftFor(next, ageYears))
        }}
        error={fieldError(create.error, 'protocolId')}
        allowDeselect={false}
        size="md"
      />
      <Text size="xs" c="dimmed">
        Based on {sourceLabel(protocol)}.
      </Text>
      {isIv && <DoseBasisFields draft={draft} set={set} error={create.error} />}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {isIv ? (
          <IvDoseInputs
            protocol={protocol}
            draft={draft}
            set={set}
            errors={{ dose: doseError, max: maxError }}
            ceilingMgPerKg={doseSettings.titrationCeilingMgPerKg}
            error={create.error}
          />
        ) : (
          <EsketamineDoseSelect
            protocol={protocol}
            ageYears={ageYears}
            draft={draft}
            set={set}
            error={create.error}
          />
        )}
        <NumberInput
          label="Planned sessions"
          description={isIv ? `Protocol course: ${protocol.courseSessions}` : 'Sessions to book now'}
          value={draft.plannedSessions}
          onChange={(value) => set({ plannedSessions: value })}
          error={fieldError(create.error, 'plannedSessions')}
          min={1}
          max={100}
          allowDecimal={false}
        />
      </SimpleGrid>
      <DosePreviews
        protocol={protocol}
        draft={draft}
        preview={preview}
        weightKg={chart.data?.body.weightKg ?? null}
        settings={doseSettings}
        ageYears={ageYears}
      />
      <Select
        label="Cadence"
        data={cadenceOptions(protocol)}
        value={draft.cadence}
        onChange={(value) => value && set({ cadence: value })}
        error={fieldError(create.error, 'cadence')}
        allowDeselect={false}
      />
      <Textarea
        label="Note"
        value={draft.note}
        onChange={(event) => set({ note: event.currentTarget.value })}
        autosize
        minRows={1}
      />
      <MutationError error={create.error} placedFields={placedFields} />
      <Group justify="flex-end">
        <Button type="submit" loading={create.isPending}>
          Create draft plan
        </Button>
      </Group>
    </ClinicalCard>
  )
}
