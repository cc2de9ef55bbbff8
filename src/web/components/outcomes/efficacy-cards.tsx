import { Stack, Text } from '@mantine/core'
import type { OutcomeDashboard } from '../../api/outcomes'
import { ChartCard } from './chart-card'
import { formatBenchmarkTimepoint, formatInterval, formatNumber } from './format'
import { MeasureTable } from './measure-table'
import { buildMeasureRows, matchBenchmarks, minReadableN } from './outcome-measures'
import { RelapseChart, RelapseTable } from './relapse-chart'
import { ResponseChart } from './response-chart'
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
      description="PHQ-9: response ≥ 50 % below baseline, remission < 5; bars with 95 % intervals, literature as marked dashes."
      warning={
        smallest < minReadableN && (
          <TooFew data={data} n={smallest} what="patients measured at some timepoint" />
        )
      }
      chart={
        <Stack gap={4}>
          <ResponseChart data={data} />
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
          <RelapseChart relapse={relapse} literatureMedianDays={literature?.value ?? null} />
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
