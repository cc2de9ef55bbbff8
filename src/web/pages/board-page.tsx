import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { clinicDateOf } from '../../domain/time'
import { type BoardCard, useBoard, useBoardCheckIn } from '../api/sessions'
import { clinicPath } from '../clinic-path'
import { formatClinicDay } from '../components/clinical-day'
import { ClinicalFact } from '../components/clinical-fact'
import { hasClinicPermission, useCurrentClinic } from '../components/current-clinic'
import { MutationError } from '../components/mutation-error'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { useNow } from '../components/use-now'
import { SafetyAlertsPanel } from '../components/worklist/safety-alerts-panel'
import { countdown, formatClock, formatDuration } from '../lib/clock-format'
import { routeLabels, stateColors, stateLabels } from '../lib/session-labels'

/** "14:05" when booked on the board's day, "Sat 22:05" when the session began on an earlier one. */
function bookedAt(iso: string, timeZone: string, boardDay: string): string {
  const clock = formatClock(iso, timeZone)
  if (clinicDateOf(new Date(iso), timeZone) === boardDay) return clock
  const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone }).format(new Date(iso))
  return `${weekday} ${clock}`
}

/** A line of a board card: what, and its value on the right. */
function Fact({ label, children, color }: { label: string; children: React.ReactNode; color?: string }) {
  return (
    <ClinicalFact isRow gap={6} label={label} size="sm" fw={500} c={color} ta="right">
      {children}
    </ClinicalFact>
  )
}

function SessionCard({
  card,
  boardDay,
  timeZone,
  nowMs,
  canOpenSession,
  canCheckIn,
}: {
  card: BoardCard
  /** The board's calendar day: a session booked on an earlier one is still at the chair. */
  boardDay: string
  timeZone: string
  nowMs: number
  canOpenSession: boolean
  canCheckIn: boolean
}) {
  const { membership } = useCurrentClinic()
  const checkIn = useBoardCheckIn(membership.clinicId)
  const due = card.nextVitalsDueAt ? countdown(Date.parse(card.nextVitalsDueAt), nowMs) : null
  const to = canOpenSession
    ? clinicPath(membership.clinicId, `sessions/${card.id}`)
    : clinicPath(membership.clinicId, `patients/${card.patient.id}`)
  const isEnded = ['discharged', 'cancelled', 'aborted'].includes(card.state)
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      aria-label={`${card.patient.name}, ${stateLabels[card.state]}`}
      style={{
        borderLeft: `5px solid var(--mantine-color-${card.openAlerts.length ? 'red' : stateColors[card.state]}-6)`,
        opacity: isEnded ? 0.85 : 1,
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <Anchor component={Link} to={to} fw={700} size="md" lh={1.2}>
            {card.patient.name}
          </Anchor>
          <Badge color={stateColors[card.state]} variant="light" style={{ flexShrink: 0 }}>
            {stateLabels[card.state]}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {card.patient.mrn} · {routeLabels[card.route]} · session {card.sessionNumber}
        </Text>
        <Fact label="Booked">{bookedAt(card.scheduledAt, timeZone, boardDay)}</Fact>
        {card.doseStartedAt && !isEnded && (
          <Fact label="Since dose">{formatDuration(nowMs - Date.parse(card.doseStartedAt))}</Fact>
        )}
        {due && (
          <Fact label="Vitals" color={due.isOverdue ? 'red.8' : undefined}>
            <span role="timer" aria-label={`Next vitals ${due.text}`}>
              {due.text}
            </span>
          </Fact>
        )}
        {card.openAlerts.map((a) => (
          <Badge
            key={a.code}
            color="red"
            variant="filled"
            fullWidth
            tt="none"
            radius="sm"
            // The whole alert, wrapped: Mantine's label otherwise cuts it off with an ellipsis.
            styles={{
              root: { height: 'auto', paddingBlock: 4, justifyContent: 'flex-start' },
              label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3, textAlign: 'left' },
            }}
          >
            {a.message}
          </Badge>
        ))}
        {card.supervisingPrescriber && <Fact label="Prescriber">{card.supervisingPrescriber}</Fact>}
        {card.nurse && <Fact label="Nurse">{card.nurse}</Fact>}
        {card.dischargeReadyAt && !isEnded && (
          <Fact label="Ready at">{formatClock(card.dischargeReadyAt, timeZone)}</Fact>
        )}
        {card.remsDueAt && !card.remsSubmittedAt && (
          <Fact label="REMS form due" color="orange.8">
            {new Date(card.remsDueAt).toLocaleDateString(undefined, { timeZone })}
          </Fact>
        )}
        {card.state === 'scheduled' && canCheckIn && (
          <Button
            size="md"
            onClick={() => checkIn.mutate({ sessionId: card.id, version: card.version })}
            loading={checkIn.isPending}
            aria-label={`Check in ${card.patient.name}`}
          >
            Check in
          </Button>
        )}
        <MutationError error={checkIn.error} />
      </Stack>
    </Paper>
  )
}

