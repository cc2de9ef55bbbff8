import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import {
  type PortalAppointment,
  type PortalSurvey,
  usePortalAppointments,
  usePortalMe,
  usePortalSurveys,
} from '../../api/portal'
import { PortalHeading } from './portal-fields'
import { dueText, formatDay, formatTime, reasonText, routeText } from './portal-format'
import { PortalQueryStatus } from './portal-status'
import { answeredCount, findPatientInstrument } from './survey-flow'

function SurveyCard({ survey, nowMs }: { survey: PortalSurvey; nowMs: number }) {
  const instrument = findPatientInstrument(survey.instrumentId)
  const done = instrument ? answeredCount(instrument, survey.answers) : 0
  const total = instrument?.items.length ?? 0
  const isStarted = survey.status === 'in-progress' && done > 0
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={survey.instrumentName}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Text fw={700} fz="lg">
              {survey.instrumentName}
            </Text>
            <Text>{reasonText(survey.reason)}</Text>
          </Stack>
          <Text size="sm" style={{ flexShrink: 0 }}>
            {total} questions
          </Text>
        </Group>
        <Text fw={600}>{dueText(survey.dueAt, nowMs)}</Text>
        {isStarted && (
          <Text size="sm">
            You have answered {done} of {total}. You can go on from where you stopped.
          </Text>
        )}
        <Button component={Link} to={`/portal/surveys/${survey.id}`} size="lg" fullWidth>
          {isStarted ? `Continue ${survey.instrumentName}` : `Start ${survey.instrumentName}`}
        </Button>
      </Stack>
    </Paper>
  )
}

function AppointmentCard({ appointment }: { appointment: PortalAppointment }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={`Visit on ${formatDay(appointment.scheduledAt)}`}
    >
      <Stack gap="xs">
        <Text fw={700} fz="lg">
          {formatDay(appointment.scheduledAt)} at {formatTime(appointment.scheduledAt)}
        </Text>
        <Text>
          {routeText(appointment.route)} · {appointment.clinicName}
        </Text>
        {appointment.instructions.length > 0 && (
          <>
            <Text fw={600} mt="xs">
              Before you come
            </Text>
            <List spacing="xs">
              {appointment.instructions.map((instruction) => (
                <List.Item key={instruction}>{instruction}</List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  )
}

/** Home: what is due first, then the next visits and how to prepare, then progress and documents. */
export function PortalHomePage() {
  const me = usePortalMe()
  const surveys = usePortalSurveys()
  const appointments = usePortalAppointments()
  const nowMs = Date.now()
  const sorted = [...(surveys.data ?? [])].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
  return (
    <Stack gap="xl">
      <PortalHeading
        title={<>Hello, {me.data?.patient.givenName}</>}
        lead={<>Thank you for keeping in touch with {me.data?.clinic.name} between visits.</>}
      />

      <Stack gap="sm" component="section" aria-labelledby="portal-surveys-title">
        <Title order={2} size="h3" id="portal-surveys-title">
          Surveys to fill in
        </Title>
        <PortalQueryStatus query={surveys} />
        {surveys.data && sorted.length === 0 && (
          <Text>Nothing to fill in right now. We will let you know when the next check-in is due.</Text>
        )}
        {sorted.map((survey) => (
          <SurveyCard key={survey.id} survey={survey} nowMs={nowMs} />
        ))}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="portal-visits-title">
        <Title order={2} size="h3" id="portal-visits-title">
          Your upcoming visits
        </Title>
        <PortalQueryStatus query={appointments} />
        {appointments.data?.length === 0 && <Text>No visits booked at the moment.</Text>}
        {appointments.data?.map((appointment) => (
          <AppointmentCard key={appointment.id} appointment={appointment} />
        ))}
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Paper withBorder radius="md" p="md">
          <Stack gap={4}>
            <Anchor component={Link} to="/portal/progress" fw={700} fz="lg" className="portal-tap">
              Your progress
            </Anchor>
            <Text size="sm">Your scores over time, with your sessions marked.</Text>
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap={4}>
            <Anchor component={Link} to="/portal/documents" fw={700} fz="lg" className="portal-tap">
              Your documents
            </Anchor>
            <Text size="sm">The consent you signed, and what to do after each visit.</Text>
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  )
}
