import { Anchor, Group, Progress, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { useChart } from '../../api/chart'
import { ChecklistItem } from '../../components/checklist-item'
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
          <ChecklistItem
            key={item.id}
            color={item.isDone ? 'teal' : 'orange'}
            mark={item.isDone ? '✓' : '!'}
            label={item.label}
            state={item.isDone ? 'done' : 'missing'}
            detail={item.detail}
            action={
              !item.isDone &&
              tabOfItem[item.id] && (
                <Anchor
                  component={Link}
                  to={`?tab=${tabOfItem[item.id]}`}
                  replace
                  size="sm"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  Go to {tabOfItem[item.id]}
                </Anchor>
              )
            }
          />
        ))}
      </Stack>
    </Stack>
  )
}