/** Today's board: every chair with its sessions, pushed by the server as they change. */
export function BoardPage() {
  const { membership } = useCurrentClinic()
  const [params, setParams] = useSearchParams()
  const [dateInput, setDateInput] = useState(params.get('date') ?? '')
  const board = useBoard(membership.clinicId, params.get('date'))
  const nowMs = useNow()
  const canOpenSession = hasClinicPermission(membership, 'clinical:read')
  const canCheckIn = hasClinicPermission(membership, 'scheduling:write')

  if (board.isPending) return <PageLoader />
  if (board.isError) return <ErrorAlert error={board.error} title="Could not load the board" />
  const { chairs, sessions, timeZone, remsOwed } = board.data
  const unassigned = sessions.filter((s) => !chairs.some((c) => c.id === s.chairId))
  const columns = [
    ...chairs.map((c) => ({ id: c.id, name: c.name, sessions: sessions.filter((s) => s.chairId === c.id) })),
    ...(unassigned.length ? [{ id: 'none', name: 'No chair', sessions: unassigned }] : []),
  ]

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {params.get('date') ? 'Board' : 'Today'}
          </Title>
          <Text size="sm" c="dimmed" role="status">
            {formatClinicDay(board.data.date, 'long')} · updated{' '}
            {formatClock(board.data.generatedAt, timeZone)}
            {board.live === 'open' ? ' · live' : ''}
            {board.live === 'reconnecting' || board.isRefetchError
              ? ' · offline, showing the last update'
              : ''}
          </Text>
        </Stack>
        <Group gap="xs" align="flex-end">
          <TextInput
            type="date"
            label="Day"
            value={dateInput || board.data.date}
            onChange={(e) => {
              setDateInput(e.currentTarget.value)
              if (e.currentTarget.value) setParams({ date: e.currentTarget.value }, { replace: true })
            }}
            size="md"
          />
          {params.get('date') && (
            <Button
              variant="default"
              size="md"
              onClick={() => {
                setDateInput('')
                setParams({}, { replace: true })
              }}
            >
              Today
            </Button>
          )}
        </Group>
      </Group>

      {canOpenSession && <SafetyAlertsPanel clinicId={membership.clinicId} />}

      {remsOwed.length > 0 && (
        <Alert color="orange" variant="light" title="Esketamine REMS monitoring forms owed">
          <Stack gap={4}>
            {remsOwed.map((r) => (
              <Group key={r.sessionId} gap="xs">
                {canOpenSession ? (
                  <Anchor component={Link} to={clinicPath(membership.clinicId, `sessions/${r.sessionId}`)}>
                    {r.patient}
                  </Anchor>
                ) : (
                  <Text size="sm">{r.patient}</Text>
                )}
                <Text size="sm" c={Date.parse(r.dueAt) < nowMs ? 'red.8' : undefined}>
                  ({r.mrn}) due {new Date(r.dueAt).toLocaleDateString(undefined, { timeZone })}
                </Text>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, xs: 2, md: Math.min(4, Math.max(columns.length, 1)) }} spacing="md">
        {columns.map((column) => (
          <section key={column.id} aria-label={column.name}>
            <Stack gap="sm">
              <Paper bg="gray.1" px="sm" py={6} radius="md">
                <Group justify="space-between">
                  <Text fw={700}>{column.name}</Text>
                  <Text size="sm" c="dimmed">
                    {column.sessions.length} session{column.sessions.length === 1 ? '' : 's'}
                  </Text>
                </Group>
              </Paper>
              {column.sessions.length === 0 && (
                <Text size="sm" c="dimmed" ta="center" py="md">
                  Free all day
                </Text>
              )}
              {column.sessions.map((card) => (
                <SessionCard
                  key={card.id}
                  card={card}
                  boardDay={board.data.date}
                  timeZone={timeZone}
                  nowMs={nowMs}
                  canOpenSession={canOpenSession}
                  canCheckIn={canCheckIn}
                />
              ))}
            </Stack>
          </section>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
