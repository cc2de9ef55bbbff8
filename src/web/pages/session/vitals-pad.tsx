import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { moaasLabels } from '../../lib/session-labels'
import { type SectionProps, writePath } from './section-props'
import { MinutesAgoInput, takenAt } from './taken-at'

// Ranges the server accepts (routes.ts vitalsBody); checked here too so an entry is not queued
// only to be refused.
const fields = [
  { key: 'systolicMmHg', label: 'Systolic (mmHg)', short: 'SBP', min: 40, max: 300, step: 2 },
  { key: 'diastolicMmHg', label: 'Diastolic (mmHg)', short: 'DBP', min: 20, max: 200, step: 2 },
  { key: 'heartRateBpm', label: 'Heart rate (bpm)', short: 'HR', min: 20, max: 250, step: 1 },
  { key: 'spo2Percent', label: 'SpO₂ (%)', short: 'SpO₂', min: 50, max: 100, step: 1 },
  { key: 'respiratoryRate', label: 'Resp. rate (/min)', short: 'RR', min: 4, max: 60, step: 1 },
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

/** Vital signs in a few taps: large inputs with steppers, MOAA/S as buttons; queued in the outbox. */
export function VitalsPad({
  clinicId,
  sessionId,
  outbox,
  context,
}: SectionProps & { context: VitalsContext }) {
  const [values, setValues] = useState<Values>(empty)
  const [moaas, setMoaas] = useState<string | null>(null)
  const [minutesAgo, setMinutesAgo] = useState<number | string>(0)
  const [errors, setErrors] = useState<ReturnType<typeof checkVitals>>({})
  const [queued, setQueued] = useState<string | null>(null)

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
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-label="Vital signs">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {context === 'pre' ? 'Pre-dose vital signs' : 'Vital signs'}
          </Title>
          <MinutesAgoInput value={minutesAgo} onChange={setMinutesAgo} />
        </Group>
        {/* Five across on a tablet (one column of sections); three in the two-column desktop layout. */}
        <SimpleGrid cols={{ base: 2, sm: 5, lg: 3 }} spacing="sm">
          {fields.map((f) => (
            <NumberInput
              key={f.key}
              label={f.label}
              value={values[f.key]}
              onChange={(value) => setValues({ ...values, [f.key]: value })}
              error={errors[f.key]}
              min={f.min}
              max={f.max}
              step={f.step}
              allowDecimal={false}
              inputMode="numeric"
              size="xl"
              styles={{
                input: { fontSize: 28, fontWeight: 600, height: 64 },
                label: { fontSize: 14, whiteSpace: 'nowrap' },
              }}
            />
          ))}
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="moaas-label">
            MOAA/S (sedation)
          </Text>
          <SegmentedControl
            aria-labelledby="moaas-label"
            value={moaas ?? ''}
            onChange={(value) => setMoaas(value === moaas ? null : value)}
            data={[5, 4, 3, 2, 1, 0].map((n) => ({ value: String(n), label: String(n) }))}
            size="lg"
            fullWidth
          />
          <Text size="xs" c="dimmed">
            {moaas === null ? 'Tap a score (optional).' : `${moaas}: ${moaasLabels[Number(moaas)]}`}
          </Text>
        </Stack>
        {errors.form && (
          <Text c="red.8" size="sm" role="alert">
            {errors.form}
          </Text>
        )}
        <Group justify="space-between">
          <Text size="sm" c={queued ? 'teal.8' : 'dimmed'} role="status">
            {queued
              ? `${queued} — queued; acknowledged at the top when saved.`
              : 'Each entry is saved on its own.'}
          </Text>
          <Button type="submit" size="lg">
            Save vitals
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
