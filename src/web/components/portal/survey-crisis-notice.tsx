import { Anchor, Paper, Text } from '@mantine/core'
import { CrisisResources } from '../../pages/learn/crisis-resources'

/**
 * Shown in a portal survey the moment a suicidal-ideation answer reaches the clinic's warning or
 * urgent level (PHQ-9 item 9, QIDS-SR16 item 12; clinical-reference §4), before anything is sent:
 * crisis resources first, and the honest truth that the clinic may not read the answers at once.
 */
export function SurveyCrisisNotice({ isSent = false }: { isSent?: boolean }) {
  return (
    <div data-testid="portal-crisis">
      <CrisisResources id={isSent ? 'portal-crisis-sent' : 'portal-crisis'} />
      <Paper withBorder radius="md" p="md" mt="xs" style={{ borderColor: 'var(--mantine-color-red-7)' }}>
        <Text fw={600}>
          {isSent
            ? 'We have let your clinic know about this answer, but they may not read it right away — for example at night or at the weekend.'
            : 'When you send your answers, your clinic will be alerted — but they may not read them right away, for example at night or at the weekend.'}{' '}
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
