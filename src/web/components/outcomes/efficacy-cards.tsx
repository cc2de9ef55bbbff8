import { Flex, Group, Stack, Text } from '@mantine/core'
import type { OutcomeDashboard, OutcomeTimepoint } from '../../api/outcomes'
import { ChartCard } from './chart-card'
import { ChartLegend, mixedTreatmentsNote } from './chart-legend'
import { FlagLink } from './flagged-patients'
import { formatBenchmarkTimepoint, formatInterval, formatNumber } from './format'
import { MeasureTable } from './measure-table'
import {
  buildMeasureRows,
  matchBenchmarks,
  minReadableN,
  timepointLabels,
  timepoints,
} from './outcome-measures'
import { RelapseChart, RelapseTable } from './relapse-chart'
import { ResponseChart, responseChartData, responseSources } from './response-chart'

/** "Responded: 24 hours 12 of 40 · 1 week …", each count opening its patients. */
function CountLinks({ data }: { data: OutcomeDashboard }) {
  return (
    <Stack gap={2} aria-label="Patients behind each bar">
      {(['response', 'remission'] as const).map((metric) => (
        <Group key={metric} gap={6} wrap="wrap">
          <Text size="xs" fw={600}>
            {metric === 'response' ? 'Responded:' : 'In remission:'}
          </Text>
          {timepoints.map((t: OutcomeTimepoint) => {
            const p = data.outcomes[t][metric]
            return (
              <Text key={t} size="xs" component="span">
                {timepointLabels[t]}{' '}
                <FlagLink flag={`${metric}-${t}`}>
                  {p.successes} of {p.total}
                </FlagLink>
              </Text>
            )
          })}
        </Group>
      ))}
    </Stack>
  )
}

import { TooFew } from './too-few-alert'

export function ResponseCard({ data }: { data: OutcomeDashboard }) {
  const rows = buildMeasureRows(data).filter((r) => r.section === 'Efficacy')
  const smallest = Math.min(...rows.map((r) => r.n ?? 0))
  const unplotted = data.benchmarks.filter(
    (b) =>
      (b.metric === 'response' || b.metric === 'remission') &&
      !['24h', '1w', 'course-end'].includes(b.timepoint ?? ''),
  )
  return (
    <ChartCard
      title="Response and remission"
      description="PHQ-9: response means the score fell by half or more; remission means it is below 5."
      warning={
        smallest < minReadableN && (
          <TooFew data={data} n={smallest} what="patients measured at some timepoint" />
        )
      }
      chart={
        <Stack gap={4}>
          <Flex gap="md" wrap="wrap" align="flex-start">
            <div style={{ flex: '1 1 300px', minWidth: 0 }}>
              <ResponseChart data={data} />
            </div>
            <div style={{ flex: '1 1 200px', maxWidth: 320 }}>
              <ChartLegend
                bars={[
                  { color: 'teal.6', text: 'Green bar: the share of your patients who responded.' },
                  { color: 'indigo.5', text: 'Blue bar: the share in remission.' },
                ]}
                sources={responseSources(responseChartData(data))}
                noComparison={data.comparison.treatment === null ? mixedTreatmentsNote : null}
              />
            </div>
          </Flex>
          <CountLinks data={data} />
          {unplotted.length > 0 && (
            <Text size="xs" c="dimmed">
              Also published for this treatment, at other timepoints:{' '}
              {unplotted
                .map(
                  (b) => `${b.metric} ${b.value} % at ${formatBenchmarkTimepoint(b.timepoint)} (${b.source})`,
                )
                .join('; ')}
              .
            </Text>
          )}
        </Stack>
      }
      table={<MeasureTable label="Response and remission" rows={rows} countHeader="Met / measured" />}
    />
  )
}

export function RelapseCard({ data }: { data: OutcomeDashboard }) {
  const relapse = data.relapse
  const literature = matchBenchmarks(data.benchmarks, 'median-days-to-relapse', null)[0] ?? null
  const rows = buildMeasureRows(data).filter((r) => r.section === 'Relapse')
  return (
    <ChartCard
      title="Time to relapse"
      description={
        relapse
          ? `Kaplan–Meier among ${relapse.responders} course-end responders with follow-up (${relapse.events} relapsed). Median ${relapse.medianDays === null ? 'not reached' : formatNumber(relapse.medianDays, 'days')} (95 % CI ${formatInterval(rows[0]!)})${literature ? `; ${literature.source}: ${literature.value} days` : ''}.`
          : 'Kaplan–Meier among course-end responders with follow-up.'
      }
      warning={
        relapse &&
        relapse.responders < minReadableN && (
          <TooFew data={data} n={relapse.responders} what="responders followed" />
        )
      }
      chart={
        relapse ? (
          <Stack gap={4}>
            <RelapseChart relapse={relapse} literatureMedianDays={literature?.value ?? null} />
            <Text size="xs">
              The line: the share of responders still well, day by day after the course.{' '}
              {literature
                ? `The dashed line: the median published for the same treatment (${literature.source}).`
                : data.comparison.treatment === null
                  ? 'No published median here: these patients had different treatments.'
                  : ''}{' '}
              <FlagLink flag="relapsed">{relapse.events} relapsed</FlagLink>
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No responder in this cohort has a PHQ-9 after the course yet, so there is no curve to draw.
          </Text>
        )
      }
      table={
        <Stack gap="sm">
          <MeasureTable label="Median time to relapse" rows={rows} countHeader="Relapsed / followed" />
          {relapse && <RelapseTable steps={relapse.steps} />}
        </Stack>
      }
    />
  )
}
