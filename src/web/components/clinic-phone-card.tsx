import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { type ClinicDetails, useClinicDetails, useSaveClinicPhone } from '../api/clinic'
import { fieldError, MutationError } from './mutation-error'
import { ErrorAlert, PageLoader } from './page-status'

function PhoneForm({
  clinicId,
  details,
  onReload,
}: {
  clinicId: string
  details: ClinicDetails
  onReload: () => void
}) {
  const save = useSaveClinicPhone(clinicId)
  const [phone, setPhone] = useState(details.phone ?? '')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate({ phone, version: details.version })
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput
          label="Clinic phone number for patients"
          description="Shown on the portal's crisis screen, on the discharge sheet and after a self-check is sent."
          type="tel"
          autoComplete="off"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={fieldError(save.error, 'phone')}
          maw={420}
        />
        <MutationError
          error={save.error}
          placedFields={['phone']}
          onReload={() => {
            save.reset()
            onReload()
          }}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={phone.trim() === (details.phone ?? '')}>
            Save phone number
          </Button>
          {save.isSuccess && (
            <Text size="sm" role="status">
              Saved.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  )
}

/** The clinic's details patients see, edited by the administrator on the Settings page. */
export function ClinicPhoneCard({ clinicId }: { clinicId: string }) {
  const details = useClinicDetails(clinicId)
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="clinic-details-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="clinic-details-title">
          Clinic details for patients
        </Title>
        {details.isPending && <PageLoader />}
        {details.isError && <ErrorAlert error={details.error} />}
        {details.data && (
          <PhoneForm
            key={details.data.version}
            clinicId={clinicId}
            details={details.data}
            onReload={() => void details.refetch()}
          />
        )}
      </Stack>
    </Paper>
  )
}
