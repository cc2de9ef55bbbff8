import { Alert, Anchor, Badge, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import type { FormEvent } from 'react'
import { Link } from 'react-router'
import { clinicClockOf, clinicDateOf, clinicInstant } from '../../../domain/time'
import { isApiError } from '../../api/client'
import { useBookSession, useChairs, usePatientSessions, useSuggestedDates } from '../../api/sessions'
import { clinicPath } from '../../clinic-path'
import { ClinicalCard } from '../../components/clinical-card'
import { formatClinicDay } from '../../components/clinical-day'
import { useClinicalForm } from '../../components/clinical-form'
import { hasClinicPermission, useCurrentClinic } from '../../components/current-clinic'
import { DataTable } from '../../components/data-table'
import { MutationError } from '../../components/mutation-error'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { TimeCell } from '../../components/time-cell'
import { routeLabels, stateColors, stateLabels } from '../../lib/session-labels'
import { zoneOrBrowser } from '../../lib/time'
import type { ChartTabProps } from './chart-tab-props'
import { RemsEnrolmentCard } from './rems-enrolment-card'

/** Today's date and the time now (HH:MM) on the clinic's wall clock. */
function clinicNow(timeZone: string | undefined): { date: string; time: string } {
  const now = new Date()
  const zone = zoneOrBrowser(timeZone)
  return { date: clinicDateOf(now, zone), time: clinicClockOf(now, zone) }
}

/** The instant of a wall-clock date and time in the clinic's zone. */
export function zonedInstant(date: string, time: string, timeZone: string | undefined): string {
  return clinicInstant(date, time, zoneOrBrowser(timeZone)).toISOString()
}

function BookForm({ clinicId, patientId, timeZone }: ChartTabProps) {
  const { membership } = useCurrentClinic()
  const canOverride = hasClinicPermission(membership, 'override:sign')
  const chairs = useChairs(clinicId)
  const suggested = useSuggestedDates(clinicId, patientId, true)
  const book = useBookSession(clinicId, patientId)
  const now = clinicNow(timeZone)
  const { form, values, field } = useClinicalForm(
    { date: now.date, time: now.time, chairId: null as string | null, overrideReason: '' },
    book.error,
  )
  const { date, time, chairId, overrideReason } = values
  const isSpacingRefusal = isApiError(book.error, 'conflict') && 'minimumHours' in book.error.problem
  // The REMS hard stop (§3) has no override: the message names what to record first.
  const isRemsRefusal = isApiError(book.error, 'conflict') && 'remsMissing' in book.error.problem

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!chairId) return
    book.mutate(
      {
        patientId,
        chairId,
        scheduledAt: zonedInstant(date, time, timeZone),
        ...(isSpacingRefusal && overrideReason.trim()
          ? { spacingOverrideReason: overrideReason.trim() }
          : {}),
      },
      { onSuccess: () => form.setFieldValue('overrideReason', '') },
    )
  }
  if (suggested.data && suggested.data.planId === null)
    return (
      <Alert color="gray" variant="light" title="No approved plan">
        Sessions are booked from an approved treatment plan; a prescriber approves one on the Plan tab.
      </Alert>
    )
  return (
    <ClinicalCard label="Book a session" title="Book a session" titleSize="h5" onSubmit={submit}>
      {suggested.data?.benefitReview && (
        <Text size="sm" aria-label="Benefit review">
          <Badge color="violet" variant="light" mr={6}>
            Review
          </Badge>
          {suggested.data.benefitReview.note}
        </Text>
      )}
      {suggested.data && suggested.data.dates.length > 0 && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Suggested by the plan ({suggested.data.remaining} left):
          </Text>
          {suggested.data.dates.map((d) => (
            <Button
              key={d.date}
              size="compact-sm"
              variant={d.date === date ? 'filled' : 'light'}
              onClick={() => form.setFieldValue('date', d.date)}
              title={d.note}
            >
              {formatClinicDay(d.date, 'short')}
            </Button>
          ))}
        </Group>
      )}
      <Group align="flex-end" gap="md">
        <TextInput type="date" label="Date" {...field('date', { serverField: 'scheduledAt' })} required />
        <TextInput type="time" label="Time" {...form.getInputProps('time')} required />
        <Select
          label="Chair"
          data={(chairs.data ?? []).filter((c) => c.isActive).map((c) => ({ value: c.id, label: c.name }))}
          {...field('chairId')}
          w={160}
        />
        <Button type="submit" disabled={!chairId || !date || !time} loading={book.isPending}>
          {isSpacingRefusal && overrideReason.trim() ? 'Book with override' : 'Book session'}
        </Button>
      </Group>
      {isSpacingRefusal && (
        <Alert color="orange" variant="light" title="Too close to another session">
          <Stack gap="xs">
            <Text size="sm">{isApiError(book.error) ? book.error.detail : ''}</Text>
            {canOverride ? (
              <Textarea
                label="Override reason"
                description="As the prescriber you may book it anyway; the reason is kept with the session."
                {...field('overrideReason', { serverField: 'spacingOverrideReason' })}
                autosize
                minRows={2}
              />
            ) : (
              <Text size="sm">Choose a later date, or ask a prescriber to book it with an override.</Text>
            )}
          </Stack>
        </Alert>
      )}
      {isRemsRefusal && (
        <Alert color="red" variant="light" role="alert" title="Not booked: esketamine REMS requirement">
          <Text size="sm">{isApiError(book.error) ? book.error.detail : ''}</Text>
        </Alert>
      )}
      {!isSpacingRefusal && !isRemsRefusal && (
        <MutationError
          error={book.error}
          placedFields={['scheduledAt', 'chairId', 'spacingOverrideReason']}
        />
      )}
      {book.isSuccess && (
        <Text size="sm" c="teal.8" role="status">
          Session {book.data.session.sessionNumber} booked.
        </Text>
      )}
    </ClinicalCard>
  )
}

