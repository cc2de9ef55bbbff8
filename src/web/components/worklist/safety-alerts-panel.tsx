import { Alert, Stack } from '@mantine/core'
import { useWorklist } from '../../api/worklist'
import { ShownOfTotal, WorklistItemRow } from './worklist-item-row'

/**
 * The clinic's open suicidal-ideation alerts — answered at the chair or in the patient portal —
 * with the patient and a link to the chart where they are followed up (issue 14). Only for roles
 * that read the chart; the server sends the section to no one else.
 */
export function SafetyAlertsPanel({ clinicId }: { clinicId: string }) {
  const worklist = useWorklist(clinicId, { section: 'safety' })
  const section = worklist.data?.sections.find((s) => s.id === 'safety')
  if (!worklist.data || !section || section.items.length === 0) return null
  return (
    <Alert
      color="red"
      variant="light"
      title={`Open safety alerts (${section.total})`}
      aria-label="Open safety alerts"
    >
      <Stack gap={6}>
        {section.items.map((item) => (
          <WorklistItemRow
            key={item.id}
            item={item}
            clinicId={clinicId}
            timeZone={worklist.data.timeZone}
            today={worklist.data.date}
          />
        ))}
        <ShownOfTotal section={section} />
      </Stack>
    </Alert>
  )
}
