import { Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { type Column, TitledTable } from '../../components/data-table'
import { struckIfInError } from '../../components/mark-in-error-button'

/** A chart section of records that can be marked entered in error: struck through once they are. */
export function ChartRecordTable<T extends { id: string; enteredInError: unknown }>({
  title,
  emptyText,
  rows,
  columns,
  footer,
  minWidth = 640,
}: {
  title: string
  emptyText: string
  rows: T[]
  columns: Column<T>[]
  footer?: ReactNode
  minWidth?: number
}) {
  return (
    <TitledTable
      title={title}
      emptyText={emptyText}
      label={title}
      minWidth={minWidth}
      rows={rows}
      rowKey={(row) => row.id}
      rowStyle={struckIfInError}
      columns={columns}
      footer={footer}
    />
  )
}

/** A chart section of cards (plans, decisions): its heading, then the cards or why there are none. */
export function ChartSection({
  title,
  emptyText,
  isEmpty,
  gap,
  children,
}: {
  title: string
  emptyText: string
  isEmpty: boolean
  gap: 'xs' | 'md'
  children: ReactNode
}) {
  return (
    <Stack gap={gap}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {isEmpty && (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
      {children}
    </Stack>
  )
}
