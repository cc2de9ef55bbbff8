import { Table } from '@mantine/core'

/** A hand-laid table's header row from its column names (each unique; '' for a column of buttons). */
export function ClinicalTableHead({ headers }: { headers: readonly string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {headers.map((header) => (
          <Table.Th key={header}>{header}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  )
}
