import { Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { vitalSignLimits } from '../../../domain/session'
import { ClinicalCard } from '../../components/clinical-card'
import { formatClock } from '../../lib/clock-format'
import { moaasLabels } from '../../lib/session-labels'
import { lastVitals } from './last-vitals'
import { type SectionProps, writePath } from './section-props'
import { MinutesAgoInput, takenAt } from './taken-at'

// Ranges the server accepts (src/domain/session/vital-sign-limits.ts); checked here too so an entry
// is not queued only to be refused. `label` is the field's full name (what a screen reader says);
// `short` and `unit` are what the compact pad shows.
const fields = [
  { key: 'systolicMmHg', label: 'Systolic (mmHg)', short: 'SBP', ...vitalSignLimits.systolicMmHg },
  { key: 'diastolicMmHg', label: 'Diastolic (mmHg)', short: 'DBP', ...vitalSignLimits.diastolicMmHg },
  { key: 'heartRateBpm', label: 'Heart rate (bpm)', short: 'HR', ...vitalSignLimits.heartRateBpm },
  { key: 'spo2Percent', label: 'SpO₂ (%)', short: 'SpO₂', ...vitalSignLimits.spo2Percent },
  {
    key: 'respiratoryRate',
    label: 'Resp. rate (/min)',
    short: 'RR',
    ...vitalSignLimits.respiratoryRatePerMin,
  },
] as const
type Key = (typeof fields)[number]['key']
type Values = Record<Key, number | string>
const empty: Values = {
  systolicMmHg: '',
  diastolicMmHg: '',
  heartRateBpm: '',
  spo2Percent: '',
  respiratoryRate: '',
}

export type VitalsContext = 'pre' | 'intra' | 'post'

/** Errors per field before anything is queued; empty when the entry can go. */
export function checkVitals(values: Values, moaas: string | null): Partial<Record<Key | 'form', string>> {
  const errors: Partial<Record<Key | 'form', string>> = {}
  for (const f of fields) {
    const v = values[f.key]
    if (v === '') continue
    const n = Number(v)
    if (!Number.isInteger(n) || n < f.min || n > f.max) errors[f.key] = `${f.min}–${f.max}`
  }
  const sbp = values.systolicMmHg
  const dbp = values.diastolicMmHg
  if ((sbp === '') !== (dbp === ''))
    errors[sbp === '' ? 'systolicMmHg' : 'diastolicMmHg'] = 'give both pressures'
  else if (sbp !== '' && dbp !== '' && Number(dbp) >= Number(sbp))
    errors.diastolicMmHg = 'must be below systolic'
  if (fields.every((f) => values[f.key] === '') && moaas === null) errors.form = 'Enter at least one value.'
  return errors
}

/** The last reading in words, so the nurse sees what "same as last" brings back. */
function describeLast(last: NonNullable<ReturnType<typeof lastVitals>>, timeZone: string | undefined) {
  const parts = [
    last.systolicMmHg !== null ? `${last.systolicMmHg}/${last.diastolicMmHg}` : null,
    last.heartRateBpm !== null ? `HR ${last.heartRateBpm}` : null,
    last.spo2Percent !== null ? `${last.spo2Percent}%` : null,
    last.respiratoryRate !== null ? `RR ${last.respiratoryRate}` : null,
    last.moaas !== null ? `MOAA/S ${last.moaas}` : null,
  ].filter(Boolean)
  return `Last ${formatClock(last.atMs, timeZone)}: ${parts.join(' · ')}`
}

/**
 * Vital signs in few taps (issue 14): five number fields on the numeric keypad, in the order they
 * are read off the monitor (Next moves on, Enter saves), MOAA/S as buttons, "same as last" for an
 * unchanged set, taken now unless the nurse says how many minutes ago. Queued in the outbox.
 */
export function VitalsPad({
  view,
  clinicId,
  sessionId,
  outbox,
  timeZone,
  context,
}: SectionProps & { context: VitalsContext }) {
  const [values, setValues] = useState<Values>(empty)
  const [moaas, setMoaas] = useState<string | null>(null)
  const [minutesAgo, setMinutesAgo] = useState<number | string>(0)
  const [errors, setErrors] = useState<ReturnType<typeof checkVitals>>({})
  const [queued, setQueued] = useState<string | null>(null)
  const last = lastVitals(view.vitals, outbox.entries, sessionId)

  const sameAsLast = () => {
    if (!last) return
    const text = (n: number | null) => (n === null ? '' : n)
    setValues({
      systolicMmHg: text(last.systolicMmHg),
      diastolicMmHg: text(last.diastolicMmHg),
      heartRateBpm: text(last.heartRateBpm),
      spo2Percent: text(last.spo2Percent),
      respiratoryRate: text(last.respiratoryRate),
    })
    setMoaas(last.moaas === null ? null : String(last.moaas))
    setErrors({})
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = checkVitals(values, moaas)
    setErrors(found)
    if (Object.keys(found).length) return
    const body: Record<string, unknown> = { context }
    const parts: string[] = []
    for (const f of fields) {
      if (values[f.key] === '') continue
      body[f.key] = Number(values[f.key])
    }
    if (values.systolicMmHg !== '') parts.push(`BP ${values.systolicMmHg}/${values.diastolicMmHg}`)
    if (values.heartRateBpm !== '') parts.push(`HR ${values.heartRateBpm}`)
    if (values.spo2Percent !== '') parts.push(`SpO₂ ${values.spo2Percent}%`)
    if (values.respiratoryRate !== '') parts.push(`RR ${values.respiratoryRate}`)
    if (moaas !== null) {
      body.moaas = Number(moaas)
      parts.push(`MOAA/S ${moaas}`)
    }
    const at = takenAt(minutesAgo)
    if (at) body.measuredAt = at
    const label = `${context === 'pre' ? 'Pre-dose vitals' : 'Vitals'}: ${parts.join(', ')}`
    outbox.enqueue({
      sessionId,
      kind: 'vitals',
      path: writePath(clinicId, sessionId, '/vitals'),
      body,
      label,
    })
    setQueued(label)
    setValues(empty)
    setMoaas(null)
    setMinutesAgo(0)
  }

  return (
    <ClinicalCard label="Vital signs" p="sm" gap="xs" onSubmit={submit}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Title order={3} size="h5">
            {context === 'pre' ? 'Pre-dose vital signs' : 'Vital signs'}
          </Title>
          <Text size="xs" c="dimmed" truncate>
            {last ? describeLast(last, timeZone) : 'Nothing charted yet this session.'}
          </Text>
        </Stack>
        <Button variant="light" size="sm" onClick={sameAsLast} disabled={!last} style={{ flexShrink: 0 }}>
          Same as last
        </Button>
      </Group>
      <SimpleGrid cols={5} spacing={6}>
        {fields.map((f) => (
          <TextInput
            key={f.key}
            aria-label={f.label}
            label={f.short}
            description={f.unit}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={values[f.key]}
            onChange={(event) => {
              const digits = event.currentTarget.value.replace(/\D/g, '')
              setValues((v) => ({ ...v, [f.key]: digits }))
            }}
            error={errors[f.key]}
            // Whole numbers only: the numeric keypad, Next between fields, Done on the last.
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={3}
            enterKeyHint={f.key === 'respiratoryRate' ? 'done' : 'next'}
            autoComplete="off"
            size="lg"
            styles={{
              input: { fontSize: 22, fontWeight: 600, paddingInline: 6, textAlign: 'center' },
              label: { fontSize: 13, whiteSpace: 'nowrap' },
              description: { fontSize: 11, textAlign: 'center' },
              error: { fontSize: 11 },
            }}
          />
        ))}
      </SimpleGrid>
      <Group gap="xs" wrap="nowrap" align="center">
        <Text size="sm" fw={500} id={`moaas-label-${context}`} style={{ whiteSpace: 'nowrap' }}>
          MOAA/S
        </Text>
        <SegmentedControl
          aria-labelledby={`moaas-label-${context}`}
          value={moaas ?? ''}
          onChange={(value) => setMoaas(value === moaas ? null : value)}
          data={[5, 4, 3, 2, 1, 0].map((n) => ({ value: String(n), label: String(n) }))}
          size="md"
          style={{ flex: 1 }}
        />
      </Group>
      {moaas !== null && (
        <Text size="xs" c="dimmed">
          MOAA/S {moaas}: {moaasLabels[Number(moaas)]}
        </Text>
      )}
      {errors.form && (
        <Text c="red.8" size="sm" role="alert">
          {errors.form}
        </Text>
      )}
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <MinutesAgoInput value={minutesAgo} onChange={setMinutesAgo} />
        <Button type="submit" size="lg" style={{ flex: 1 }}>
          Save vitals
        </Button>
      </Group>
      <Text size="xs" c={queued ? 'teal.8' : 'dimmed'} role="status">
        {queued
          ? `${queued}: queued, shown under Charting when saved.`
          : 'Enter saves. Each entry is saved on its own.'}
      </Text>
    </ClinicalCard>
  )
}
