import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useClinicSummary } from '../api/clinic'
import { useCurrentClinic } from '../components/current-clinic'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { roleLabel } from '../lib/roles'

function CountCard({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  )
}

export function HomePage() {
  const { me, membership } = useCurrentClinic()
  const summary = useClinicSummary(membership.clinicId)

  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {summary.data?.clinicName ?? membership.clinicName}
        </Title>
        <Text c="dimmed">{membership.organizationName}</Text>
      </Stack>
      <Text>
        Welcome, {me.user.displayName}. You are signed in as {roleLabel(membership.role).toLowerCase()} at{' '}
        {membership.clinicName}. Use the menu to open the parts of KetaCare your role gives you.
      </Text>
      {summary.isPending && <PageLoader />}
      {summary.isError && <ErrorAlert error={summary.error} title="Could not load the clinic summary" />}
      {summary.data && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            At a glance
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
            <CountCard label="Users" value={summary.data.counts.users} />
            <CountCard label="Audit events" value={summary.data.counts.auditEvents} />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            Times are shown in the clinic’s time zone, {summary.data.timeZone}.
          </Text>
        </Stack>
      )}
    </Stack>
  )
}
