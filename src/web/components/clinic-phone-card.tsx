import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { type ClinicDetails, useClinicDetails, useSaveClinicPhone } from '../api/clinic'
import { useClinicalForm } from './clinical-form'
import { MutationError } from './mutation-error'
import { ErrorAlert, PageLoader } from './page-status'
import { SectionCard } from './section-heading'

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
  const { form, values, field } = useClinicalForm({ phone: details.phone ?? '' }, save.error)
  const { phone } = values
  return (
    <form onSubmit={form.onSubmit(() => save.mutate({ phone, version: details.version }))}>
      <Stack gap="sm">
        <TextInput
          label="Clinic phone number for patients"
          description="Shown on the portal's crisis screen, on the discharge sheet and after a self-check is sent."
          type="tel"
          autoComplete="off"
          {...field('phone')}
          maw={420}
        />
        <MutationError mutation={save} placedFields={['phone']} onReload={onReload} />
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
    <SectionCard titleId="clinic-details-title" title="Clinic details for patients" titleSize="h3" gap="sm">
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
    </SectionCard>
  )
}
