import { Table, Text } from '@mantine/core'
import { formatInterval, formatLiterature, formatNumber } from './format'
import { type MeasureRow, minReadableN } from './outcome-measures'

interface MeasureTableProps {
  label: string
  rows: MeasureRow[]
  /** Header of the count column: "Patients meeting it", "Reports" … */
  countLabel?: string
  nLabel?: string
}

/** The numbers behind a chart, as the CSV download has them. */
export function MeasureTable({ label, rows, countLabel = 'Count', nLabel = 'n' }: MeasureTableProps) {
  const hasInterval = rows.some((r) => r.lower !== null)
  const hasLiterature = rows.some((r) => r.literatureValue.length > 0)
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped fz="sm" verticalSpacing={4} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Measure</Table.Th>
            <Table.Th ta="right">{countLabel}</Table.Th>
            <Table.Th ta="right">{nLabel}</Table.Th>
            <Table.Th ta="right">Value</Table.Th>
            {hasInterval && <Table.Th ta="right">95 % CI</Table.Th>}
            {hasLiterature && <Table.Th>Literature</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.measure}|${r.timepoint}`}>
              <Table.Td>
                {r.measure}
                {r.timepoint && (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    · {r.timepoint}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(r.count)}</Table.Td>
              <Table.Td ta="right">
                {formatNumber(r.n)}
                {r.n !== null && r.n < minReadableN && r.unit !== 'per 100 sessions' && (
                  <Text span c="orange.8" size="xs">
                    {' '}
                    (too few)
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(r.value, r.unit)}</Table.Td>
              {hasInterval && <Table.Td ta="right">{formatInterval(r)}</Table.Td>}
              {hasLiterature && (
                <Table.Td>
                  {formatLiterature(r).map((l) => (
                    <div key={l.source}>
                      {l.text}{' '}
                      <Text span c="dimmed" size="xs">
                        {l.source}
                      </Text>
                    </div>
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
