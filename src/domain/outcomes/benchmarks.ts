export type BenchmarkTreatment = 'iv-ketamine' | 'esketamine' | 'ect' | 'placebo'

export type BenchmarkMetric =
  | 'response'
  | 'remission'
  | 'relapse'
  | 'median-days-to-relapse'
  | 'median-sessions-to-remission'
  | 'madrs-change'
  | 'early-response-sensitivity'

export type BenchmarkTimepoint = '2h' | '24h' | '72h' | '1w' | '4w' | 'course-end' | '12mo'

export interface Benchmark {
  id: string
  /** Short citation shown beside the clinic's own figure. */
  source: string
  treatment: BenchmarkTreatment
  metric: BenchmarkMetric
  value: number
  unit: 'percent' | 'days' | 'sessions' | 'points'
  timepoint: BenchmarkTimepoint | null
  instrument?: string
  note?: string
}

const HAN = 'Han et al., NDT 2016 (meta-analysis of 9 RCTs, n = 368)'
const MURROUGH = 'Murrough et al. 2013 (up to 6 infusions)'
const ELEKT_D = 'ELEKT-D, NEJM 2023 (6 infusions)'
const KETECT = 'KetECT 2022'
const ESK_MONO = 'Esketamine monotherapy approval, Jan 2025'

type Row = [
  id: string,
  source: string,
  treatment: BenchmarkTreatment,
  metric: BenchmarkMetric,
  value: number,
  unit: Benchmark['unit'],
  timepoint: BenchmarkTimepoint | null,
  extra?: Pick<Benchmark, 'instrument' | 'note'>,
]

// Every figure is from clinical-reference §6 (✅); keep the two in step.
const ROWS: Row[] = [
  ['han-response-24h', HAN, 'iv-ketamine', 'response', 52.2, 'percent', '24h'],
  ['han-response-72h', HAN, 'iv-ketamine', 'response', 47.9, 'percent', '72h'],
  ['han-response-1w', HAN, 'iv-ketamine', 'response', 39.8, 'percent', '1w'],
  ['han-remission-24h', HAN, 'iv-ketamine', 'remission', 20.6, 'percent', '24h'],
  ['han-remission-72h', HAN, 'iv-ketamine', 'remission', 23.8, 'percent', '72h'],
  ['han-remission-1w', HAN, 'iv-ketamine', 'remission', 26.2, 'percent', '1w'],
  ['murrough-response', MURROUGH, 'iv-ketamine', 'response', 70.8, 'percent', 'course-end'],
  [
    'murrough-madrs-2h',
    MURROUGH,
    'iv-ketamine',
    'madrs-change',
    -18.9,
    'points',
    '2h',
    { instrument: 'madrs' },
  ],
  [
    'murrough-4h-sensitivity',
    MURROUGH,
    'iv-ketamine',
    'early-response-sensitivity',
    94,
    'percent',
    null,
    {
      note: 'Response at 4 h predicted response at course end.',
    },
  ],
  [
    'murrough-relapse-median',
    MURROUGH,
    'iv-ketamine',
    'median-days-to-relapse',
    18,
    'days',
    null,
    {
      note: 'Among responders.',
    },
  ],
  [
    'elektd-response-ketamine',
    ELEKT_D,
    'iv-ketamine',
    'response',
    55.4,
    'percent',
    'course-end',
    { instrument: 'qids-sr16' },
  ],
  [
    'elektd-response-ect',
    ELEKT_D,
    'ect',
    'response',
    41.2,
    'percent',
    'course-end',
    { instrument: 'qids-sr16' },
  ],
  [
    'ketect-remission-ketamine',
    KETECT,
    'iv-ketamine',
    'remission',
    46,
    'percent',
    'course-end',
    {
      instrument: 'madrs',
      note: 'Remission = MADRS ≤ 10.',
    },
  ],
  ['ketect-remission-ect', KETECT, 'ect', 'remission', 63, 'percent', 'course-end', { instrument: 'madrs' }],
  [
    'ketect-sessions-to-remission',
    KETECT,
    'iv-ketamine',
    'median-sessions-to-remission',
    6,
    'sessions',
    null,
  ],
  [
    'ketect-relapse-12mo',
    KETECT,
    'iv-ketamine',
    'relapse',
    70,
    'percent',
    '12mo',
    { note: 'Among ketamine remitters.' },
  ],
  ['esketamine-mono-remission', ESK_MONO, 'esketamine', 'remission', 22.5, 'percent', '4w'],
  ['esketamine-mono-remission-placebo', ESK_MONO, 'placebo', 'remission', 7.6, 'percent', '4w'],
]

export const BENCHMARKS: readonly Benchmark[] = ROWS.map(
  ([id, source, treatment, metric, value, unit, timepoint, extra]) => ({
    id,
    source,
    treatment,
    metric,
    value,
    unit,
    timepoint,
    ...extra,
  }),
)

export function findBenchmarks(
  filter: Partial<Pick<Benchmark, 'treatment' | 'metric' | 'timepoint'>> = {},
): Benchmark[] {
  return BENCHMARKS.filter(
    (b) =>
      (filter.treatment === undefined || b.treatment === filter.treatment) &&
      (filter.metric === undefined || b.metric === filter.metric) &&
      (filter.timepoint === undefined || b.timepoint === filter.timepoint),
  )
}
