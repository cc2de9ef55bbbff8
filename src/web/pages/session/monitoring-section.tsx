import { SimpleGrid, Stack } from '@mantine/core'
import { DissociationCheckPanel, MonitoringPrompt } from './esketamine-monitoring'
import { ScoreEntry } from './score-entry'
import type { SectionProps } from './section-props'
import { SessionChart } from './session-chart'
import { SideEffectsPanel } from './side-effects-panel'
import { VitalsPad } from './vitals-pad'
import { VitalsTable } from './vitals-table'

/** During and after the dose: vitals, side effects, dissociation and sedation scores, the live chart. */
export function MonitoringSection(props: SectionProps) {
  const { view, canWrite } = props
  const isCharting = ['dosing', 'monitoring', 'ready-for-discharge'].includes(view.session.state)
  const isEsketamine = view.session.route === 'intranasal'
  return (
    <Stack gap="md">
      {isCharting && <MonitoringPrompt {...props} />}
      <SessionChart view={view} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          {canWrite && isCharting && (
            <VitalsPad {...props} context={view.session.state === 'dosing' ? 'intra' : 'post'} />
          )}
          <VitalsTable {...props} />
        </Stack>
        <Stack gap="md">
          {isEsketamine && view.devices?.given.length ? <DissociationCheckPanel {...props} /> : null}
          <SideEffectsPanel {...props} />
          {canWrite && isCharting && (
            <ScoreEntry
              {...props}
              title="Dissociation and post-session scores"
              isCollapsed
              context="post"
              instrumentIds={['cadss', 'bprs4', 'phq9']}
            />
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  )
}
