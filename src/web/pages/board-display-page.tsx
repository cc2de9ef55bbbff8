import { Alert, Badge, Center, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { type DisplayBoard, DisplayRefused, fetchDisplayBoard } from '../api/board-displays'
import { ClinicalFact } from '../components/clinical-fact'
import { PageLoader } from '../components/page-status'
import { useNow } from '../components/use-now'
import { countdown, formatClock, formatDuration } from '../lib/clock-format'
import { stateColors, stateLabels } from '../lib/session-labels'

// The Today board as a read-only display for a nurses' station (issue 14). It is reached with a
// display link an administrator made; it needs no staff sign-in, never locks, opens nothing, and
// the server sends it no more than chair, first-name initial, phase and timers.

const tokenKey = 'ketacare.boardDisplayToken'
const refreshMs = 15_000

/** Takes the token from the link's fragment once, keeps it for reloads, and clears the address bar. */
function readToken(): string | null {
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('token')
  try {
    if (fromLink) {
      window.localStorage.setItem(tokenKey, fromLink)
      window.history.replaceState(null, '', window.location.pathname)
      return fromLink
    }
    return window.localStorage.getItem(tokenKey)
  } catch {
    return fromLink
  }
}

function Timer({ label, children, color }: { label: string; children: React.ReactNode; color?: string }) {
  return (
    <ClinicalFact isRow gap="xs" label={label} labelSize="sm" size="xl" fw={700} c={color} ff="monospace">
      {children}
    </ClinicalFact>
  )
}

function Tile({
  s,
  timeZone,
  nowMs,
}: {
  s: DisplayBoard['sessions'][number]
  timeZone: string
  nowMs: number
}) {
  const isEnded = s.phase === 'discharged' || s.phase === 'aborted'
  const due = s.nextVitalsDueAt && !isEnded ? countdown(Date.parse(s.nextVitalsDueAt), nowMs) : null
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      style={{
        borderLeft: `6px solid var(--mantine-color-${due?.isOverdue ? 'red' : stateColors[s.phase]}-6)`,
      }}
      aria-label={`${s.chair ?? 'No chair'}: ${stateLabels[s.phase]}`}
    >
      <Stack gap={8}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={800} size="xl">
            {s.chair ?? 'No chair'}
          </Text>
          <Text fw={800} size="xl" c="teal.8">
            {s.initial}
          </Text>
        </Group>
        <Badge color={stateColors[s.phase]} variant="light" size="lg">
          {stateLabels[s.phase]}
        </Badge>
        {s.phase === 'scheduled' && <Timer label="Booked">{formatClock(s.scheduledAt, timeZone)}</Timer>}
        {s.doseStartedAt && !isEnded && (
          <Timer label="Since dose">{formatDuration(nowMs - Date.parse(s.doseStartedAt))}</Timer>
        )}
        {due && (
          <Timer label="Vitals" color={due.isOverdue ? 'red.8' : undefined}>
            <span role="timer">{due.text}</span>
          </Timer>
        )}
        {s.dischargeReadyAt && !isEnded && (
          <Timer label="Ready at">{formatClock(s.dischargeReadyAt, timeZone)}</Timer>
        )}
      </Stack>
    </Paper>
  )
}

export function BoardDisplayPage() {
  const [token] = useState(readToken)
  const nowMs = useNow()
  const board = useQuery({
    queryKey: ['board-display', token],
    queryFn: () => fetchDisplayBoard(token!),
    enabled: Boolean(token),
    refetchInterval: refreshMs,
    refetchIntervalInBackground: true,
    retry: (count, error) => !(error instanceof DisplayRefused) && count < 2,
  })

  if (!token || board.error instanceof DisplayRefused)
    return (
      <Center mih="100vh" p="md">
        <Alert color="yellow" title="This screen is not set up as a board display" maw={520}>
          {token
            ? 'Its display link was switched off. '
            : 'Open the display link your clinic administrator made for this screen. '}
          An administrator can make a new one under Board displays.
        </Alert>
      </Center>
    )
  if (board.isPending) return <PageLoader />
  if (!board.data)
    return (
      <Center mih="100vh">
        <Alert color="red">The board could not be loaded. It will try again.</Alert>
      </Center>
    )
  const { data } = board
  return (
    <Stack p="md" gap="md" mih="100vh" bg="gray.0">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h2">
            Today · {data.clinicName}
          </Title>
          <Text size="sm" c="dimmed">
            {data.displayName}: chair, first initial and timers only.
            {board.isError ? ' Reconnecting…' : ''}
          </Text>
        </Stack>
        <Text fw={700} size="xl" ff="monospace">
          {formatClock(nowMs, data.timeZone)}
        </Text>
      </Group>
      {data.sessions.length === 0 ? (
        <Text c="dimmed">No sessions today.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 4 }} spacing="md">
          {data.sessions.map((s) => (
            <Tile
              key={`${s.chair ?? 'none'}-${s.scheduledAt}`}
              s={s}
              timeZone={data.timeZone}
              nowMs={nowMs}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  )
}
