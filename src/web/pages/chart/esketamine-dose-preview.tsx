import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core'
import {
  type DevicePlan,
  devicesForDose,
  type EsketamineProtocol,
  esketamineDeviceMg,
  esketamineStartDose,
  type Frequency,
  minutesBetweenDevices,
} from '../../../domain/dosing'

export const frequencyLabels: Record<string, string> = {
  'label-schedule': 'Label schedule (twice weekly, then weekly, then every 1–2 weeks)',
  'twice-weekly': 'Twice weekly',
  weekly: 'Weekly',
  'every-2-weeks': 'Every 2 weeks',
}

const phaseLabels: Record<EsketamineProtocol['phases'][number]['name'], string> = {
  induction: 'Induction',
  maintenance: 'Maintenance',
  continuation: 'Continuation',
}

const sessionsPerWeek: Record<Frequency, number> = { 'twice-weekly': 2, weekly: 1, 'every-2-weeks': 0.5 }

export interface ScheduleRow {
  phase: string
  fromWeek: number
  toWeek: number
  frequency: Frequency
  sessions: number
}

/**
 * How the planned sessions fall over the treatment weeks (clinical-reference §3): on the label
 * schedule each phase in turn at its first (default) frequency; on a fixed cadence, that cadence
 * throughout. `beyondProtocol` counts sessions past the end of a protocol with a fixed length (the
 * suicidal-ideation course is 4 weeks).
 */
export function sessionSchedule(
  protocol: EsketamineProtocol,
  cadence: string,
  plannedSessions: number,
): { rows: ScheduleRow[]; beyondProtocol: number } {
  const sessions = Number.isInteger(plannedSessions) && plannedSessions > 0 ? plannedSessions : 0
  const last = protocol.phases.at(-1)
  const lastWeek = last?.toWeek ?? null
  if (cadence !== 'label-schedule') {
    const frequency = cadence as Frequency
    const perWeek = sessionsPerWeek[frequency] ?? 1
    const capacity = lastWeek === null ? sessions : Math.min(sessions, Math.floor(lastWeek * perWeek))
    const rows =
      capacity > 0
        ? [
            {
              phase: 'Whole course',
              fromWeek: 1,
              toWeek: Math.ceil(capacity / perWeek),
              frequency,
              sessions: capacity,
            },
          ]
        : []
    return { rows, beyondProtocol: sessions - capacity }
  }
  let remaining = sessions
  const rows: ScheduleRow[] = []
  for (const phase of protocol.phases) {
    if (remaining <= 0) break
    const frequency = phase.frequencies[0]!
    const perWeek = sessionsPerWeek[frequency]
    const capacity =
      phase.toWeek === null ? remaining : Math.floor((phase.toWeek - phase.fromWeek + 1) * perWeek)
    const n = Math.min(remaining, capacity)
    rows.push({
      phase: phaseLabels[phase.name],
      fromWeek: phase.fromWeek,
      toWeek: phase.fromWeek + Math.ceil(n / perWeek) - 1,
      frequency,
      sessions: n,
    })
    remaining -= n
  }
  return { rows, beyondProtocol: remaining }
}

const weeks = (row: ScheduleRow) =>
  row.fromWeek === row.toWeek ? `Week ${row.fromWeek}` : `Weeks ${row.fromWeek}–${row.toWeek}`
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** The devices of one dose, as the nurse uses them (§3: 28 mg each, 5 minutes apart). */
export function deviceLine(
  devices: DevicePlan,
  deviceMg = esketamineDeviceMg,
  gapMin = minutesBetweenDevices,
) {
  const count = plural(devices.deviceCount, 'device')
  return devices.deviceCount === 1
    ? `${devices.doseMg} mg = 1 device of ${deviceMg} mg (${devices.sprayCount} sprays)`
    : `${devices.doseMg} mg = ${count} of ${deviceMg} mg (${devices.sprayCount} sprays), ${gapMin} minutes apart`
}

/**
 * An esketamine plan as a prescriber checks it (clinical-reference §3): the 28 mg devices of the
 * dose and their timing, how the planned sessions fall over the induction, maintenance and
 * continuation weeks, the benefit review, the start dose from 65, and the 2-hour observation.
 */
export function EsketamineDosePreview({
  protocol,
  doseMg,
  cadence,
  plannedSessions,
  ageYears,
}: {
  protocol: EsketamineProtocol
  doseMg: number
  cadence: string
  plannedSessions: number
  /** The patient's age today; null when unknown. */
  ageYears: number | null
}) {
  let devices: DevicePlan | null = null
  try {
    devices = devicesForDose(doseMg)
  } catch {
    devices = null
  }
  const schedule = sessionSchedule(protocol, cadence, plannedSessions)
  const start = ageYears === null ? null : esketamineStartDose(protocol, ageYears)
  const lastWeek = protocol.phases.at(-1)?.toWeek ?? null
  return (
    <Paper bg="teal.0" p="sm" radius="md" aria-label="Device preview">
      <Stack gap={6}>
        {devices ? (
          <Group gap="xs">
            <Text size="sm">
              <strong>{deviceLine(devices)}</strong>
            </Text>
            {devices.deviceCount > 1 && (
              <Text size="sm" c="dimmed">
                {devices.deviceOffsetsMin.map((m, i) => `device ${i + 1} at ${m} min`).join(' · ')}
              </Text>
            )}
          </Group>
        ) : (
          <Text size="sm" c="orange.8">
            {doseMg} mg is not a whole number of 28 mg devices.
          </Text>
        )}
        {start?.isOlderAdultStart && (
          <Group gap="xs">
            <Badge color="blue" variant="light">
              Age {ageYears}
            </Badge>
            <Text size="sm">
              From 65 the first session is {start.doseMg} mg; later sessions 28, 56 or 84 mg.
            </Text>
          </Group>
        )}
        {schedule.rows.length > 0 && (
          <List size="sm" spacing={2} aria-label="Sessions schedule">
            {schedule.rows.map((row) => (
              <List.Item key={`${row.phase}-${row.fromWeek}`}>
                {weeks(row)} ({row.phase.toLowerCase()}): {frequencyLabels[row.frequency]?.toLowerCase()},{' '}
                {plural(row.sessions, 'session')}
              </List.Item>
            ))}
          </List>
        )}
        {schedule.beyondProtocol > 0 && (
          <Text size="sm" c="orange.8">
            {plural(schedule.beyondProtocol, 'planned session')} fall after this {lastWeek}-week course; plan
            them after the benefit review.
          </Text>
        )}
        {protocol.assessBenefitAfterWeek !== null && (
          <Text size="sm">Review the benefit at the end of week {protocol.assessBenefitAfterWeek}.</Text>
        )}
        <Text size="xs" c="dimmed">
          After each dose: observe at least 2 hours and until sedation and dissociation have resolved, with
          pulse oximetry; no driving until the next day.
        </Text>
      </Stack>
    </Paper>
  )
}
