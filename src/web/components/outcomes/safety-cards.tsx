import { Group, Stack, Text } from '@mantine/core'
import type { ComponentProps, ReactNode } from 'react'
import { useClinicSummary } from '../../api/clinic'
import type { OutcomeDashboard } from '../../api/outcomes'
import { useCurrentClinic } from '../current-clinic'
import { ChartCard } from './chart-card'
import { FlagLink } from './flagged-patients'
import { formatInterval, formatNumber } from './format'
import { IntervalMeter } from './interval-meter'
import { MeasureTable } from './measure-table'
import {
  bloodPressureLiteratureFor,
  buildMeasureRows,
  type MeasureRow,
  minReadableN,
} from './outcome-measures'
import { SideEffectsChart } from './side-effects-chart'
import { TooFew } from './too-few-alert'

const section = (rows: MeasureRow[], name: string) => rows.filter((r) => r.section === name)

/** A figure's caption and value on one line, over its meter (and any note under it). */
function MeterRow({
  caption,
  figure,
  children,
}: {
  caption: ReactNode
  figure: ReactNode
  children: ReactNode
}) {
  return (
    <div>
      <Group justify="space-between" gap="xs">
        <Text size="sm">{caption}</Text>
        <Text size="sm" fw={600}>
          {figure}
        </Text>
      </Group>
      {children}
    </div>
  )
}

/** A rate in percent with its 95 % interval beside it, over its meter. */
function PercentMeterRow({
  caption,
  row,
  ...meter
}: {
  caption: ReactNode
  row: MeasureRow
} & Omit<ComponentProps<typeof IntervalMeter>, 'value' | 'lower' | 'upper' | 'unit'>) {
  return (
    <MeterRow
      caption={caption}
      figure={
        <>
          {formatNumber(row.value, '%')}{' '}
          <Text span size="xs" c="dimmed" fw={400}>
            CI {formatInterval(row)}
          </Text>
        </>
      }
    >
      <IntervalMeter {...meter} value={row.value} lower={row.lower} upper={row.upper} unit="%" />
    </MeterRow>
  )
}

export function SideEffectsCard({ data }: { data: OutcomeDashboard }) {
  const rows = section(buildMeasureRows(data), 'Side effects')
  return (
    <ChartCard
      title="Side effects"
      description={`Reports per 100 sessions by term and grade, over ${formatNumber(data.cohort.sessions)} discharged sessions.`}
      warning={
        data.cohort.sessions < minReadableN && <TooFew data={data} n={data.cohort.sessions} what="sessions" />
      }
      chart={
        rows.length ? (
          <SideEffectsChart events={data.adverseEvents} />
        ) : (
          <Text size="sm" c="dimmed">
            No side effects recorded for this cohort.
          </Text>
        )
      }
      table={<MeasureTable label="Side effects" rows={rows} countHeader="Reports / sessions" />}
    />
  )
}

export function BloodPressureCard({ data }: { data: OutcomeDashboard }) {
  const rows = section(buildMeasureRows(data), 'Blood pressure')
  const [excursions, rise] = rows as [MeasureRow, MeasureRow]
  const isTooFew = data.bloodPressure.sessions < minReadableN
  // The published series is IV ketamine: drawn beside an IV cohort only.
  const literature = bloodPressureLiteratureFor(data)
  return (
    <ChartCard
      title="Blood pressure"
      description="Peak during infusion against the pre-dose reading."
      warning={isTooFew && <TooFew data={data} n={data.bloodPressure.sessions} what="sessions with vitals" />}
      chart={
        <Stack gap="sm">
          <PercentMeterRow
            caption={
              <>
                Sessions above 180/110:{' '}
                <FlagLink flag="bp-excursion">
                  {excursions.count ?? 0} of {excursions.n ?? 0}
                </FlagLink>
              </>
            }
            row={excursions}
            label="Sessions with blood pressure above 180/110, percent"
            max={Math.max(5, Math.ceil(((excursions.upper ?? 0) * 1.2) / 5) * 5)}
            color="red.6"
            isFaded={isTooFew}
            literature={
              literature && { value: literature.excursionPercentOfSessions, source: literature.source }
            }
          />
          <MeterRow
            caption="Mean systolic rise"
            figure={rise.value === null ? '–' : `+${formatNumber(rise.value, 'mmHg')}`}
          >
            <IntervalMeter
              label="Mean systolic rise, mmHg"
              value={rise.value}
              max={40}
              unit="mmHg"
              color="orange.6"
              isFaded={isTooFew}
              literature={literature && { value: literature.meanSystolicRiseMmHg, source: literature.source }}
            />
          </MeterRow>
          <Text size="xs" c="dimmed">
            The bar: your figure; the line through it, where the true figure most likely lies.{' '}
            {literature
              ? `◆ A published figure for IV ketamine (${literature.source}): +${literature.meanSystolicRiseMmHg} mmHg mean rise, ${literature.excursionPercentOfSessions} % of sessions with severe hypertension.`
              : 'No published figure here: the one series there is covers IV ketamine only.'}
          </Text>
        </Stack>
      }
      table={<MeasureTable label="Blood pressure" rows={rows} countHeader="Above / sessions" />}
    />
  )
}

export function NoResponseCard({ data }: { data: OutcomeDashboard }) {
  const rows = section(buildMeasureRows(data), 'Early non-response')
  const row = rows[0]!
  const isTooFew = (row.n ?? 0) < minReadableN
  return (
    <ChartCard
      title="No response after 3 sessions"
      description="Patients with 3 or more sessions whose 1-week PHQ-9 is not 50 % below baseline: flags for review."
      warning={
        isTooFew && <TooFew data={data} n={row.n ?? 0} what="patients with a 1-week score after 3 sessions" />
      }
      chart={
        <PercentMeterRow
          caption={
            <>
              <FlagLink flag="no-response-after-three">
                {row.count ?? 0} of {row.n ?? 0} patients
              </FlagLink>{' '}
              flagged
            </>
          }
          row={row}
          label="Patients without response after 3 sessions, percent"
          max={100}
          color="grape.6"
          isFaded={isTooFew}
        />
      }
      table={
        <MeasureTable label="No response after 3 sessions" rows={rows} countHeader="Flagged / patients" />
      }
    />
  )
}

export function ChairCard({ data }: { data: OutcomeDashboard }) {
  const { membership } = useCurrentClinic()
  const timeZone = useClinicSummary(membership.clinicId).data?.timeZone
  const rows = section(buildMeasureRows(data, timeZone), 'Chair utilisation')
  const row = rows[0]!
  const use = data.chairUtilisation
  return (
    <ChartCard
      title="Chair utilisation"
      description={`Booked session hours against 8 hours a working day per active chair, ${row.timepoint}.`}
      chart={
        <MeterRow
          caption={
            <>
              {formatNumber(Math.round(use.bookedHours))} of {formatNumber(use.capacityHours)} chair-hours
              booked
            </>
          }
          figure={formatNumber(row.value, '%')}
        >
          <IntervalMeter
            label="Chair utilisation, percent"
            value={row.value}
            max={100}
            unit="%"
            color="blue.6"
          />
          {(use.rate ?? 0) > 1 && (
            <Text size="xs" c="orange.8" mt={4}>
              More hours booked than the active chairs can hold: check that every chair in use is set up and
              active, or that sessions are not double-booked.
            </Text>
          )}
        </MeterRow>
      }
      table={<MeasureTable label="Chair utilisation" rows={rows} countHeader="Booked / capacity h" />}
    />
  )
}
