import { Table, Text } from '@mantine/core'
import type { VitalsMeasure } from '../../../domain/session'
import { ClinicalCard } from '../../components/clinical-card'
import { ClinicalTableHead } from '../../components/clinical-table-head'
import { struckStyle } from '../../components/mark-in-error-button'
import { formatClock } from '../../lib/clock-format'
import type { SectionProps } from './section-props'

const contextLabels: Record<string, string> = { pre: 'Before dose', intra: 'During dose', post: 'After dose' }

/** A value outside the clinic's alert limits: bold on a red tint, and said in words for screen readers. */
function Cell({ value, isAbnormal, label }: { value: string; isAbnormal: boolean; label: string }) {
  if (!isAbnormal) return <Table.Td>{value}</Table.Td>
  return (
    <Table.Td
      bg="red.1"
      c="red.9"
      fw={800}
      data-abnormal="true"
      aria-label={`${label} ${value}, outside the alert limit`}
    >
      {value} ▲
    </Table.Td>
  )
}

/** Vitals as charted (and those still in the outbox, marked unsent), newest first; abnormal values highlighted. */
export function VitalsTable(props: SectionProps) {
  const { view, outbox, sessionId, timeZone } = props
  const queued = outbox.entries.filter(
    (e) => e.sessionId === sessionId && e.kind === 'vitals' && e.status !== 'sent',
  )
  const rows = [...view.vitals].reverse()
  const flagged = (id: string, measure: VitalsMeasure) =>
    view.abnormalVitals?.[id]?.includes(measure) ?? false
  return (
    <ClinicalCard title="Vital signs" gap="xs">
      <Table striped aria-label="Session vital signs" fz="sm">
        <ClinicalTableHead headers={['Time', 'When', 'BP', 'HR', 'SpO₂', 'RR', 'MOAA/S']} />
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
              <Table.Td>{contextLabels[v.context] ?? v.context}</Table.Td>
              <Cell
                label="BP"
                value={v.systolicMmHg !== null ? `${v.systolicMmHg}/${v.diastolicMmHg}` : '—'}
                isAbnormal={flagged(v.id, 'blood-pressure')}
              />
              <Cell
                label="Heart rate"
                value={String(v.heartRateBpm ?? '—')}
                isAbnormal={flagged(v.id, 'heart-rate')}
              />
              <Cell label="SpO₂" value={String(v.spo2Percent ?? '—')} isAbnormal={flagged(v.id, 'spo2')} />
              <Table.Td>{v.respiratoryRate ?? '—'}</Table.Td>
              <Cell label="MOAA/S" value={String(v.moaas ?? '—')} isAbnormal={flagged(v.id, 'moaas')} />
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
    </ClinicalCard>
  )
}
