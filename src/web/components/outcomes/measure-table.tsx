import { Table, Text } from '@mantine/core'
import { formatInterval, formatLiterature, formatNumber } from './format'
import { type MeasureRow, minReadableN } from './outcome-measures'

interface MeasureTableProps {
  label: string
  rows: MeasureRow[]
  /** Header of the "count / n" column, naming both: "Met / measured", "Reports / sessions" … */
  countHeader?: string
}

/** The numbers behind a chart, as the CSV download has them; compact enough for a half-width card. */
export function MeasureTable({ label, rows, countHeader = 'Count / n' }: MeasureTableProps) {
  const hasInterval = rows.some((r) => r.lower !== null)
  const hasLiterature = rows.some((r) => r.literatureValue.length > 0)
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped fz="sm" verticalSpacing={4} horizontalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Measure</Table.Th>
            <Table.Th ta="right">{countHeader}</Table.Th>
            <Table.Th ta="right">{hasInterval ? 'Value (95 % CI)' : 'Value'}</Table.Th>
            {hasLiterature && <Table.Th>Literature</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.measure}|${r.timepoint}`}>
              <Table.Td>
                {r.measure}
                {r.timepoint && (
                  <Text c="dimmed" size="xs">
                    {r.timepoint}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {r.count === null ? '' : `${formatNumber(r.count)} / `}
                {formatNumber(r.n)}
                {r.n !== null && r.n < minReadableN && (
                  <Text c="orange.8" size="xs">
                    too few to read
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatNumber(r.value, r.unit)}
                {r.lower !== null && (
                  <Text c="dimmed" size="xs">
                    {formatInterval(r)}
                  </Text>
                )}
              </Table.Td>
              {hasLiterature && (
                <Table.Td>
                  {formatLiterature(r).map((l) => (
                    <Text key={l.source} size="sm">
                      {l.text}{' '}
                      <Text span c="dimmed" size="xs">
                        {l.source}
                      </Text>
                    </Text>
                  ))}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
