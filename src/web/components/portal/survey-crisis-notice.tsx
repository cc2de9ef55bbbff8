import { Anchor, Paper, Text } from '@mantine/core'
import { CrisisResources } from '../../pages/learn/crisis-resources'

/**
 * Shown in a portal survey the moment a suicidal-ideation answer reaches the clinic's warning or
 * urgent level (PHQ-9 item 9, QIDS-SR16 item 12; clinical-reference §4), before anything is sent:
 * crisis resources first with the clinic's own phone, and the honest truth that the clinic may not
 * read the answers at once.
 */
export function SurveyCrisisNotice({
  clinic,
  isSent = false,
}: {
  clinic: { name: string; phone: string | null }
  isSent?: boolean
}) {
  return (
    <div data-testid="portal-crisis">
      <CrisisResources id={isSent ? 'portal-crisis-sent' : 'portal-crisis'} clinic={clinic} />
      <Paper withBorder radius="md" p="md" mt="xs" style={{ borderColor: 'var(--mantine-color-red-7)' }}>
        <Text fw={600}>
          {isSent
            ? 'We have told your clinic about this answer. But they may not read it right away, for example at night or on the weekend.'
            : 'When you send your answers, we will tell your clinic. But they may not read them right away, for example at night or on the weekend.'}{' '}
          If you are in danger now, call{' '}
          <Anchor href="tel:911" underline="always">
            911
          </Anchor>{' '}
          or call/text{' '}
          <Anchor href="tel:988" underline="always">
            988
          </Anchor>
          .
        </Text>
      </Paper>
    </div>
  )
}