/** The patient's treatment sessions, and booking the next one from the approved plan. */
export function SessionsTab(props: ChartTabProps) {
  const { clinicId, patientId, timeZone, canReadClinical } = props
  const { membership } = useCurrentClinic()
  const sessions = usePatientSessions(clinicId, patientId)
  const canBook = hasClinicPermission(membership, 'scheduling:write')
  const suggested = useSuggestedDates(clinicId, patientId, canBook)
  if (sessions.isPending) return <PageLoader />
  if (sessions.isError) return <ErrorAlert error={sessions.error} title="Could not load the sessions" />
  return (
    <Stack gap="md" maw={1000}>
      {/* The form's date and time start at the clinic's wall clock, so it waits for the zone. */}
      {/* §3: esketamine needs the patient's REMS enrolment before booking or dosing. */}
      {suggested.data?.route === 'intranasal' && (
        <RemsEnrolmentCard
          clinicId={clinicId}
          patientId={patientId}
          timeZone={timeZone}
          canRecord={props.canWriteClinical}
        />
      )}
      {canBook && timeZone && <BookForm {...props} />}
      <DataTable
        label="Treatment sessions"
        minWidth={560}
        table={{ striped: true, verticalSpacing: undefined }}
        rows={sessions.data}
        rowKey={(s) => s.id}
        emptyRow="No sessions booked yet."
        columns={[
          {
            header: '#',
            cell: (s) =>
              canReadClinical ? (
                <Anchor component={Link} to={clinicPath(clinicId, `sessions/${s.id}`)}>
                  Session {s.sessionNumber}
                </Anchor>
              ) : (
                `Session ${s.sessionNumber}`
              ),
          },
          { header: 'Booked for', cell: (s) => <TimeCell iso={s.scheduledAt} timeZone={timeZone} /> },
          { header: 'Chair', cell: (s) => s.chairName ?? '—' },
          { header: 'Route', cell: (s) => routeLabels[s.route] },
          {
            header: 'State',
            cell: (s) => (
              <Badge color={stateColors[s.state]} variant="light">
                {stateLabels[s.state]}
              </Badge>
            ),
          },
        ]}
      />
    </Stack>
  )
}
