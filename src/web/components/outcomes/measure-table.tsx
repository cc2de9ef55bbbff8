import { Text } from '@mantine/core'
import { type Column, DataTable, figureColumn } from '../data-table'
import { formatInterval, formatLiterature, formatNumber } from './format'
import { type MeasureRow, minReadableN } from './outcome-measures'

interface MeasureTableProps {
  label: string
  rows: MeasureRow[]
  /** Header of the "count / n" column, naming both: "Met / measured", "Reports / sessions" … */
  countHeader?: string
}

const measureColumn: Column<MeasureRow> = {
  header: 'Measure',
  cell: (r) => (
    <>
      {r.measure}
      {r.timepoint && (
        <Text c="dimmed" size="xs">
          {r.timepoint}
        </Text>
      )}
    </>
  ),
}

const countColumn = (header: string): Column<MeasureRow> => ({
  header,
  ...figureColumn,
  cell: (r) => (
    <>
      {r.count === null ? '' : `${formatNumber(r.count)} / `}
      {formatNumber(r.n)}
      {r.n !== null && r.n < minReadableN && (
        <Text c="orange.8" size="xs">
          too few to read
        </Text>
      )}
    </>
  ),
})

const valueColumn = (hasInterval: boolean): Column<MeasureRow> => ({
  header: hasInterval ? 'Value (95 % CI)' : 'Value',
  ...figureColumn,
  cell: (r) => (
    <>
      {formatNumber(r.value, r.unit)}
      {r.lower !== null && (
        <Text c="dimmed" size="xs">
          {formatInterval(r)}
        </Text>
      )}
    </>
  ),
})

const literatureColumn: Column<MeasureRow> = {
  header: 'Literature',
  cell: (r) =>
    formatLiterature(r).map((l) => (
      <Text key={l.source} size="sm">
        {l.text}{' '}
        <Text span c="dimmed" size="xs">
          {l.source}
        </Text>
      </Text>
    )),
}

/** The numbers behind a chart, as the CSV download has them; compact enough for a half-width card. */
export function MeasureTable({ label, rows, countHeader = 'Count / n' }: MeasureTableProps) {
  const hasInterval = rows.some((r) => r.lower !== null)
  const hasLiterature = rows.some((r) => r.literatureValue.length > 0)
  const columns = [measureColumn, countColumn(countHeader), valueColumn(hasInterval)]
  return (
    <DataTable
      label={label}
      minWidth={420}
      columns={hasLiterature ? [...columns, literatureColumn] : columns}
      rows={rows}
      rowKey={(r) => `${r.measure}|${r.timepoint}`}
      table={{ striped: true, fz: 'sm', verticalSpacing: 4, horizontalSpacing: 'xs' }}
    />
  )
}
