import { Badge } from '@mantine/core'
import type { PatientStage } from '../api/patients'
import { stageColors, stageLabels } from '../lib/intake-labels'

export function StageBadge({ stage, size = 'md' }: { stage: PatientStage; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={stageColors[stage]} variant="light" size={size} style={{ minWidth: 'max-content' }}>
      {stageLabels[stage]}
    </Badge>
  )
}
