import { Alert, Button, Group, NumberInput, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { isActionAllowed } from '../../../domain/session'
import { useSessionAction } from '../../api/sessions'
import { ClinicalCard } from '../../components/clinical-card'
import { MutationError } from '../../components/mutation-error'
import { useNow } from '../../components/use-now'
import { countdown, formatClock } from '../../lib/clock-format'
import { type SectionProps, writePath } from './section-props'
import { MinutesAgoInput, takenAt } from './taken-at'

// Esketamine monitoring (clinical-reference §3): observe ≥ 2 hours and until sedation,
// dissociation and respiratory depression have resolved, with pulse oximetry throughout.

/** What the next-vitals rule asks for now: SpO2 throughout, the BP recheck at ~40 min. */
export function MonitoringPrompt({ view, timeZone }: SectionProps) {
  const nowMs = useNow()
  const due = view.nextVitalsDue
  if (view.session.route !== 'intranasal' || !due?.dueAt) return null
  const left = countdown(Date.parse(due.dueAt), nowMs)
  const what = due.prompts
    .map((p) => (p === 'spo2' ? 'SpO₂ (pulse oximetry)' : 'blood pressure'))
    .join(' and ')
  return (
    <Alert
      color={left.isOverdue ? 'red' : 'blue'}
      variant={left.isOverdue ? 'filled' : 'light'}
      title={`${what.charAt(0).toUpperCase()}${what.slice(1)} ${left.isOverdue ? 'overdue' : 'due'} at ${formatClock(due.dueAt, timeZone)}`}
      role="status"
    >
      <Text size="sm">{due.reason}</Text>
    </Alert>
  )
}

/** The nurse's dissociation check: resolved or not, at the time observed; goes through the outbox. */
export function DissociationCheckPanel(props: SectionProps) {
  const { view, clinicId, sessionId, outbox, canWrite, timeZone } = props
  const [note, setNote] = useState('')
  const [minutesAgo, setMinutesAgo] = useState<number | string>(0)
  const latest = view.dissociation?.latest ?? null
  const queued = outbox.entries.filter(
    (e) => e.sessionId === sessionId && e.kind === 'dissociation-check' && e.status !== 'sent',
  )
  const isOpen = isActionAllowed('dissociation-check', view.session.state)
  const record = (isResolved: boolean) => {
    const at = takenAt(minutesAgo)
    outbox.enqueue({
      sessionId,
      kind: 'dissociation-check',
      path: writePath(clinicId, sessionId, '/dissociation-check'),
      body: { isResolved, ...(note.trim() ? { note: note.trim() } : {}), ...(at ? { at } : {}) },
      label: `Dissociation ${isResolved ? 'resolved' : 'not resolved'}`,
    })
    setNote('')
    setMinutesAgo(0)
  }
  return (
    <ClinicalCard label="Dissociation check" title="Dissociation check">
      <Text size="sm" c={latest ? (latest.isResolved ? 'teal.8' : 'orange.8') : 'dimmed'} fw={500}>
        {latest
          ? `${latest.isResolved ? 'Resolved' : 'Not resolved'} at ${formatClock(latest.at, timeZone)}${latest.by ? ` (${latest.by})` : ''}${latest.note ? `: ${latest.note}` : ''}`
          : 'Not checked since the dose.'}
      </Text>
      {queued.map((e) => (
        <Text key={e.id} size="xs" c="orange.9">
          {e.label} — unsent
        </Text>
      ))}
      {canWrite && isOpen && (
        <>
          <Text size="xs" c="dimmed">
            Ask and observe: is the patient still detached, unreal or disoriented? Discharge waits until it
            has resolved.
          </Text>
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Note (optional)"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 180 }}
            />
            <MinutesAgoInput value={minutesAgo} onChange={setMinutesAgo} />
          </Group>
          <Group grow>
            <Button size="lg" color="teal" onClick={() => record(true)}>
              Resolved
            </Button>
            <Button size="lg" color="orange" variant="light" onClick={() => record(false)}>
              Not resolved
            </Button>
          </Group>
        </>
      )}
    </ClinicalCard>
  )
}

/**
 * The REMS form's "ready to leave without the 2-hour rule": recorded by the charting that met
 * the criteria, or entered / corrected here by the nurse, in minutes after the first device.
 */
export function ReadyMomentPanel(props: SectionProps) {
  const { view, clinicId, sessionId, canWrite, timeZone } = props
  const [minutes, setMinutes] = useState<number | string>('')
  const [note, setNote] = useState('')
  const entry = useSessionAction<{ at: string; note?: string }>(clinicId, sessionId, (body) => ({
    path: '/ready-without-time-rule',
    body,
  }))
  const ready = view.readyWithoutTimeRule
  const firstDevice = view.devices?.given[0]?.at
  const canEnter =
    canWrite && firstDevice !== undefined && isActionAllowed('ready-without-time-rule', view.session.state)
  const submit = () => {
    if (!firstDevice || minutes === '') return
    const at = new Date(Date.parse(firstDevice) + Number(minutes) * 60_000).toISOString()
    entry.mutate({ at, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => setMinutes('') })
  }
  return (
    <ClinicalCard label="Ready without the 2-hour rule" gap="xs" title="Ready without the 2-hour rule">
      <Text size="sm" fw={500}>
        {ready
          ? `${ready.minutesFromFirstDevice} min after the first device (${formatClock(ready.at, timeZone)}) — ${
              ready.source === 'nurse'
                ? `entered by ${ready.recordedBy ?? 'the nurse'}${ready.note ? `: ${ready.note}` : ''}`
                : 'recorded when the charting first met every other criterion'
            }`
          : 'Not yet: recorded when every criterion but the 2-hour rule is first met.'}
      </Text>
      {canEnter && (
        <Group align="flex-end" gap="sm">
          <NumberInput
            label="Minutes"
            description="after the first device"
            value={minutes}
            onChange={setMinutes}
            min={0}
            max={600}
            allowDecimal={false}
            allowNegative={false}
            w={170}
          />
          <TextInput
            label="Note (optional)"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 160 }}
          />
          <Button variant="light" onClick={submit} loading={entry.isPending} disabled={minutes === ''}>
            {ready ? 'Correct' : 'Record'}
          </Button>
        </Group>
      )}
      <MutationError error={entry.error} />
    </ClinicalCard>
  )
}
