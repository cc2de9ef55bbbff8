import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import {
  type Measurement,
  type Patient,
  useAddMeasurement,
  useMeasurements,
  usePatient,
  useUpdatePatient,
} from '../../api/patients'
import { ClinicalCard } from '../../components/clinical-card'
import { useClinicalForm } from '../../components/clinical-form'
import { DataTable } from '../../components/data-table'
import { markInErrorColumn, struckIfInError } from '../../components/mark-in-error-button'
import { MutationError } from '../../components/mutation-error'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { draftOf, fieldsOf, PatientFieldsForm, patientFieldNames } from '../../components/patient-fields'
import { PortalInvitePanel } from '../../components/portal/portal-invite-panel'
import { TimeCell } from '../../components/time-cell'
import type { ChartTabProps } from './chart-tab-props'

function DemographicsForm({
  patient,
  canWrite,
  onReload,
  update,
}: {
  patient: Patient
  canWrite: boolean
  onReload: () => void
  /** Owned by the tab, so "Saved." survives the form starting afresh at the new version. */
  update: ReturnType<typeof useUpdatePatient>
}) {
  const [draft, setDraft] = useState(() => draftOf(patient))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    update.mutate({ ...fieldsOf(draft), version: patient.version })
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <PatientFieldsForm
          draft={draft}
          onChange={setDraft}
          error={update.error}
          isReadOnly={!canWrite}
          legacyAddress={patient.address}
        />
        <MutationError mutation={update} placedFields={patientFieldNames} onReload={onReload} />
        {update.isSuccess && (
          <Text size="sm" c="teal.8" role="status">
            Saved.
          </Text>
        )}
        {canWrite && (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Version {patient.version}
            </Text>
            <Button type="submit" loading={update.isPending}>
              Save demographics
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}

/** Weight and height both take one decimal, side by side. */
const measureInput = { decimalScale: 1, w: 140 } as const

function MeasurementForm({ clinicId, patientId }: { clinicId: string; patientId: string }) {
  const add = useAddMeasurement(clinicId, patientId)
  const { form, field } = useClinicalForm<{ weightKg: number | string; heightCm: number | string }>(
    { weightKg: '', heightCm: '' },
    add.error,
  )
  const submit = ({ weightKg, heightCm }: typeof form.values) =>
    add.mutate(
      { weightKg: Number(weightKg), heightCm: heightCm === '' ? null : Number(heightCm) },
      { onSuccess: () => form.reset() },
    )
  return (
    <form onSubmit={form.onSubmit(submit)}>
      <Stack gap="xs">
        <Group align="flex-start" gap="md">
          <NumberInput
            label="Weight (kg)"
            {...field('weightKg')}
            min={20}
            max={400}
            required
            withAsterisk={false}
            {...measureInput}
          />
          <NumberInput label="Height (cm)" {...field('heightCm')} min={100} max={250} {...measureInput} />
          <Button type="submit" mt={25} loading={add.isPending}>
            Add measurement
          </Button>
        </Group>
        <MutationError error={add.error} placedFields={['weightKg', 'heightCm']} />
      </Stack>
    </form>
  )
}

function Measurements({ clinicId, patientId, timeZone, canWriteClinical }: ChartTabProps) {
  const measurements = useMeasurements(clinicId, patientId)
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Weight and height
      </Title>
      {canWriteClinical && <MeasurementForm clinicId={clinicId} patientId={patientId} />}
      {measurements.isPending && <PageLoader />}
      {measurements.isError && <ErrorAlert error={measurements.error} />}
      {measurements.data && measurements.data.length === 0 && (
        <Text size="sm" c="dimmed">
          Not weighed yet.
        </Text>
      )}
      {measurements.data && measurements.data.length > 0 && (
        <DataTable
          label="Weight and height history"
          minWidth={560}
          rows={measurements.data}
          rowKey={(m) => m.id}
          rowStyle={struckIfInError}
          columns={[
            { header: 'Measured', cell: (m) => <TimeCell iso={m.measuredAt} timeZone={timeZone} /> },
            { header: 'Weight', cell: (m) => `${m.weightKg} kg` },
            { header: 'Height', cell: (m) => (m.heightCm === null ? '—' : `${m.heightCm} cm`) },
            markInErrorColumn<Measurement>({
              clinicId,
              patientId,
              canWrite: canWriteClinical,
              collection: 'measurements',
              entryDescription: (m) => `measurement of ${m.weightKg} kg`,
              header: 'Status',
            }),
          ]}
        />
      )}
    </Stack>
  )
}

export function DemographicsTab(props: ChartTabProps) {
  const { clinicId, patientId, canWriteDemographics, canReadClinical } = props
  const patient = usePatient(clinicId, patientId)
  const update = useUpdatePatient(clinicId, patientId)
  if (patient.isPending) return <PageLoader />
  if (patient.isError) return <ErrorAlert error={patient.error} />
  return (
    <Stack gap="xl">
      <ClinicalCard order={2} title="Demographics">
        <DemographicsForm
          key={patient.data.version}
          patient={patient.data}
          canWrite={canWriteDemographics}
          onReload={() => void patient.refetch()}
          update={update}
        />
      </ClinicalCard>
      <PortalInvitePanel
        clinicId={clinicId}
        patientId={patientId}
        patientEmail={patient.data.email}
        canInvite={canWriteDemographics}
        canReset={canReadClinical}
        timeZone={props.timeZone}
      />
      {canReadClinical && <Measurements {...props} />}
    </Stack>
  )
}
