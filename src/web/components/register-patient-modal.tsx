import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { isApiError } from '../api/client'
import { type DuplicateCandidate, useRegisterPatient } from '../api/patients'
import { clinicPath } from '../clinic-path'
import { formatCalendarDate } from '../lib/age'
import { MutationError } from './mutation-error'
import {
  emptyPatientDraft,
  fieldsOf,
  type PatientDraft,
  PatientFieldsForm,
  patientFieldNames,
} from './patient-fields'

function duplicatesOf(error: unknown): DuplicateCandidate[] {
  if (!isApiError(error, 'conflict')) return []
  const duplicateOf = error.problem.duplicateOf
  return Array.isArray(duplicateOf) ? (duplicateOf as DuplicateCandidate[]) : []
}

export function RegisterPatientModal({
  clinicId,
  opened,
  onClose,
  initialDraft,
  onRegistered,
}: {
  clinicId: string
  opened: boolean
  onClose: () => void
  /** Fields known already (a referral's name and contact details); read when the modal mounts. */
  initialDraft?: Partial<PatientDraft>
  /** Runs before the chart opens (the intake queue marks its referral registered). */
  onRegistered?: (patientId: string) => void
}) {
  const register = useRegisterPatient(clinicId)
  const navigate = useNavigate()
  const [draft, setDraft] = useState<PatientDraft>({ ...emptyPatientDraft, ...initialDraft })
  const duplicates = duplicatesOf(register.error)

  const close = () => {
    register.reset()
    setDraft(emptyPatientDraft)
    onClose()
  }

  const send = (confirmNotDuplicate: boolean) =>
    register.mutate(
      { ...fieldsOf(draft), ...(confirmNotDuplicate ? { confirmNotDuplicate } : {}) },
      {
        onSuccess: (patient) => {
          onRegistered?.(patient.id)
          close()
          navigate(clinicPath(clinicId, `patients/${patient.id}`))
        },
      },
    )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    send(false)
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Register patient"
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          <PatientFieldsForm draft={draft} onChange={setDraft} error={register.error} />
          {duplicates.length > 0 ? (
            <Alert
              color="orange"
              variant="light"
              role="alert"
              title="This may be a patient already registered"
            >
              <Stack gap="xs">
                <Text size="sm">A patient with the same name and date of birth exists:</Text>
                <List size="sm">
                  {duplicates.map((d) => (
                    <List.Item key={d.id}>
                      <Anchor component={Link} to={clinicPath(clinicId, `patients/${d.id}`)} onClick={close}>
                        {d.name}, MRN {d.mrn}, born {formatCalendarDate(d.dateOfBirth)} — open chart
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
                <Group>
                  <Button
                    color="orange"
                    variant="light"
                    onClick={() => send(true)}
                    loading={register.isPending}
                  >
                    This is a different person — register anyway
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <MutationError error={register.error} placedFields={patientFieldNames} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={register.isPending} disabled={duplicates.length > 0}>
              Register patient
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
