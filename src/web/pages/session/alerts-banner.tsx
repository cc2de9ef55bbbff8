import { Alert, Button, Chip, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import {
  type AlertAckAction,
  alertAckActionLabels,
  alertAckActions,
  nextInfusionActions,
  type VitalsMeasure,
  vitalSignLimits,
} from '../../../domain/session'
import { type SessionAlert, type SessionAlertReading, useSessionAction } from '../../api/sessions'
import { ReasonModal } from '../../components/clinical-reason-modal'
import { fieldError, MutationError } from '../../components/mutation-error'
import { useNow } from '../../components/use-now'
import { formatClock } from '../../lib/clock-format'
import { enqueuePumpAction, optimisticPumpStatus } from './delivery-controls'
import type { SectionProps } from './section-props'

// Monitoring alerts (issue 14 C/4): each names the readings, the rule, what to do and the recheck
// deadline in clinic time, with the pump's Pause/Stop at hand. An acknowledged alert stays, dimmed,
// until a later reading is back within the limit or a clinician resolves it.

const recheckNames: Record<VitalsMeasure, string> = {
  'blood-pressure': 'BP',
  'heart-rate': 'heart rate',
  spo2: 'SpO₂',
  moaas: 'sedation',
}

function readingText(r: SessionAlertReading): string {
  const parts = [
    r.systolicMmHg !== undefined ? `BP ${r.systolicMmHg}/${r.diastolicMmHg ?? '?'}` : null,
    r.heartRateBpm !== undefined ? `HR ${r.heartRateBpm}` : null,
    r.spo2Percent !== undefined ? `SpO₂ ${r.spo2Percent} %` : null,
    r.moaasScore !== undefined ? `MOAA/S ${r.moaasScore}` : null,
  ]
  return parts.filter(Boolean).join(', ')
}

/** The pump's own Pause and Stop, queued through the outbox like the buttons on the pump panel. */
function PumpActions({ props }: { props: SectionProps }) {
  const { view, outbox, sessionId } = props
  if (!view.infusion || view.session.state !== 'dosing' || !props.canWrite) return null
  const queued = outbox.entries.filter(
    (e) => e.sessionId === sessionId && e.kind === 'infusion' && e.status !== 'sent',
  )
  const status = optimisticPumpStatus(view.infusion.status, queued)
  const allowed = nextInfusionActions(status)
  const mark = (action: 'pause' | 'stop') => enqueuePumpAction(props, action)
  return (
    <>
      {allowed.includes('pause') && (
        <Button size="sm" color="orange.8" variant="white" c="orange.9" onClick={() => mark('pause')}>
          Pause infusion
        </Button>
      )}
      {status === 'paused' && (
        <Text size="sm" fw={700}>
          Infusion paused
        </Text>
      )}
      {allowed.includes('stop') && (
        <Button size="sm" color="red.8" variant="white" c="red.9" onClick={() => mark('stop')}>
          Stop infusion
        </Button>
      )}
    </>
  )
}

type RecheckKey = 'systolicMmHg' | 'diastolicMmHg' | 'heartRateBpm'

interface AckBody {
  key: string
  actions: AlertAckAction[]
  note?: string
  recheck?: Partial<Record<RecheckKey, number>>
}

/** The readings an alert's recheck asks for, by measure; none for SpO₂ and sedation. */
const recheckFields: Partial<Record<VitalsMeasure, { key: RecheckKey; label: string }[]>> = {
  'blood-pressure': [
    { key: 'systolicMmHg', label: 'Recheck systolic' },
    { key: 'diastolicMmHg', label: 'Recheck diastolic' },
  ],
  'heart-rate': [{ key: 'heartRateBpm', label: 'Recheck heart rate' }],
}

const numeric = {
  allowDecimal: false,
  inputMode: 'numeric' as const,
  size: 'lg' as const,
  hideControls: true,
  w: 170,
}

interface AlertDialogProps {
  alert: SessionAlert
  props: SectionProps
  onClose: () => void
}

/** The structured acknowledgement: what was done (chips), the recheck it asks for, a note. */
function AcknowledgeModal({ alert, props, onClose }: AlertDialogProps) {
  const [actions, setActions] = useState<string[]>([])
  const [note, setNote] = useState('')
  const [recheck, setRecheck] = useState<Partial<Record<RecheckKey, number | string>>>({})
  const ack = useSessionAction<AckBody>(props.clinicId, props.sessionId, (body) => ({
    path: '/alerts/acknowledge',
    body,
  }))
  const fields = recheckFields[alert.measure] ?? []
  const hasRecheck = fields.length > 0 && fields.every((f) => (recheck[f.key] ?? '') !== '')
  // Entering the recheck is itself "rechecked": one tap less.
  const chosen = [...new Set([...actions, ...(hasRecheck ? ['rechecked'] : [])])] as AlertAckAction[]
  const needsNote = chosen.includes('other') && note.trim().length < 3
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (chosen.length === 0 || needsNote) return
    ack.mutate(
      {
        key: alert.key,
        actions: chosen,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(hasRecheck
          ? { recheck: Object.fromEntries(fields.map((f) => [f.key, Number(recheck[f.key])])) }
          : {}),
      },
      { onSuccess: onClose },
    )
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title="Acknowledge alert"
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} aria-label="Acknowledge alert">
        <Stack gap="md">
          <Stack gap={2}>
            <Text fw={700}>{alert.message}</Text>
            <Text size="sm" c="dark.6">
              {alert.rule}
            </Text>
          </Stack>
          {fields.length > 0 && (
            <Stack gap={4}>
              <Text fw={600} c="dark.9" id={`recheck-${alert.key}`}>
                Recheck {recheckNames[alert.measure]} now (saved as a vital sign)
              </Text>
              <Group gap="sm" aria-labelledby={`recheck-${alert.key}`}>
                {fields.map((f, i) => (
                  <NumberInput
                    key={f.key}
                    label={f.label}
                    value={recheck[f.key] ?? ''}
                    onChange={(value) => setRecheck((r) => ({ ...r, [f.key]: value }))}
                    min={vitalSignLimits[f.key].min}
                    max={vitalSignLimits[f.key].max}
                    error={fieldError(ack.error, `recheck.${f.key}`)}
                    data-autofocus={i === 0 || undefined}
                    {...numeric}
                  />
                ))}
              </Group>
            </Stack>
          )}
          <Stack gap={4}>
            <Text fw={600} c="dark.9" id={`done-${alert.key}`}>
              What was done
            </Text>
            <Chip.Group multiple value={chosen} onChange={setActions}>
              <Group gap="xs" aria-labelledby={`done-${alert.key}`}>
                {alertAckActions.map((a) => (
                  <Chip key={a} value={a} size="md" color="blue">
                    {alertAckActionLabels[a]}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
          <Textarea
            label="Note"
            description={chosen.includes('other') ? 'Required with "Other"' : 'Optional'}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={
              fieldError(ack.error, 'note') ?? (needsNote && ack.isError ? 'say what was done' : undefined)
            }
            autosize
            minRows={2}
            styles={{ label: { color: 'var(--mantine-color-dark-9)', fontWeight: 600 } }}
          />
          <MutationError
            error={ack.error}
            placedFields={['note', 'recheck.systolicMmHg', 'recheck.diastolicMmHg', 'recheck.heartRateBpm']}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              color="red"
              size="md"
              loading={ack.isPending}
              disabled={chosen.length === 0 || needsNote}
            >
              {hasRecheck ? 'Save recheck and acknowledge' : 'Acknowledge'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** A clinician closes an alert no later reading has resolved, with a note. */
function ResolveModal({ alert, props, onClose }: AlertDialogProps) {
  const [note, setNote] = useState('')
  const resolve = useSessionAction<{ key: string; note: string }>(
    props.clinicId,
    props.sessionId,
    (body) => ({
      path: '/alerts/resolve',
      body,
    }),
  )
  return (
    <ReasonModal
      opened
      onClose={onClose}
      title="Resolve alert"
      intro={<Text fw={700}>{alert.message}</Text>}
      reasonLabel="Why it is resolved"
      reason={note}
      onReason={setNote}
      reasonField="note"
      hasStrongLabel
      error={resolve.error}
      confirmLabel="Resolve"
      isBlocked={note.trim().length < 3}
      isPending={resolve.isPending}
      onConfirm={() => resolve.mutate({ key: alert.key, note: note.trim() }, { onSuccess: onClose })}
    />
  )
}

/** "Recheck BP by 10:40", and whether that time has passed. */
function RecheckBy({
  alert,
  timeZone,
  size,
}: {
  alert: SessionAlert
  timeZone: string | undefined
  size: 'sm' | 'md'
}) {
  const nowMs = useNow()
  if (alert.recheckByMs === null) return null
  return (
    <Text span={size === 'md'} size={size} fw={size === 'md' ? 800 : 700}>
      Recheck {recheckNames[alert.measure]} by {formatClock(alert.recheckByMs, timeZone)}
      {alert.recheckByMs < nowMs ? ' — overdue' : ''}
    </Text>
  )
}

function AlertCard({ alert, props }: { alert: SessionAlert; props: SectionProps }) {
  const [dialog, setDialog] = useState<'ack' | 'resolve' | null>(null)
  const { timeZone } = props
  const acked = alert.acknowledged
  const isDimmed = acked !== null
  const color = alert.severity === 'critical' ? 'red' : 'orange.9'
  return (
    <Alert
      color={isDimmed ? 'gray' : color}
      variant={isDimmed ? 'light' : 'filled'}
      role={isDimmed ? 'status' : 'alert'}
      data-acknowledged={isDimmed ? 'true' : 'false'}
      style={isDimmed ? { opacity: 0.75 } : undefined}
      title={`${isDimmed ? 'Acknowledged — ' : ''}${alert.message}`}
    >
      {/* Compact: it sits above the pump and the vitals pad in the chair-side column. */}
      <Stack gap={4}>
        <Text size="xs">
          Readings:{' '}
          {alert.readings.map((r) => `${readingText(r)} at ${formatClock(r.takenAtMs, timeZone)}`).join('; ')}
        </Text>
        {/* An acknowledged alert folds to its title, readings, the recheck and who acknowledged it. */}
        {!isDimmed && (
          <>
            <Text size="xs">Rule: {alert.rule}</Text>
            <Text size="sm" fw={700}>
              What to do: {alert.recommendedAction}
              {alert.recheckByMs !== null && ' '}
              <RecheckBy alert={alert} timeZone={timeZone} size="md" />
            </Text>
          </>
        )}
        {isDimmed && <RecheckBy alert={alert} timeZone={timeZone} size="sm" />}
        {acked && (
          <Text size="xs">
            Acknowledged by {acked.by ?? 'a clinician'} at {formatClock(acked.at, timeZone)}:{' '}
            {acked.actions.map((a) => alertAckActionLabels[a]).join(', ')}
            {acked.note ? ` — ${acked.note.replace(/\.$/, '')}` : ''}. Stays here until a reading is back
            within the limit.
          </Text>
        )}
        {props.canWrite && (
          <Group gap="xs">
            {!isDimmed && <PumpActions props={props} />}
            {!acked && (
              <Button size="sm" variant="white" c="dark.9" onClick={() => setDialog('ack')}>
                Acknowledge
              </Button>
            )}
            {acked && (
              <Button size="sm" variant="default" onClick={() => setDialog('resolve')}>
                Resolve…
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {dialog === 'ack' && <AcknowledgeModal alert={alert} props={props} onClose={() => setDialog(null)} />}
      {dialog === 'resolve' && <ResolveModal alert={alert} props={props} onClose={() => setDialog(null)} />}
    </Alert>
  )
}

/** Unresolved monitoring alerts: open ones first (red or orange), acknowledged ones dimmed. */
export function AlertsBanner(props: SectionProps) {
  const unresolved = props.view.alerts.filter((a) => a.resolved === null)
  if (unresolved.length === 0) return null
  const ordered = [...unresolved.filter((a) => !a.acknowledged), ...unresolved.filter((a) => a.acknowledged)]
  return (
    <Stack gap="xs" aria-label="Monitoring alerts">
      {ordered.map((alert) => (
        <AlertCard key={alert.key} alert={alert} props={props} />
      ))}
    </Stack>
  )
}
