import { Badge, Stack, Table, Text, Title } from '@mantine/core'
import { findInstrument } from '../../../domain/instruments'
import { useAssessments } from '../../api/assessments'
import { useClientPages } from '../../components/client-pages'
import { MarkInErrorButton, MarkInErrorCell, struckStyle } from '../../components/mark-in-error-button'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { TimeCell } from '../../components/time-cell'
import type { ChartTabProps } from './chart-tab-props'
import { InstrumentEntry } from './instrument-entry'
import { VitalsForm } from './vitals-form'

export function AssessmentsTab({ clinicId, patientId, timeZone, canWriteClinical }: ChartTabProps) {
  const assessments = useAssessments(clinicId, patientId)
  const responses = useClientPages(assessments.data?.responses ?? [])
  const vitals = useClientPages(assessments.data?.vitals ?? [])

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
          <Stack gap="sm">
            <Title order={2} size="h4">
              Scores
            </Title>
            {assessments.data.responses.length === 0 ? (
              <Text size="sm" c="dimmed">
                No scores recorded.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="xs" aria-label="Scores">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Given</Table.Th>
                      <Table.Th>Instrument</Table.Th>
                      <Table.Th>Total</Table.Th>
                      <Table.Th>Band and flags</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {responses.rows.map((r) => {
                      const name = findInstrument(r.instrumentId)?.name ?? r.instrumentId
                      return (
                        <Table.Tr key={r.id} style={r.enteredInError ? struckStyle : undefined}>
                          <Table.Td>
                            <TimeCell iso={r.administeredAt} timeZone={timeZone} />
                          </Table.Td>
                          <Table.Td>{name}</Table.Td>
                          <Table.Td fw={600}>{r.total}</Table.Td>
                          <Table.Td>
                            {r.band?.label ?? '—'}
                            {r.flags.map((f) => (
                              <Badge
                                key={f.id}
                                color={f.severity === 'urgent' ? 'red' : 'orange'}
                                size="sm"
                                ml={6}
                              >
                                {f.severity}
                              </Badge>
                            ))}
                            {r.enteredInError && (
                              <Text size="xs">Entered in error: {r.enteredInError.reason}</Text>
                            )}
                          </Table.Td>
                          <Table.Td ta="right">
                            {canWriteClinical && !r.enteredInError && (
                              <MarkInErrorButton
                                clinicId={clinicId}
                                patientId={patientId}
                                collection="responses"
                                entryId={r.id}
                                description={`${name} score`}
                              />
                            )}
                          </Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {responses.footer}
          </Stack>
          <Stack gap="sm">
            <Title order={2} size="h4">
              Vital signs
            </Title>
            {assessments.data.vitals.length === 0 ? (
              <Text size="sm" c="dimmed">
                No vital signs recorded.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="xs" aria-label="Vital signs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Measured</Table.Th>
                      <Table.Th>BP</Table.Th>
                      <Table.Th>HR</Table.Th>
                      <Table.Th>SpO₂</Table.Th>
                      <Table.Th>RR</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {vitals.rows.map((v) => (
                      <Table.Tr key={v.id} style={v.enteredInError ? struckStyle : undefined}>
                        <Table.Td>
                          <TimeCell iso={v.measuredAt} timeZone={timeZone} />
                        </Table.Td>
                        <Table.Td>
                          {v.systolicMmHg}/{v.diastolicMmHg}
                        </Table.Td>
                        <Table.Td>{v.heartRateBpm ?? '—'}</Table.Td>
                        <Table.Td>{v.spo2Percent === null ? '—' : `${v.spo2Percent} %`}</Table.Td>
                        <Table.Td>{v.respiratoryRate ?? '—'}</Table.Td>
                        <Table.Td ta="right">
                          <MarkInErrorCell
                            enteredInError={v.enteredInError}
                            canWrite={canWriteClinical}
                            clinicId={clinicId}
                            patientId={patientId}
                            collection="vitals"
                            entryId={v.id}
                            description={`vital signs (BP ${v.systolicMmHg}/${v.diastolicMmHg})`}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {vitals.footer}
          </Stack>
        </>
      )}
    </Stack>
  )
}
