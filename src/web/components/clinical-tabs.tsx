import { Tabs } from '@mantine/core'
import type { ComponentType } from 'react'

interface PanelTab<Props> {
  value: string
  label: string
  Panel: ComponentType<Props>
}

/** A page's tabs as a table: each names its panel, which gets the page's props; only the open one is mounted. */
export function PanelTabs<Props extends object>({
  value,
  onChange,
  tabs,
  panelProps,
  isGrow = false,
  panelTop,
}: {
  value: string
  onChange: (value: string) => void
  tabs: readonly PanelTab<Props>[]
  panelProps: Props
  isGrow?: boolean
  panelTop: 'sm' | 'md'
}) {
  return (
    <Tabs value={value} onChange={(next) => next && onChange(next)} keepMounted={false}>
      <Tabs.List grow={isGrow}>
        {tabs.map((t) => (
          <Tabs.Tab key={t.value} value={t.value} fz="md" py="sm">
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map(({ value: tab, Panel }) => (
        <Tabs.Panel key={tab} value={tab} pt={panelTop}>
          <Panel {...panelProps} />
        </Tabs.Panel>
      ))}
    </Tabs>
  )
}
