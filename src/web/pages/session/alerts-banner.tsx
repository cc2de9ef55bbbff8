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

interface AckBody {
  key: string
  actions: AlertAckAction[]
  note?: string
  recheck?: { systolicMmHg?: number; diastolicMmHg?: number; heartRateBpm?: number }
}

/** The structured acknowledgement: what was done (chips), the recheck it asks for, a note. */
function AcknowledgeModal({
  alert,
  props,
  onClose,
}: {
  alert: SessionAlert
  props: SectionProps
  onClose: () => void
}) {
  const [actions, setActions] = useState<string[]>([])
  const [note, setNote] = useState('')
  const [sbp, setSbp] = useState<number | string>('')
  const [dbp, setDbp] = useState<number | string>('')
  const [hr, setHr] = useState<number | string>('')
  const ack = useSessionAction<AckBody>(props.clinicId, props.sessionId, (body) => ({
    path: '/alerts/acknowledge',
    body,
  }))
  const isBp = alert.measure === 'blood-pressure'
  const isHr = alert.measure === 'heart-rate'
  const hasRecheck = (isBp && sbp !== '' && dbp !== '') || (isHr && hr !== '')
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
          ? {
              recheck: isBp
                ? { systolicMmHg: Number(sbp), diastolicMmHg: Number(dbp) }
                : { heartRateBpm: Number(hr) },
            }
          : {}),
      },
      { onSuccess: onClose },
    )
  }
  const numeric = {
    allowDecimal: false,
    inputMode: 'numeric' as const,
    size: 'lg' as const,
    hideControls: true,
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
          {(isBp || isHr) && (
            <Stack gap={4}>
              <Text fw={600} c="dark.9" id={`recheck-${alert.key}`}>
                Recheck {recheckNames[alert.measure]} now (saved as a vital sign)
              </Text>
              <Group gap="sm" aria-labelledby={`recheck-${alert.key}`}>
                {isBp ? (
                  <>
                    <NumberInput
                      label="Recheck systolic"
                      value={sbp}
                      onChange={setSbp}
                      min={vitalSignLimits.systolicMmHg.min}
                      max={vitalSignLimits.systolicMmHg.max}
                      w={170}
                      error={fieldError(ack.error, 'recheck.systolicMmHg')}
                      data-autofocus
                      {...numeric}
                    />
                    <NumberInput
                      label="Recheck diastolic"
                      value={dbp}
                      onChange={setDbp}
                      min={vitalSignLimits.diastolicMmHg.min}
                      max={vitalSignLimits.diastolicMmHg.max}
                      w={170}
                      error={fieldError(ack.error, 'recheck.diastolicMmHg')}
                      {...numeric}
                    />
                  </>
                ) : (
                  <NumberInput
                    label="Recheck heart rate"
                    value={hr}
                    onChange={setHr}
                    min={vitalSignLimits.heartRateBpm.min}
                    max={vitalSignLimits.heartRateBpm.max}
                    w={170}
                    error={fieldError(ack.error, 'recheck.heartRateBpm')}
                    data-autofocus
                    {...numeric}
                  />
                )}
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
function ResolveModal({
  alert,
  props,
  onClose,
}: {
  alert: SessionAlert
  props: SectionProps
  onClose: () => void
}) {
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
    <Modal
      opened
      onClose={onClose}
      title="Resolve alert"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        <Text fw={700}>{alert.message}</Text>
        <Textarea
          label="Why it is resolved"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(resolve.error, 'note')}
          autosize
          minRows={2}
          styles={{ label: { color: 'var(--mantine-color-dark-9)', fontWeight: 600 } }}
        />
        <MutationError error={resolve.error} placedFields={['note']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={note.trim().length < 3}
            loading={resolve.isPending}
            onClick={() => resolve.mutate({ key: alert.key, note: note.trim() }, { onSuccess: onClose })}
          >
            Resolve
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function AlertCard({ alert, props }: { alert: SessionAlert; props: SectionProps }) {
  const nowMs = useNow()
  const [dialog, setDialog] = useState<'ack' | 'resolve' | null>(null)
  const { timeZone } = props
  const acked = alert.acknowledged
  const isDimmed = acked !== null
  const isOverdue = alert.recheckByMs !== null && alert.recheckByMs < nowMs
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
              {alert.recheckByMs !== null && (
                <>
                  {' '}
                  <Text span size="md" fw={800}>
                    Recheck {recheckNames[alert.measure]} by {formatClock(alert.recheckByMs, timeZone)}
                    {isOverdue ? ' — overdue' : ''}
                  </Text>
                </>
              )}
            </Text>
          </>
        )}
        {isDimmed && alert.recheckByMs !== null && (
          <Text size="sm" fw={700}>
            Recheck {recheckNames[alert.measure]} by {formatClock(alert.recheckByMs, timeZone)}
            {isOverdue ? ' — overdue' : ''}
          </Text>
        )}
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
