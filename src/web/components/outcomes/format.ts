import type { MeasureRow } from './outcome-measures'

const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })
const whole = new Intl.NumberFormat('en')

export function formatNumber(value: number | null, unit = ''): string {
  if (value === null) return '–'
  const text = Number.isInteger(value) && unit !== '%' ? whole.format(value) : oneDecimal.format(value)
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
