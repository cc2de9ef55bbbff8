import { Anchor, Group, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { Link } from 'react-router'
import { useChart } from '../../api/chart'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import type { ChartTabProps } from './chart-tab-props'

// Where each checklist item is done, so "missing" is one tap from its form.
const tabOfItem: Record<string, string> = {
  escort: 'demographics',
  weight: 'demographics',
  history: 'history',
  contraindications: 'history',
  scores: 'assessments',
  vitals: 'assessments',
  alerts: 'assessments',
  eligibility: 'eligibility',
  consent: 'consent',
  plan: 'plan',
  rems: 'sessions',
}

export function OverviewTab({ clinicId, patientId }: ChartTabProps) {
  const chart = useChart(clinicId, patientId)
  if (chart.isPending) return <PageLoader />
  if (chart.isError) return <ErrorAlert error={chart.error} title="Could not load the checklist" />
  const { checklist } = chart.data
  const done = checklist.filter((c) => c.isDone).length

  return (
    <Stack gap="md" maw={900}>
      <Stack gap={4}>
        <Title order={2} size="h4">
          What is missing before the first session
        </Title>
        <Group gap="sm">
          <Progress
            value={(done / checklist.length) * 100}
            w={240}
            size="lg"
            aria-label="Checklist progress"
          />
          <Text size="sm" c="dimmed">
            {done} of {checklist.length} done
          </Text>
        </Group>
      </Stack>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Checklist">
        {checklist.map((item) => (
          <Paper
            key={item.id}
            component="li"
            withBorder
            p="sm"
            radius="md"
            style={{ borderLeft: `4px solid var(--mantine-color-${item.isDone ? 'teal' : 'orange'}-6)` }}
          >
            <Group justify="space-between" wrap="nowrap" gap="md">
              <Group gap="sm" wrap="nowrap">
                <ThemeIcon color={item.isDone ? 'teal' : 'orange'} variant="light" radius="xl" aria-hidden>
                  {item.isDone ? '✓' : '!'}
                </ThemeIcon>
                <Stack gap={0}>
                  <Text fw={500}>
                    {item.label}
                    <Text span size="sm" c={item.isDone ? 'teal.8' : 'orange.8'} fw={600}>
                      {' '}
                      — {item.isDone ? 'done' : 'missing'}
                    </Text>
                  </Text>
                  <Text size="sm" c="dimmed">
                    {item.detail}
                  </Text>
                </Stack>
              </Group>
              {!item.isDone && tabOfItem[item.id] && (
                <Anchor
                  component={Link}
                  to={`?tab=${tabOfItem[item.id]}`}
                  replace
                  size="sm"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  Go to {tabOfItem[item.id]}
                </Anchor>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  )
}
