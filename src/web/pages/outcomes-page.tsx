import '@mantine/charts/styles.css'
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { useClinicSummary } from '../api/clinic'
import { type OutcomeDashboard, type OutcomeQuery, useOutcomeDashboard } from '../api/outcomes'
import { useCurrentClinic } from '../components/current-clinic'
import { FlaggedPatientsModal } from '../components/outcomes/flagged-patients'
import { formatNumber } from '../components/outcomes/format'
import { OutcomeCards } from '../components/outcomes/outcome-cards'
import {
  ageBandLabels,
  OutcomeFilters,
  type OutcomeFilterValues,
  protocolLabels,
  readOutcomeFilters,
  routeLabels,
  severityLabels,
} from '../components/outcomes/outcome-filters'
import { buildOutcomesCsv, minReadableN } from '../components/outcomes/outcome-measures'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { startOfDayIso } from '../lib/time'

function downloadCsv(data: OutcomeDashboard, filters: OutcomeFilterValues, timeZone: string | undefined) {
  const blob = new Blob([buildOutcomesCsv(data, timeZone)], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  const parts = [
    filters.clinics && 'all-clinics',
    filters.route,
    filters.protocol,
    filters.ageBand,
    filters.severity,
    filters.from,
    filters.to,
  ].filter(Boolean)
  link.href = url
  link.download = `outcomes-${new Date().toISOString().slice(0, 10)}${parts.length ? `-${parts.join('-')}` : ''}.csv`
  document.body.append(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
}

function CohortSummary({ data, filters }: { data: OutcomeDashboard; filters: OutcomeFilterValues }) {
  const described = [
    data.cohort.clinics.length > 1 &&
      data.cohort.clinics.map((c) => `${c.name} ${formatNumber(c.patients)}`).join(', '),
    filters.protocol
      ? protocolLabels[filters.protocol]
      : filters.route
        ? routeLabels[filters.route]
        : 'All treatments',
    filters.ageBand && `age ${ageBandLabels[filters.ageBand].toLowerCase()}`,
    filters.severity && `${severityLabels[filters.severity]} at baseline`,
    (filters.from || filters.to) && `first dose ${filters.from || '…'} to ${filters.to || '…'}`,
  ].filter(Boolean)
  return (
    <Group gap="lg" align="baseline">
      <Text size="xl" fw={700} data-testid="cohort-size">
        {formatNumber(data.cohort.patients)} patients
      </Text>
      <Text size="sm" c="dimmed">
        {formatNumber(data.cohort.sessions)} discharged sessions · {described.join(' · ')}
      </Text>
    </Group>
  )
}

/**
 * The clinic's outcomes beside the literature (issue 8): charts first, each with its table on
 * demand, and the whole set as CSV. The cohort filters live in the query string.
 */
export function OutcomesPage() {
  const { me, membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const [params, setParams] = useSearchParams()
  const summary = useClinicSummary(clinicId)
  const timeZone = summary.data?.timeZone
  const filters = readOutcomeFilters(params)
  const hasDates = filters.from !== '' || filters.to !== ''
  const isReversed = filters.from !== '' && filters.to !== '' && filters.from > filters.to

  const query: OutcomeQuery = {
    clinics: filters.clinics || undefined,
    route: filters.route || undefined,
    protocol: filters.protocol || undefined,
    ageBand: filters.ageBand || undefined,
    severity: filters.severity || undefined,
    // Whole days in the clinic's zone; the API's `to` is exclusive, so the next day's start.
    from: filters.from ? startOfDayIso(filters.from, timeZone) : undefined,
    to: filters.to ? startOfDayIso(filters.to, timeZone, 1) : undefined,
  }
  const dashboard = useOutcomeDashboard(clinicId, query, {
    // Day bounds need the clinic's zone; a reversed range would only return an empty cohort.
    isEnabled: !isReversed && (!hasDates || summary.isFetched),
  })
  const data = dashboard.data

  const update = (changes: Partial<OutcomeFilterValues>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next, { replace: true })
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={1} size="h2">
            Outcomes
          </Title>
          <Text size="sm" c="dimmed">
            {filters.clinics === 'all' ? 'Your clinics’ results, added up,' : 'This clinic’s results'}, beside
            published figures for the same treatment. A clinic is not a trial: read differences against the 95
            % intervals, not the bars alone. Tap a count to see the patients behind it.
          </Text>
        </div>
        <Button
          style={{ flexShrink: 0 }}
          variant="light"
          disabled={!data}
          onClick={() => data && downloadCsv(data, filters, timeZone)}
        >
          Download CSV
        </Button>
      </Group>
      <Paper withBorder radius="md" p="md">
        <OutcomeFilters
          values={filters}
          onChange={update}
          readableClinics={me.memberships.filter((m) => m.permissions.includes('reports:read')).length}
        />
      </Paper>
      {dashboard.isError && <ErrorAlert error={dashboard.error} title="Could not load the outcomes" />}
      {dashboard.isPending && !isReversed && <PageLoader />}
      {data && (
        <>
          <Group gap="sm" align="center">
            <CohortSummary data={data} filters={filters} />
            {dashboard.isPlaceholderData && (
              <Badge variant="light" color="gray" leftSection={<Loader size={10} />}>
                Updating
              </Badge>
            )}
          </Group>
          {data.cohort.patients < minReadableN && (
            <Alert color="orange" variant="light" title="Cohort too small to read" role="status">
              {data.cohort.patients === 0
                ? 'No patient in this cohort has a baseline PHQ-9 and a completed session. Widen the filters.'
                : `${data.cohort.patients} patients is too few (fewer than ${minReadableN}) for these rates to mean much: the intervals below are wide and one patient moves a rate by several points. Widen the filters before comparing with the literature.`}
            </Alert>
          )}
          {data.comparison.treatment === null && data.cohort.patients > 0 && (
            <Alert color="blue" variant="light" title="Two treatments mixed" role="note">
              <Stack gap="xs">
                <Text size="sm">
                  These {formatNumber(data.cohort.patients)} patients had IV ketamine (
                  {formatNumber(data.cohort.byRoute.iv)}) or esketamine nasal spray (
                  {formatNumber(data.cohort.byRoute.intranasal)}). Published figures are each for one
                  treatment, so none is drawn against this mix.
                </Text>
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => update({ route: 'iv', protocol: '' })}
                  >
                    Compare IV ketamine
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => update({ route: 'intranasal', protocol: '' })}
                  >
                    Compare esketamine
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <OutcomeCards data={data} />
          <FlaggedPatientsModal query={query} />
        </>
      )}
    </Stack>
  )
}
