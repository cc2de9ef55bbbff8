import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import { struckStyle } from '../../components/mark-in-error-button'
import { formatClock } from '../../lib/clock-format'
import { DissociationCheckPanel, MonitoringPrompt } from './esketamine-monitoring'
import { ScoreEntry } from './score-entry'
import type { SectionProps } from './section-props'
import { SessionChart } from './session-chart'
import { SideEffectsPanel } from './side-effects-panel'

/** Vitals as charted (and those still in the outbox, marked unsent), newest first. */
export function VitalsTable(props: SectionProps) {
  const { view, outbox, sessionId, timeZone } = props
  const queued = outbox.entries.filter(
    (e) => e.sessionId === sessionId && e.kind === 'vitals' && e.status !== 'sent',
  )
  const rows = [...view.vitals].reverse()
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="xs">
        Vital signs
      </Title>
      <Table striped aria-label="Session vital signs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>BP</Table.Th>
            <Table.Th>HR</Table.Th>
            <Table.Th>SpO₂</Table.Th>
            <Table.Th>RR</Table.Th>
            <Table.Th>MOAA/S</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queued.map((e) => (
            <Table.Tr key={e.id} c="orange.9">
              <Table.Td>{formatClock(e.takenAtMs, timeZone)}</Table.Td>
              <Table.Td colSpan={6}>{e.label} — unsent</Table.Td>
            </Table.Tr>
          ))}
          {rows.map((v) => (
            <Table.Tr key={v.id} style={v.enteredInError ? struckStyle : undefined}>
              <Table.Td>{formatClock(v.measuredAt, timeZone)}</Table.Td>
              <Table.Td>{v.context}</Table.Td>
              <Table.Td>{v.systolicMmHg !== null ? `${v.systolicMmHg}/${v.diastolicMmHg}` : '—'}</Table.Td>
              <Table.Td>{v.heartRateBpm ?? '—'}</Table.Td>
              <Table.Td>{v.spo2Percent ?? '—'}</Table.Td>
              <Table.Td>{v.respiratoryRate ?? '—'}</Table.Td>
              <Table.Td>{v.moaas ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && queued.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text size="sm" c="dimmed">
                  None yet.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

/**
 * During and after the dose: what is due, the live chart, side effects, the esketamine dissociation
 * check and scores, then the vitals as charted. The vitals pad is in the chair-side column.
 */
export function MonitoringSection(props: SectionProps) {
  const { view, canWrite } = props
  const isCharting = ['dosing', 'monitoring', 'ready-for-discharge'].includes(view.session.state)
  const isEsketamine = view.session.route === 'intranasal'
  return (
    <Stack gap="md">
      {isCharting && <MonitoringPrompt {...props} />}
      {isEsketamine && view.devices?.given.length ? <DissociationCheckPanel {...props} /> : null}
      <SessionChart view={view} />
      <SideEffectsPanel {...props} />
      {canWrite && isCharting && (
        <ScoreEntry
          {...props}
          title="Dissociation and post-session scores"
          isCollapsed
          context="post"
          instrumentIds={['cadss', 'bprs4', 'phq9']}
        />
      )}
      <VitalsTable {...props} />
    </Stack>
  )
}
