import { Button, Group, Paper, Stack } from '@mantine/core'
import { type ReactNode, useId, useState } from 'react'
import { SectionHeading } from '../section-heading'

interface ChartCardProps {
  title: string
  /** One line under the title: what is counted and over whom. */
  description?: ReactNode
  /** Shown instead of the chart's reading when the denominator is too small (see minReadableN). */
  warning?: ReactNode
  chart: ReactNode
  table: ReactNode
}

/** Charts first, tables on demand: every chart has its numbers one click away. */
export function ChartCard({ title, description, warning, chart, table }: ChartCardProps) {
  const [isTableShown, setIsTableShown] = useState(false)
  const tableId = useId()
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <SectionHeading title={title} note={description} order={2} style={{ flex: 1, minWidth: 0 }} />
          <Button
            variant="subtle"
            size="compact-sm"
            style={{ flexShrink: 0 }}
            aria-expanded={isTableShown}
            aria-controls={tableId}
            onClick={() => setIsTableShown((shown) => !shown)}
          >
            {isTableShown ? 'Hide table' : 'Show table'}
          </Button>
        </Group>
        {warning}
        {chart}
        <div id={tableId} hidden={!isTableShown}>
          {isTableShown && table}
        </div>
      </Stack>
    </Paper>
  )
}
