import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { type ReactNode, useId, useState } from 'react'

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
          <div style={{ flex: 1, minWidth: 0 }}>
            <Title order={2} size="h4">
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </div>
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
