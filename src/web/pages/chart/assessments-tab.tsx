import { Badge, Stack, Text } from '@mantine/core'
import { findInstrument } from '../../../domain/instruments'
import { type InstrumentResponse, useAssessments, type Vitals } from '../../api/assessments'
import type { Column } from '../../components/data-table'
import { markInErrorColumn } from '../../components/mark-in-error-button'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { TimeCell } from '../../components/time-cell'
import { ChartRecordTable } from './chart-record-table'
import type { ChartTabProps } from './chart-tab-props'
import { InstrumentEntry } from './instrument-entry'
import { VitalsForm } from './vitals-form'

const instrumentName = (r: InstrumentResponse) => findInstrument(r.instrumentId)?.name ?? r.instrumentId

/** The scores table: its title, what it says when empty, and its columns. */
function scoresTable({ clinicId, patientId, timeZone, canWriteClinical }: ChartTabProps) {
  const columns: Column<InstrumentResponse>[] = [
    { header: 'Given', cell: (r) => <TimeCell iso={r.administeredAt} timeZone={timeZone} /> },
    { header: 'Instrument', cell: instrumentName },
    { header: 'Total', cell: (r) => r.total, td: { fw: 600 } },
    {
      header: 'Band and flags',
      cell: (r) => (
        <>
          {r.band?.label ?? '—'}
          {r.flags.map((f) => (
            <Badge key={f.id} color={f.severity === 'urgent' ? 'red' : 'orange'} size="sm" ml={6}>
              {f.severity}
            </Badge>
          ))}
          {r.enteredInError && <Text size="xs">Entered in error: {r.enteredInError.reason}</Text>}
        </>
      ),
    },
    markInErrorColumn({
      clinicId,
      patientId,
      canWrite: canWriteClinical,
      collection: 'responses',
      entryDescription: (r) => `${instrumentName(r)} score`,
      showsReason: false,
    }),
  ]
  return { title: 'Scores', emptyText: 'No scores recorded.', columns }
}

/** The vital signs table: its title, what it says when empty, and its columns. */
function vitalsTable({ clinicId, patientId, timeZone, canWriteClinical }: ChartTabProps) {
  const columns: Column<Vitals>[] = [
    { header: 'Measured', cell: (v) => <TimeCell iso={v.measuredAt} timeZone={timeZone} /> },
    { header: 'BP', cell: (v) => `${v.systolicMmHg}/${v.diastolicMmHg}` },
    { header: 'HR', cell: (v) => v.heartRateBpm ?? '—' },
    { header: 'SpO₂', cell: (v) => (v.spo2Percent === null ? '—' : `${v.spo2Percent} %`) },
    { header: 'RR', cell: (v) => v.respiratoryRate ?? '—' },
    markInErrorColumn({
      clinicId,
      patientId,
      canWrite: canWriteClinical,
      collection: 'vitals',
      entryDescription: (v) => `vital signs (BP ${v.systolicMmHg}/${v.diastolicMmHg})`,
    }),
  ]
  return { title: 'Vital signs', emptyText: 'No vital signs recorded.', columns }
}

export function AssessmentsTab(props: ChartTabProps) {
  const { clinicId, patientId, canWriteClinical } = props
  const assessments = useAssessments(clinicId, patientId)

  return (
    <Stack gap="xl">
      {canWriteClinical && <InstrumentEntry clinicId={clinicId} patientId={patientId} />}
      {canWriteClinical && <VitalsForm clinicId={clinicId} patientId={patientId} />}
      {assessments.isPending && <PageLoader />}
      {assessments.isError && (
        <ErrorAlert error={assessments.error} title="Could not load scores and vitals" />
      )}
      {assessments.data && (
        <>
          <ChartRecordTable {...scoresTable(props)} rows={assessments.data.responses} isPaged />
          <ChartRecordTable {...vitalsTable(props)} rows={assessments.data.vitals} isPaged />
        </>
      )}
    </Stack>
  )
}
