import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { type SafetyAlert, useAcknowledgeAlert } from '../api/assessments'
import { formatDateTime } from '../lib/time'
import { fieldError, MutationError } from './mutation-error'

interface SafetyAlertBannerProps {
  clinicId: string
  patientId: string
  alerts: readonly SafetyAlert[]
  canAcknowledge: boolean
  timeZone: string | undefined
}

/** Open safety alerts, red, above the whole chart until a clinician acknowledges each with a note. */
export function SafetyAlertBanner({
  clinicId,
  patientId,
  alerts,
  canAcknowledge,
  timeZone,
}: SafetyAlertBannerProps) {
  const [acknowledging, setAcknowledging] = useState<SafetyAlert | null>(null)
  const [note, setNote] = useState('')
  const acknowledge = useAcknowledgeAlert(clinicId, patientId)
  if (alerts.length === 0) return null

  const close = () => {
    acknowledge.reset()
    setNote('')
    setAcknowledging(null)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (acknowledging)
      acknowledge.mutate({ alertId: acknowledging.id, note: note.trim() }, { onSuccess: close })
  }

  return (
    <>
      <Alert color="red" variant="filled" role="alert" title="Open safety alert — clinician follow-up needed">
        <Stack gap="xs">
          {alerts.map((alert) => (
            <Group key={alert.id} justify="space-between" wrap="nowrap" align="flex-start" gap="md">
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {alert.message}
                </Text>
                <Text size="xs">Raised {formatDateTime(alert.raisedAt, timeZone)}</Text>
              </Stack>
              {canAcknowledge && (
                <Button
                  color="white"
                  variant="white"
                  c="red.8"
                  size="sm"
                  onClick={() => setAcknowledging(alert)}
                >
                  Acknowledge
                </Button>
              )}
            </Group>
          ))}
          {!canAcknowledge && <Text size="xs">A nurse or prescriber must acknowledge it.</Text>}
        </Stack>
      </Alert>
      <Modal
        opened={acknowledging !== null}
        onClose={close}
        title="Acknowledge safety alert"
        centered
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={submit}>
          <Stack gap="md">
            <Text size="sm">{acknowledging?.message}</Text>
            <Textarea
              label="What was done"
              description="Recorded with your name and the time"
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={fieldError(acknowledge.error, 'note')}
              required
              withAsterisk={false}
              minLength={3}
              autosize
              minRows={3}
              data-autofocus
            />
            <MutationError error={acknowledge.error} placedFields={['note']} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={acknowledge.isPending}>
                Acknowledge alert
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  )
}
