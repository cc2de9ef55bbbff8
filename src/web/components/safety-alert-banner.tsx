import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { type SafetyAlert, useAcknowledgeAlert } from '../api/assessments'
import { formatDateTime } from '../lib/time'
import { NoteModal } from './note-modal'

interface SafetyAlertBannerProps {
  clinicId: string
  patientId: string
  alerts: readonly SafetyAlert[]
  canAcknowledge: boolean
  timeZone: string | undefined
  /** Called after an acknowledgement, for screens that hold the alerts in another query. */
  onAcknowledged?: () => void
}

const severityLabels = { urgent: 'Urgent', warning: 'Warning' } as const

/**
 * Open safety alerts above the whole chart until a clinician acknowledges each with a note: red
 * when any is urgent, orange when all are warnings (clinical-reference §4); each says its level.
 * Any open one holds discharge sign-off.
 */
export function SafetyAlertBanner({
  clinicId,
  patientId,
  alerts,
  canAcknowledge,
  timeZone,
  onAcknowledged,
}: SafetyAlertBannerProps) {
  const [acknowledging, setAcknowledging] = useState<SafetyAlert | null>(null)
  const [note, setNote] = useState('')
  const acknowledge = useAcknowledgeAlert(clinicId, patientId)
  if (alerts.length === 0) return null
  const isUrgent = alerts.some((alert) => alert.severity === 'urgent')

  const close = () => {
    acknowledge.reset()
    setNote('')
    setAcknowledging(null)
  }
  const submit = () => {
    if (acknowledging)
      acknowledge.mutate(
        { alertId: acknowledging.id, note: note.trim() },
        {
          onSuccess: () => {
            close()
            onAcknowledged?.()
          },
        },
      )
  }

  return (
    <>
      <Alert
        color={isUrgent ? 'red' : 'orange.9'}
        variant="filled"
        role="alert"
        title={
          isUrgent
            ? 'Open safety alert — clinician follow-up needed today'
            : 'Open safety alert — clinician review needed before discharge'
        }
      >
        <Stack gap="xs">
          {alerts.map((alert) => (
            <Group key={alert.id} justify="space-between" wrap="nowrap" align="flex-start" gap="md">
              <Stack gap={2}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge
                    color="white"
                    variant="white"
                    c={alert.severity === 'urgent' ? 'red.8' : 'orange.9'}
                    style={{ flexShrink: 0 }}
                  >
                    {severityLabels[alert.severity]}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {alert.message}
                  </Text>
                </Group>
                <Text size="xs">Raised {formatDateTime(alert.raisedAt, timeZone)}</Text>
              </Stack>
              {canAcknowledge && (
                <Button
                  color="white"
                  variant="white"
                  c={alert.severity === 'urgent' ? 'red.8' : 'orange.9'}
                  size="sm"
                  onClick={() => setAcknowledging(alert)}
                >
                  Acknowledge
                </Button>
              )}
            </Group>
          ))}
          <Text size="xs">
            {canAcknowledge
              ? 'Each is acknowledged with a note of what was done; until then it holds discharge.'
              : 'A nurse or prescriber must acknowledge it; until then it holds discharge.'}
          </Text>
        </Stack>
      </Alert>
      <NoteModal
        opened={acknowledging !== null}
        onClose={close}
        title={`Acknowledge ${acknowledging ? severityLabels[acknowledging.severity].toLowerCase() : ''} safety alert`}
        intro={acknowledging?.message}
        label="What was done"
        description="Recorded with your name and the time"
        minRows={3}
        field="note"
        value={note}
        onChange={setNote}
        onSubmit={submit}
        error={acknowledge.error}
        isPending={acknowledge.isPending}
        submitLabel="Acknowledge alert"
      />
    </>
  )
}
