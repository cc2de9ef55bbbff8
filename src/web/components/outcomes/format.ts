import type { MeasureRow } from './outcome-measures'

const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })
const whole = new Intl.NumberFormat('en')

export function formatNumber(value: number | null, unit = ''): string {
  if (value === null) return '–'
  // Counts read as whole numbers; rates, days and pressures keep one decimal so columns line up.
  const text =
    Number.isInteger(value) && (unit === '' || unit === 'patients')
      ? whole.format(value)
      : oneDecimal.format(value)
  return unit === '%' ? `${text} %` : unit ? `${text} ${unit}` : text
}

/** "41.2–55.0 %", or a dash where the interval is not estimable. */
export function formatInterval(row: Pick<MeasureRow, 'lower' | 'upper' | 'unit'>): string {
  if (row.lower === null || row.upper === null) return '–'
  const unit = row.unit === '%' ? ' %' : row.unit === 'days' ? ' days' : ''
  return `${oneDecimal.format(row.lower)}–${oneDecimal.format(row.upper)}${unit}`
}

export function formatLiterature(row: Pick<MeasureRow, 'literatureValue' | 'literatureSource' | 'unit'>) {
  return row.literatureValue.map((value, i) => ({
    text: formatNumber(value, row.unit === '%' ? '%' : row.unit),
    source: row.literatureSource[i] ?? '',
  }))
}

const benchmarkTimepointLabels: Record<string, string> = {
  '2h': '2 hours',
  '24h': '24 hours',
  '72h': '72 hours',
  '1w': '1 week',
  '4w': '4 weeks',
  'course-end': 'course end',
  '12mo': '12 months',
}

export function formatBenchmarkTimepoint(timepoint: string | null): string {
  return timepoint === null ? '' : (benchmarkTimepointLabels[timepoint] ?? timepoint)
}
