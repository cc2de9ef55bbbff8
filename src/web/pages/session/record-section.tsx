import { Button, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { EnteredInError } from '../../api/patients'
import { useSessionAction } from '../../api/sessions'
import { ClinicalCard } from '../../components/clinical-card'
import { ReasonModal } from '../../components/clinical-reason-modal'
import { ClinicalTableHead } from '../../components/clinical-table-head'
import { struckStyle } from '../../components/mark-in-error-button'
import { formatClock } from '../../lib/clock-format'
import type { SectionProps } from './section-props'

type Kind = 'vitals' | 'responses' | 'events' | 'side-effects'

interface Row {
  kind: Kind
  id: string
  atIso: string
  what: string
  detail: string
  by: string | null
  error: EnteredInError | null
}

function describeEvent(kind: string, payload: Record<string, unknown>): string {
  switch (kind) {
    case 'state':
      return `${String(payload.from)} → ${String(payload.to)}${payload.reason ? ` (${String(payload.reason)})` : ''}`
    case 'infusion':
      return `Pump ${String(payload.action)}`
    case 'device':
      return `Device ${String(payload.number)}`
    case 'dose-set':
      return `${String(payload.weightKg)} kg → ${String(payload.plannedDoseMg)} mg`
    case 'dose-drawn':
      return `${String(payload.quantityMg)} mg drawn from a lot`
    case 'alert-ack':
      return `${String(payload.code)}: ${String(payload.note)}`
    case 'escort':
      return payload.isPresent ? `Escort present (${String(payload.name ?? '')})` : 'Escort not present'
    case 'dissociation-check':
      return `Dissociation ${payload.isResolved ? 'resolved' : 'not resolved'}${payload.note ? `: ${String(payload.note)}` : ''}`
    case 'ready-without-time-rule':
      return payload.source === 'nurse'
        ? `Ready without the 2-hour rule (nurse's entry)${payload.note ? `: ${String(payload.note)}` : ''}`
        : 'Ready without the 2-hour rule (every other criterion first met)'
    case 'pre-check-override':
      return `Override: ${String(payload.reason)}`
    case 'dose-override':
      return `Dose-limit override by ${String(payload.signerName)}: ${String(payload.reason)}`
    case 'pre-check-form':
      return [
        payload.identityConfirmed ? 'identity ✓' : 'identity ✗',
        payload.fastingConfirmed ? 'fasting ✓' : 'fasting ✗',
        payload.escortConfirmed ? `escort ✓ ${String(payload.escortName ?? '')}`.trim() : 'escort ✗',
        `pregnancy ${String(payload.pregnancyStatus)}`,
        payload.urinarySymptoms ? 'urinary symptoms reported' : 'no urinary symptoms',
      ].join(', ')
    default:
      return ''
  }
}

/** Charted events that can be marked in error; state changes and signatures are not corrected this way. */
const correctableEvents = new Set([
  'infusion',
  'device',
  'escort',
  'pre-check-form',
  'alert-ack',
  'dissociation-check',
  'ready-without-time-rule',
])

function rowsOf(view: SectionProps['view']): Row[] {
  // Vitals and scores carry the recorder's id; the timeline knows the names.
  const names = new Map(view.timeline.map((e) => [e.recordedById, e.recordedBy]))
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null)
  const rows: Row[] = [
    ...view.timeline.map((e) => ({
      kind: 'events' as const,
      id: e.id,
      atIso: e.at,
      what: e.kind,
      detail: describeEvent(e.kind, e.payload),
      by: e.recordedBy,
      error: e.enteredInError,
    })),
    ...view.vitals.map((v) => ({
      kind: 'vitals' as const,
      id: v.id,
      atIso: v.measuredAt,
      what: `vitals (${v.context})`,
      detail: [
        v.systolicMmHg !== null ? `BP ${v.systolicMmHg}/${v.diastolicMmHg}` : '',
        v.heartRateBpm !== null ? `HR ${v.heartRateBpm}` : '',
        v.spo2Percent !== null ? `SpO₂ ${v.spo2Percent}` : '',
        v.moaas !== null ? `MOAA/S ${v.moaas}` : '',
      ]
        .filter(Boolean)
        .join(', '),
      by: nameOf(v.recordedBy),
      error: v.enteredInError,
    })),
    ...view.responses.map((r) => ({
      kind: 'responses' as const,
      id: r.id,
      atIso: r.administeredAt,
      what: r.instrumentId,
      detail: `${r.total}${r.band ? ` (${r.band.label})` : ''}`,
      by: nameOf(r.recordedBy),
      error: r.enteredInError,
    })),
    ...view.sideEffects.map((s) => ({
      kind: 'side-effects' as const,
      id: s.id,
      atIso: s.onsetAt,
      what: 'side effect',
      detail: `${s.term} grade ${s.grade}${s.actionTaken ? ` · ${s.actionTaken}` : ''}`,
      by: null,
      error: s.enteredInError,
    })),
  ]
  return rows.sort((a, b) => Date.parse(b.atIso) - Date.parse(a.atIso))
}

function MarkButton({ row, props }: { row: Row; props: SectionProps }) {
  const [isOpen, setIsOpen] = useState(false)
  const [reason, setReason] = useState('')
  const mark = useSessionAction<{ kind: Kind; entryId: string; reason: string }>(
    props.clinicId,
    props.sessionId,
    (body) => ({ path: '/entered-in-error', body }),
  )
  return (
    <>
      <Button variant="subtle" color="gray" size="compact-sm" onClick={() => setIsOpen(true)}>
        Entered in error
      </Button>
      <ReasonModal
        opened={isOpen}
        onClose={() => setIsOpen(false)}
        title="Mark entered in error"
        intro={
          <Text size="sm">
            “{row.what}: {row.detail}” stays in the record, struck through, with your name and the reason.
          </Text>
        }
        reasonLabel="Reason"
        reason={reason}
        onReason={setReason}
        reasonField="reason"
        hasAutofocus
        gap="sm"
        error={mark.error}
        confirmLabel="Mark in error"
        confirmColor="red"
        isBlocked={reason.trim().length < 3}
        isPending={mark.isPending}
        onConfirm={() =>
          mark.mutate(
            { kind: row.kind, entryId: row.id, reason: reason.trim() },
            { onSuccess: () => setIsOpen(false) },
          )
        }
      />
    </>
  )
}

/** Everything charted in this session, newest first; corrections struck through with the reason. */
export function RecordSection(props: SectionProps) {
  const { view, timeZone, canWrite } = props
  const rows = rowsOf(view)
  return (
    <ClinicalCard title="Record" gap="xs">
      <Table striped aria-label="Session record" fz="sm" verticalSpacing={6}>
        <ClinicalTableHead headers={['Time', 'Entry', 'Detail', 'By', '']} />
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.kind}-${row.id}`}>
              <Table.Td style={row.error ? struckStyle : undefined}>
                {formatClock(row.atIso, timeZone)}
              </Table.Td>
              <Table.Td style={row.error ? struckStyle : undefined}>{row.what}</Table.Td>
              <Table.Td>
                <Text size="sm" style={row.error ? struckStyle : undefined}>
                  {row.detail}
                </Text>
                {row.error && (
                  <Text size="xs" c="red.8">
                    Entered in error: {row.error.reason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{row.by ?? ''}</Table.Td>
              <Table.Td>
                {canWrite && !row.error && (row.kind !== 'events' || correctableEvents.has(row.what)) && (
                  <MarkButton row={row} props={props} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ClinicalCard>
  )
}
