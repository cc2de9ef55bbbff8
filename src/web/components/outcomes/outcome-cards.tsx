import { SimpleGrid, Stack } from '@mantine/core'
import type { OutcomeDashboard } from '../../api/outcomes'
import { RelapseCard, ResponseCard } from './efficacy-cards'
import { BloodPressureCard, ChairCard, NoResponseCard, SideEffectsCard } from './safety-cards'

/** The six cards, charts first: efficacy across the top, safety and operations below. */
export function OutcomeCards({ data }: { data: OutcomeDashboard }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ResponseCard data={data} />
        <RelapseCard data={data} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SideEffectsCard data={data} />
        <Stack gap="md">
          <BloodPressureCard data={data} />
          <NoResponseCard data={data} />
          <ChairCard data={data} />
        </Stack>
      </SimpleGrid>
    </Stack>
  )
}
