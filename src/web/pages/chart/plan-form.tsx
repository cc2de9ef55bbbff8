import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import {
  defaultDoseSettings,
  esketamineDoseOptionsMg,
  esketamineStartDose,
  listProtocols,
  type Protocol,
  type WeightBasis,
} from '../../../domain/dosing'
import { useCreatePlan } from '../../api/plans'
import { useClinicSetting } from '../../api/settings'
import { FieldGroup } from '../../components/field-group'
import { fieldError, MutationError } from '../../components/mutation-error'

const protocols = listProtocols()
const frequencyLabels: Record<string, string> = {
  'label-schedule': 'Label schedule (twice weekly, then weekly, then every 1–2 weeks)',
  'twice-weekly': 'Twice weekly',
  weekly: 'Weekly',
  'every-2-weeks': 'Every 2 weeks',
}

export function cadenceOptions(protocol: Protocol): { value: string; label: string }[] {
  if (protocol.route === 'iv-infusion')
    return protocol.cadences.map((c) => ({
      value: c.id,
      label: `${c.sessionsPerWeek} per week over ${c.courseDays} days (${c.source.replace(/✅|⚠️|🔶/gu, '').trim()})`,
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
    plannedSessions: isIv ? protocol.courseSessions : 8,
    cadence: cadenceOptions(protocol)[0]?.value ?? '',
    note: '',
  }
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
  const clinicCeiling = useClinicSetting(clinicId, 'dose.titrationCeilingMgPerKg') as number | undefined
  const protocol = protocols.find((p) => p.id === draft.protocolId) ?? protocols[0]!
  const isIv = protocol.route === 'iv-infusion'
  const set = (change: Partial<PlanDraft>) => setDraft({ ...draft, ...change })
  const number = (v: number | string) => (v === '' ? null : Number(v))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate({
      protocolId: draft.protocolId,
      doseBasis: draft.doseBasis,
      doseMgPerKg: isIv ? number(draft.doseMgPerKg) : null,
      doseMg: isIv ? null : number(draft.doseMg),
      maxDoseMgPerKg: isIv ? number(draft.maxDoseMgPerKg) : null,
      plannedSessions: Number(draft.plannedSessions),
      cadence: draft.cadence,
      note: draft.note.trim() || null,
    })
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-label="New treatment plan">
      <Stack gap="md">
        <Title order={2} size="h4">
          New plan
        </Title>
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
          Source: {protocol.source}
        </Text>
        {isIv && (
          <FieldGroup label="Dose basis (weight)">
            <SegmentedControl
              data={[
                { value: 'actual', label: 'Actual' },
                { value: 'ideal', label: 'Ideal' },
                { value: 'adjusted', label: 'Adjusted' },
              ]}
              value={draft.doseBasis}
              onChange={(value) => set({ doseBasis: value as WeightBasis })}
              w="fit-content"
            />
          </FieldGroup>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {isIv ? (
            <>
              <NumberInput
                label="Dose (mg/kg)"
                description={`Protocol: ${protocol.doseMgPerKg} mg/kg over ${protocol.infusionMin} min`}
                value={draft.doseMgPerKg}
                onChange={(value) => set({ doseMgPerKg: value })}
                error={fieldError(create.error, 'doseMgPerKg')}
                min={0.05}
                max={2}
                step={0.05}
                decimalScale={2}
              />
              <NumberInput
                label="Titration limit (mg/kg)"
                description={`Clinic ceiling ${clinicCeiling ?? defaultDoseSettings.titrationCeilingMgPerKg} mg/kg; leave empty to use it`}
                placeholder={String(clinicCeiling ?? defaultDoseSettings.titrationCeilingMgPerKg)}
                value={draft.maxDoseMgPerKg}
                onChange={(value) => set({ maxDoseMgPerKg: value })}
                error={fieldError(create.error, 'maxDoseMgPerKg')}
                min={0.05}
                max={2}
                step={0.05}
                decimalScale={2}
              />
            </>
          ) : (
            <Select
              label="Dose (mg)"
              description={
                protocol.route === 'intranasal' &&
                ageYears !== null &&
                esketamineStartDose(protocol, ageYears).isOlderAdultStart
                  ? `Age ${ageYears}: start ${startDoseMg(protocol, ageYears)} mg, then 28, 56 or 84 mg (§3)`
                  : `First dose on the label: ${startDoseMg(protocol, ageYears) ?? ''} mg`
              }
              data={doseOptionsMg(protocol, ageYears).map((mg) => ({
                value: String(mg),
                label: `${mg} mg (${mg / 28} device${mg > 28 ? 's' : ''})`,
              }))}
              value={draft.doseMg}
              onChange={(value) => value && set({ doseMg: value })}
              error={fieldError(create.error, 'doseMg')}
              allowDeselect={false}
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
        <MutationError
          error={create.error}
          placedFields={[
            'protocolId',
            'doseMgPerKg',
            'maxDoseMgPerKg',
            'doseMg',
            'plannedSessions',
            'cadence',
          ]}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create draft plan
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
