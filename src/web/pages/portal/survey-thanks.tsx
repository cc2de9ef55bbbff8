import { Anchor, Button, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import type { PortalScope } from '../../api/portal'
import { SurveyCrisisNotice } from '../../components/portal/survey-crisis-notice'

/** After sending: a calm thank-you, no score or verdict; the clinic talks results through. */
export function SurveyThanks({
  clinic,
  scope,
  isCrisis,
}: {
  clinic: { name: string; phone: string | null }
  scope: PortalScope
  isCrisis: boolean
}) {
  return (
    <Stack gap="lg">
      {isCrisis && <SurveyCrisisNotice clinic={clinic} isSent />}
      <Stack gap="xs" role="status">
        <Title order={2} size="h3">
          Thank you. Your answers are with {clinic.name}
        </Title>
        <Text fz="lg">
          Your care team uses these check-ins to see how you are doing over time. They will talk them over
          with you at your next visit.
        </Text>
      </Stack>
      {scope === 'full' ? (
        <Button component={Link} to="/portal" size="lg" fullWidth variant={isCrisis ? 'default' : 'filled'}>
          Back to my portal
        </Button>
      ) : (
        <Text fz="lg">
          To see your other surveys, your visits and your progress,{' '}
          <Anchor component={Link} to="/portal/sign-in" underline="always">
            sign in to your portal
          </Anchor>
          .
        </Text>
      )}
    </Stack>
  )
}
