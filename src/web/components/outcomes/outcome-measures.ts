import { toCsv } from '../../../domain/csv'
import type { Benchmark, BenchmarkMetric } from '../../../domain/outcomes'
import type { OutcomeDashboard, OutcomeTimepoint, Proportion } from '../../api/outcomes'

// Every figure of the dashboard as one flat row (measure, n, value, 95 % CI, literature): the
// tables under the charts and the CSV download are both built from these, so they always agree.

/** Below this many patients (or sessions) a rate's interval is too wide to read as a clinic figure. */
export const minReadableN = 20

export const timepointLabels: Record<OutcomeTimepoint, string> = {
  '24h': '24 hours',
  '1w': '1 week',
  'course-end': 'Course end',
}
export const timepoints: OutcomeTimepoint[] = ['24h', '1w', 'course-end']

/**
 * Yale series, 138 patients and 2,342 infusions (clinical-reference §2): mean systolic rise
 * +16 mmHg; severe hypertension (> 180/110) in 0.98 % of sessions. Not in the domain's benchmark
 * table, which holds efficacy figures (§6) only.
 */
export const bloodPressureLiterature = {
  source: 'Yale infusion series (138 patients, 2,342 infusions)',
  meanSystolicRiseMmHg: 16,
  excursionPercentOfSessions: 0.98,
}

/** The blood-pressure figures to compare with: the IV series beside an IV cohort, else none. */
export function bloodPressureLiteratureFor(d: Pick<OutcomeDashboard, 'comparison'>) {
  return d.comparison.treatment === 'iv-ketamine' ? bloodPressureLiterature : null
}

export interface MeasureRow {
  section: string
  measure: string
  timepoint: string
  /** Numerator: patients meeting the measure, events, side-effect reports, booked hours. */
  count: number | null
  /** Denominator: patients measured, responders followed, sessions, capacity hours. */
  n: number | null
  value: number | null
  lower: number | null
  upper: number | null
  unit: string
  literatureValue: number[]
  literatureSource: string[]
}

const toPercent = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10)

type Figure = { value: number; source: string }

/** The published figures beside a row, as its two columns. */
function literatureColumns(literature: readonly Figure[]) {
  return {
    literatureValue: literature.map((l) => l.value),
    literatureSource: literature.map((l) => l.source),
  }
}

/** A row with no numerator, interval or literature unless it names them. */
function measureRow(
  fields: Pick<MeasureRow, 'section' | 'measure' | 'timepoint' | 'n' | 'value' | 'unit'> &
    Partial<MeasureRow>,
): MeasureRow {
  return { count: null, lower: null, upper: null, literatureValue: [], literatureSource: [], ...fields }
}

function proportionRow(
  section: string,
  measure: string,
  timepoint: string,
  p: Proportion,
  literature: readonly Figure[] = [],
): MeasureRow {
  return {
    section,
    measure,
    timepoint,
    count: p.successes,
    n: p.total,
    value: toPercent(p.rate),
    lower: toPercent(p.lower),
    upper: toPercent(p.upper),
    unit: '%',
    ...literatureColumns(literature),
  }
}

/** The literature figures for a metric at a timepoint (timepoint null: figures without one). */
export function matchBenchmarks(
  benchmarks: readonly Benchmark[],
  metric: BenchmarkMetric,
  timepoint: Benchmark['timepoint'],
): Benchmark[] {
  return benchmarks.filter((b) => b.metric === metric && b.timepoint === timepoint)
}

/** YYYY-MM-DD of an instant in the clinic's zone (the browser's when unknown). */
function formatDay(iso: string, timeZone: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' }
  try {
    return new Intl.DateTimeFormat('en-CA', { ...options, timeZone }).format(new Date(iso))
  } catch {
    return new Intl.DateTimeFormat('en-CA', options).format(new Date(iso))
  }
}

