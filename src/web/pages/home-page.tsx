import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useClinicSummary } from '../api/clinic'
import { useWorklist, type WorklistSection } from '../api/worklist'
import { formatClinicDay } from '../components/clinical-day'
import { useCurrentClinic } from '../components/current-clinic'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { ShownOfTotal, WorklistItemRow } from '../components/worklist/worklist-item-row'
import { roleLabel } from '../lib/roles'

function SectionCard(props: { section: WorklistSection; clinicId: string; timeZone: string; today: string }) {
  const { section, clinicId, timeZone, today } = props
  const pressing = section.items.filter((i) => i.urgency === 'urgent').length
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={section.title}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            {section.title}
          </Title>
          <Badge
            color={pressing ? 'red' : section.total ? 'blue' : 'gray'}
            variant={pressing ? 'filled' : 'light'}
            aria-label={`${section.total} item${section.total === 1 ? '' : 's'}`}
          >
            {section.total}
          </Badge>
        </Group>
        {section.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {section.emptyText}
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {section.items.map((item) => (
              <li key={item.id}>
                <WorklistItemRow item={item} clinicId={clinicId} timeZone={timeZone} today={today} />
              </li>
            ))}
          </Stack>
        )}
        <ShownOfTotal section={section} />
      </Stack>
    </Paper>
  )
}

/** Home: the signed-in person's worklist in this clinic, each item a tap away from where it is done. */
export function HomePage() {
  const { me, membership } = useCurrentClinic()
  const summary = useClinicSummary(membership.clinicId)
  const worklist = useWorklist(membership.clinicId)
  const data = worklist.data

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {summary.data?.clinicName ?? membership.clinicName}
        </Title>
        <Text c="dimmed">
          {me.user.displayName} · {roleLabel(membership.role)}
          {data ? ` · ${formatClinicDay(data.date, 'long')}` : ''}
        </Text>
      </Stack>
      {worklist.isPending && <PageLoader />}
      {worklist.isError && <ErrorAlert error={worklist.error} title="Could not load your worklist" />}
      {data && (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
          {data.sections.map((section) => (
            <SectionCard
              key={section.id}
              section={section}
              clinicId={membership.clinicId}
              timeZone={data.timeZone}
              today={data.date}
            />
          ))}
        </SimpleGrid>
      )}
      {data && (
        <Text size="sm" c="dimmed">
          Times are shown in the clinic’s time zone, {data.timeZone}. The list refreshes every minute.
        </Text>
      )}
    </Stack>
  )
}
