import { Stack } from '@mantine/core'
import { isMonitoringOpen } from '../../../domain/session'
import { DissociationCheckPanel, MonitoringPrompt } from './esketamine-monitoring'
import { ScoreEntry } from './score-entry'
import type { SectionProps } from './section-props'
import { SessionChart } from './session-chart'
import { SideEffectsPanel } from './side-effects-panel'
import { VitalsTable } from './vitals-table'

/**
 * During and after the dose: what is due, the live chart, side effects, the esketamine dissociation
 * check and scores, then the vitals as charted. The vitals pad is in the chair-side column.
 */
export function MonitoringSection(props: SectionProps) {
  const { view, canWrite } = props
  const isCharting = isMonitoringOpen(view.session.state)
  const isEsketamine = view.session.route === 'intranasal'
  return (
    <Stack gap="md">
      {isCharting && <MonitoringPrompt {...props} />}
      {isEsketamine && view.devices?.given.length ? <DissociationCheckPanel {...props} /> : null}
      <SessionChart view={view} />
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
      <VitalsTable {...props} />
    </Stack>
  )
}