/** `timeZone` (the clinic's) names the days of the chair-use period; its end is exclusive. */
export function buildMeasureRows(d: OutcomeDashboard, timeZone?: string): MeasureRow[] {
  const patientsRow = (timepoint: string, n: number) =>
    measureRow({ section: 'Cohort', measure: 'Patients', timepoint, n, value: null, unit: 'patients' })
  const rows: MeasureRow[] = [
    patientsRow('', d.cohort.patients),
    // Added up over several clinics: each clinic's share, so the file says what it is made of.
    ...(d.cohort.clinics.length > 1 ? d.cohort.clinics.map((c) => patientsRow(c.name, c.patients)) : []),
  ]
  for (const t of timepoints) {
    for (const metric of ['response', 'remission'] as const) {
      const literature = matchBenchmarks(d.benchmarks, metric, t)
      const label = metric === 'response' ? 'Response' : 'Remission'
      rows.push(proportionRow('Efficacy', label, timepointLabels[t], d.outcomes[t][metric], literature))
    }
  }
  const relapseLiterature = matchBenchmarks(d.benchmarks, 'median-days-to-relapse', null)
  rows.push(
    measureRow({
      section: 'Relapse',
      measure: 'Median days to relapse among responders',
      timepoint: 'After course end',
      count: d.relapse?.events ?? 0,
      n: d.relapse?.responders ?? 0,
      value: d.relapse?.medianDays ?? null,
      lower: d.relapse?.medianLowerDays ?? null,
      upper: d.relapse?.medianUpperDays ?? null,
      unit: 'days',
      ...literatureColumns(relapseLiterature),
    }),
  )
  for (const e of d.adverseEvents) {
    rows.push(
      measureRow({
        section: 'Side effects',
        measure: `${e.term} (grade ${e.grade})`,
        timepoint: '',
        count: e.count,
        n: d.cohort.sessions,
        value: e.per100Sessions,
        unit: 'per 100 sessions',
      }),
    )
  }
  const bp = d.bloodPressure
  // The Yale series is IV ketamine: beside an IV cohort only (issue 14, like with like).
  const bpLiterature = bloodPressureLiteratureFor(d)
  rows.push(
    proportionRow(
      'Blood pressure',
      'Sessions with BP above 180/110',
      'During infusion',
      bp.excursions,
      bpLiterature ? [{ value: bpLiterature.excursionPercentOfSessions, source: bpLiterature.source }] : [],
    ),
    measureRow({
      section: 'Blood pressure',
      measure: 'Mean systolic rise',
      timepoint: 'Peak during infusion vs pre-dose',
      n: bp.sessions,
      value: bp.meanSystolicRiseMmHg,
      unit: 'mmHg',
      ...literatureColumns(
        bpLiterature ? [{ value: bpLiterature.meanSystolicRiseMmHg, source: bpLiterature.source }] : [],
      ),
    }),
    proportionRow('Early non-response', 'No response after 3 sessions', '1 week', d.noResponseAfterThree),
    measureRow({
      section: 'Chair utilisation',
      measure: 'Booked hours of chair capacity',
      timepoint: `${formatDay(d.chairUtilisation.from, timeZone)} to ${formatDay(new Date(Date.parse(d.chairUtilisation.to) - 1).toISOString(), timeZone)}`,
      count: Math.round(d.chairUtilisation.bookedHours * 10) / 10,
      n: d.chairUtilisation.capacityHours,
      value: toPercent(d.chairUtilisation.rate),
      unit: '%',
    }),
  )
  return rows
}

const csvColumns = [
  'section',
  'measure',
  'timepoint',
  'count',
  'n',
  'value',
  'ci95_lower',
  'ci95_upper',
  'unit',
  'literature_value',
  'literature_source',
] as const

/** CSV (src/domain/csv.ts), one row per measure; several literature figures are joined with "; " in order. */
export function buildOutcomesCsv(d: OutcomeDashboard, timeZone?: string): string {
  return toCsv([
    csvColumns,
    ...buildMeasureRows(d, timeZone).map((r) => [
      r.section,
      r.measure,
      r.timepoint,
      r.count,
      r.n,
      r.value,
      r.lower,
      r.upper,
      r.unit,
      r.literatureValue.join('; ') || null,
      r.literatureSource.join('; ') || null,
    ]),
  ])
}
