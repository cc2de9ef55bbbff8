import { Button, Group, NumberInput, SimpleGrid, Text } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { vitalSignLimits } from '../../../domain/session'
import { useRecordVitals } from '../../api/assessments'
import { ClinicalCard } from '../../components/clinical-card'
import { fieldError, MutationError } from '../../components/mutation-error'

const fields = [
  { key: 'systolicMmHg', label: 'Systolic BP (mmHg)', ...vitalSignLimits.systolicMmHg, required: true },
  { key: 'diastolicMmHg', label: 'Diastolic BP (mmHg)', ...vitalSignLimits.diastolicMmHg, required: true },
  { key: 'heartRateBpm', label: 'Heart rate (bpm)', ...vitalSignLimits.heartRateBpm, required: true },
  { key: 'spo2Percent', label: 'SpO₂ (%)', ...vitalSignLimits.spo2Percent, required: false },
  {
    key: 'respiratoryRate',
    label: 'Resp. rate (/min)',
    ...vitalSignLimits.respiratoryRatePerMin,
    required: false,
  },
] as const

type Key = (typeof fields)[number]['key']
const empty: Record<Key, number | string> = {
  systolicMmHg: '',
  diastolicMmHg: '',
  heartRateBpm: '',
  spo2Percent: '',
  respiratoryRate: '',
}

/** Baseline vital signs at intake. */
export function VitalsForm({ clinicId, patientId }: { clinicId: string; patientId: string }) {
  const [values, setValues] = useState(empty)
  const record = useRecordVitals(clinicId, patientId)
  const optional = (v: number | string) => (v === '' ? null : Number(v))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    record.mutate(
      {
        systolicMmHg: Number(values.systolicMmHg),
        diastolicMmHg: Number(values.diastolicMmHg),
        heartRateBpm: Number(values.heartRateBpm),
        spo2Percent: optional(values.spo2Percent),
        respiratoryRate: optional(values.respiratoryRate),
      },
      { onSuccess: () => setValues(empty) },
    )
  }
  return (
    <ClinicalCard label="Baseline vital signs" titleSize="h5" onSubmit={submit} title="Baseline vital signs">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
        {fields.map((f) => (
          <NumberInput
            key={f.key}
            label={f.label}
            value={values[f.key]}
            onChange={(value) => setValues({ ...values, [f.key]: value })}
            error={fieldError(record.error, f.key)}
            min={f.min}
            max={f.max}
            allowDecimal={false}
            required={f.required}
            withAsterisk={false}
            size="md"
          />
        ))}
      </SimpleGrid>
      <MutationError error={record.error} placedFields={fields.map((f) => f.key)} />
      <Group justify="space-between">
        <Text size="sm" c={record.isSuccess ? 'teal.8' : 'dimmed'} role="status">
          {record.isSuccess ? 'Vital signs saved.' : 'Blood pressure and heart rate are required.'}
        </Text>
        <Button type="submit" loading={record.isPending}>
          Save vital signs
        </Button>
      </Group>
    </ClinicalCard>
  )
}
